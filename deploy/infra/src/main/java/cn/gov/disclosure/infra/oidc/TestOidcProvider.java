package cn.gov.disclosure.infra.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A tiny, real OIDC provider for a service's browser tests (JDK HttpServer): discovery and the {@link CodeFlow}
 * (login form, PKCE, refresh, end of session). The access token is signed like {@link TestTokens} (issuer
 * https://server.example.com, the key of Quarkus' OIDC test server that the service under test already trusts), with
 * the user's role in {@code groups} and their organisation in {@code org}, as Keycloak's admin-frontend client issues
 * them.
 *
 * <p>Quarkus' {@code OidcWiremockTestResource} also serves a login form for code flow, but its tokens carry neither
 * {@code org} nor the role of the user who signed in, and it does not check PKCE.
 *
 * <p>Sets {@code frontend.oidc.auth-server-url}, which the pages (the reviewers' /admin/, the townships' /workspace/)
 * read from /api/v1/frontend-config. Shared by the services' browser tests.
 */
public class TestOidcProvider implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private CodeFlow flow;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ClassLoader loader = TestOidcProvider.class.getClassLoader();
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-oidc-provider");
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        }));
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/annual-report";
        flow = new CodeFlow(base, TestOidcProvider::mint);
        server.createContext("/realms/annual-report/", x -> handle(x, base));
        server.start();
        return Map.of("frontend.oidc.auth-server-url", base);
    }

    private static String mint(String user, String role, String organisation, long seconds) {
        JwtClaimsBuilder claims = Jwt.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject(user)
                .preferredUserName(user)
                .claim("name", user)
                .groups(Set.of(role));
        if (organisation != null) {
            claims.claim("org", organisation);
        }
        return claims.expiresIn(seconds).sign("privateKey.jwk");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange x, String base) throws IOException {
        try {
            String path = x.getRequestURI().getPath().substring("/realms/annual-report".length());
            if (flow.handle(x, path)) {
                return;
            }
            if (path.equals("/.well-known/openid-configuration")) {
                CodeFlow.send(
                        x, 200, "application/json", "{\"issuer\":\"" + base + "\"," + flow.discoveryEntries() + "}");
            } else {
                CodeFlow.send(x, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            CodeFlow.send(x, 500, "text/plain", String.valueOf(e));
        }
    }
}
