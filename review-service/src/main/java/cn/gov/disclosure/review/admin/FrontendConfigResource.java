package cn.gov.disclosure.review.admin;

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
 * What the admin front-end (/admin/) needs to sign in: the OIDC provider (its discovery document lives at
 * {@code <authServerUrl>/.well-known/openid-configuration}), the public client and the scopes. Backed by the
 * {@code admin.oidc.*} properties.
 */
@Path("/api/v1/frontend-config")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "admin front-end", description = "审核前端配置 / sign-in settings of the admin front-end")
public class FrontendConfigResource {

    public record FrontendConfig(String authServerUrl, String clientId, String scope) {
    }

    @ConfigProperty(name = "admin.oidc.auth-server-url")
    String authServerUrl;

    @ConfigProperty(name = "admin.oidc.client-id", defaultValue = "admin-frontend")
    String clientId;

    @ConfigProperty(name = "admin.oidc.scope", defaultValue = "openid profile")
    String scope;

    @GET
    @Operation(summary = "审核前端的登录配置 / The OIDC provider and client of the admin front-end")
    public Response config() {
        return Response.ok(new FrontendConfig(authServerUrl, clientId, scope)).header("Cache-Control", "no-store").build();
    }
}
