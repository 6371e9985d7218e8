package cn.gov.disclosure.infra.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A tiny, real OIDC provider for the browser tests (JDK HttpServer): discovery, a login form at the authorization
 * endpoint that POSTs user and password and redirects back with a code, a token endpoint that checks the PKCE
 * {@code code_verifier} against the {@code code_challenge} (S256) and the redirect URI, and an end-session endpoint.
 * The access token is signed like {@link TestTokens} (issuer https://server.example.com, the key of Quarkus' OIDC test
 * server that the service under test already trusts), with the user's role in {@code groups} and their
 * organisation in {@code org}, as Keycloak's admin-frontend client issues them.
 *
 * <p>Quarkus' {@code OidcWiremockTestResource} also serves a login form for code flow, but its tokens carry neither
 * {@code org} nor the role of the user who signed in, and it does not check PKCE.
 *
 * <p>Sets {@code frontend.oidc.auth-server-url}, which the pages (the reviewers' /admin/, the townships' /workspace/)
 * read from /api/v1/frontend-config. Shared by the services' browser tests.
 */
public class TestOidcProvider implements QuarkusTestResourceLifecycleManager {

    /** user → {role, organisation}; the password is the user name. Mirrors deploy/keycloak's users. */
    public static final Map<String, String[]> USERS = Map.of(
            "jinjiang", new String[]{"county-reviewer", "350582"},
            "jinjiang2", new String[]{"county-reviewer", "350582"},
            "mengjin", new String[]{"county-reviewer", "410308"},
            "zimao", new String[]{"township-submitter", "350582107"},
            "shenhu", new String[]{"township-submitter", "350582104"},
            "changfu", new String[]{"township-submitter", "360982103"},
            "huimeng", new String[]{"township-submitter", "410308101"});

    public static final String CLIENT_ID = "admin-frontend";

    private record Grant(String user, String clientId, String redirectUri, String challenge, long expires) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private HttpServer server;
    private String base;

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
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/annual-report";
        server.createContext("/realms/annual-report/", this::handle);
        server.start();
        return Map.of("frontend.oidc.auth-server-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath().substring("/realms/annual-report".length());
            x.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            if ("OPTIONS".equals(x.getRequestMethod())) {
                x.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST");
                x.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type, Accept");
                send(x, 204, null, null);
                return;
            }
            switch (path) {
                case "/.well-known/openid-configuration" -> send(x, 200, "application/json", """
                        {"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                        "token_endpoint":"%1$s/protocol/openid-connect/token",
                        "end_session_endpoint":"%1$s/protocol/openid-connect/logout",
                        "response_types_supported":["code"],"code_challenge_methods_supported":["S256"],
                        "grant_types_supported":["authorization_code"]}""".formatted(base));
                case "/protocol/openid-connect/auth" -> {
                    if ("POST".equals(x.getRequestMethod())) {
                        login(x);
                    } else {
                        loginForm(x, query(x.getRequestURI().getRawQuery()), null);
                    }
                }
                case "/protocol/openid-connect/token" -> token(x);
                case "/protocol/openid-connect/logout" -> {
                    String to = query(x.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
                    redirect(x, to == null ? base : to);
                }
                default -> send(x, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            send(x, 500, "text/plain", String.valueOf(e));
        }
    }

    private void loginForm(HttpExchange x, Map<String, String> q, String error) throws IOException {
        if (!"code".equals(q.get("response_type")) || !CLIENT_ID.equals(q.get("client_id"))
                || q.get("redirect_uri") == null || q.get("code_challenge") == null
                || !"S256".equals(q.get("code_challenge_method"))) {
            send(x, 400, "text/plain; charset=utf-8", "invalid_request: code flow with PKCE (S256) of admin-frontend only");
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String k : new String[]{"client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method"}) {
            hidden.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(html(q.get(k))).append("\">");
        }
        send(x, 200, "text/html; charset=utf-8", """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证</title></head>
                <body><h1>统一身份认证（测试）</h1>%s
                <form method="post" action="auth">%s
                <label>用户名 <input id="username" name="username"></label>
                <label>密码 <input id="password" name="password" type="password"></label>
                <button id="kc-login" type="submit">登录</button></form></body></html>"""
                .formatted(error == null ? "" : "<p id=\"login-error\">" + html(error) + "</p>", hidden));
    }

    private void login(HttpExchange x) throws IOException {
        Map<String, String> f = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String user = f.get("username");
        if (user == null || !USERS.containsKey(user) || !user.equals(f.get("password"))) {
            f.put("response_type", "code");
            loginForm(x, f, "用户名或密码不正确");
            return;
        }
        String code = token(24);
        codes.put(code, new Grant(user, f.get("client_id"), f.get("redirect_uri"), f.get("code_challenge"),
                System.currentTimeMillis() + 60_000));
        String redirect = f.get("redirect_uri");
        redirect(x, redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code)
                + (f.get("state") == null ? "" : "&state=" + enc(f.get("state"))));
    }

    private void token(HttpExchange x) throws IOException {
        if (!"POST".equals(x.getRequestMethod())) {
            send(x, 405, "text/plain", "POST only");
            return;
        }
        Map<String, String> f = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant g = f.get("code") == null ? null : codes.remove(f.get("code"));
        if (!"authorization_code".equals(f.get("grant_type")) || g == null || g.expires() < System.currentTimeMillis()
                || !g.clientId().equals(f.get("client_id")) || !g.redirectUri().equals(f.get("redirect_uri"))) {
            send(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        String verifier = f.get("code_verifier");
        if (verifier == null || !s256(verifier).equals(g.challenge())) {
            send(x, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
            return;
        }
        String[] who = USERS.get(g.user());
        String access = Jwt.issuer(TestTokens.ISSUER).subject(g.user()).preferredUserName(g.user()).claim("name", g.user())
                .groups(Set.of(who[0])).claim("org", who[1]).expiresIn(3600).sign("privateKey.jwk");
        send(x, 200, "application/json", "{\"access_token\":\"" + access + "\",\"id_token\":\"" + access
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"openid profile\"}");
    }

    static String s256(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String html(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void redirect(HttpExchange x, String to) throws IOException {
        URI.create(to); // must be a URI
        x.getResponseHeaders().add("Location", to);
        send(x, 302, null, null);
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            x.getResponseHeaders().add("Content-Type", type);
        }
        x.getResponseHeaders().add("Cache-Control", "no-store");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}
