package cn.gov.disclosure.support.frontend;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a service's page (the reviewers' /admin/, the townships' /workspace/) needs to sign in: the OIDC provider (its
 * discovery document lives at {@code <authServerUrl>/.well-known/openid-configuration}), the public client and the
 * scopes. Backed by the {@code frontend.oidc.*} properties; the provider defaults to the one the service checks tokens
 * with.
 */
@Path("/api/v1/frontend-config")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "front-end", description = "页面登录配置 / sign-in settings of the service's page")
public class FrontendConfigResource {

    /**
     * @param reviewUrl    the reviewers' page (a county reviewer who opens the townships' page is sent there)
     * @param workspaceUrl  the townships' page (and the other way round)
     * @param validationUrl the validation service, whose dry run the townships' page calls as the clerk edits (it
     *                      allows the page's origin by CORS)
     * @param publicationUrl the publication service, whose preview the reviewers' page calls (the PDF a case would
     *                      be published as; CORS too)
     */
    public record FrontendConfig(
            String authServerUrl,
            String clientId,
            String scope,
            String reviewUrl,
            String workspaceUrl,
            String validationUrl,
            String publicationUrl) {}

    @ConfigProperty(name = "frontend.oidc.auth-server-url", defaultValue = "${quarkus.oidc.auth-server-url}")
    String authServerUrl;

    @ConfigProperty(name = "frontend.oidc.client-id", defaultValue = "admin-frontend")
    String clientId;

    @ConfigProperty(name = "frontend.oidc.scope", defaultValue = "openid profile")
    String scope;

    @ConfigProperty(name = "frontend.review-url", defaultValue = "http://127.0.0.1:8083/admin/")
    String reviewUrl;

    @ConfigProperty(name = "frontend.workspace-url", defaultValue = "http://127.0.0.1:8081/workspace/")
    String workspaceUrl;

    @ConfigProperty(name = "frontend.validation-url", defaultValue = "http://127.0.0.1:8082")
    String validationUrl;

    @ConfigProperty(name = "frontend.publication-url", defaultValue = "http://127.0.0.1:8084")
    String publicationUrl;

    @GET
    @Operation(summary = "页面的登录配置 / The OIDC provider and client of the service's page")
    public Response config() {
        return Response.ok(new FrontendConfig(
                        authServerUrl, clientId, scope, reviewUrl, workspaceUrl, validationUrl, publicationUrl))
                .header("Cache-Control", "no-store")
                .build();
    }
}
