package cn.gov.disclosure.infra.oidc;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the pages need of an OIDC provider, for the test providers ({@link TestOidcProvider} in a service's tests,
 * {@link LocalOidcProvider} for the whole platform): a login form at the authorization endpoint that POSTs user and
 * password and redirects back with a code; a token endpoint that checks the PKCE {@code code_verifier} against the
 * {@code code_challenge} (S256) and the redirect URI, and that renews a session with its refresh token; an
 * end-session endpoint; CORS for the pages' origins. The provider signs the access tokens ({@link Minter}).
 */
public final class CodeFlow {

    /** How a provider signs an access token of a user, valid {@code seconds}. */
    @FunctionalInterface
    public interface Minter {
        String mint(String user, String role, String organisation, long seconds);
    }

    /** A demo user: their role, their organisation and how long their access tokens live. */
    public record User(String role, String organisation, long accessSeconds) {}

    /**
     * user → role and organisation; the password is the user name. Mirrors deploy/keycloak's users, and adds
     * {@code pingle} (平乐镇), whose access tokens live 8 seconds: a clerk whose work outlasts many tokens (the pages'
     * token refresh).
     */
    public static final Map<String, User> USERS = Map.ofEntries(
            Map.entry("jinjiang", new User("county-reviewer", "350582", 3600)),
            Map.entry("jinjiang2", new User("county-reviewer", "350582", 3600)),
            Map.entry("mengjin", new User("county-reviewer", "410308", 3600)),
            Map.entry("zimao", new User("township-submitter", "350582107", 3600)),
            Map.entry("shenhu", new User("township-submitter", "350582104", 3600)),
            Map.entry("changfu", new User("township-submitter", "360982103", 3600)),
            Map.entry("huimeng", new User("township-submitter", "410308101", 3600)),
            Map.entry("pingle", new User("township-submitter", "410308102", 8)),
            Map.entry("province-admin", new User("province-admin", "350000", 3600)),
            Map.entry("operator", new User("operator", null, 3600)));

    public static final String CLIENT_ID = "admin-frontend";

    private record Grant(String user, String clientId, String redirectUri, String challenge, long expires) {}

    private final String base;
    private final Minter minter;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    /** refresh token → user */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    private final AtomicInteger refreshes = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    /** @param base the issuer ({@code http://host:port/realms/annual-report}) */
    public CodeFlow(String base, Minter minter) {
        this.base = base;
        this.minter = minter;
    }

    /** The discovery document's entries for the code flow (without braces), to join to a provider's own. */
    public String discoveryEntries() {
        return """
                "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                "token_endpoint":"%1$s/protocol/openid-connect/token",
                "end_session_endpoint":"%1$s/protocol/openid-connect/logout",
                "response_types_supported":["code"],"code_challenge_methods_supported":["S256"],
                "grant_types_supported":["authorization_code","refresh_token"]""".formatted(base);
    }

    /** How many sessions were renewed with a refresh token so far. */
    public int refreshes() {
        return refreshes.get();
    }

    /**
     * Answers {@code path} (relative to the issuer) when it is one of the code flow's endpoints or a CORS preflight;
     * false when it is not (the provider answers it). Adds the CORS header to every answer.
     */
    public boolean handle(HttpExchange x, String path) throws IOException {
        x.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        if ("OPTIONS".equals(x.getRequestMethod())) {
            x.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST");
            x.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type, Accept");
            send(x, 204, null, null);
            return true;
        }
        switch (path) {
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
            default -> {
                return false;
            }
        }
        return true;
    }

    private void loginForm(HttpExchange x, Map<String, String> q, String error) throws IOException {
        if (!"code".equals(q.get("response_type"))
                || !CLIENT_ID.equals(q.get("client_id"))
                || q.get("redirect_uri") == null
                || q.get("code_challenge") == null
                || !"S256".equals(q.get("code_challenge_method"))) {
            send(
                    x,
                    400,
                    "text/plain; charset=utf-8",
                    "invalid_request: code flow with PKCE (S256) of admin-frontend only");
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String k :
                new String[] {"client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method"
                }) {
            hidden.append("<input type=\"hidden\" name=\"")
                    .append(k)
                    .append("\" value=\"")
                    .append(html(q.get(k)))
                    .append("\">");
        }
        send(x, 200, "text/html; charset=utf-8", """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证</title></head>
                <body><h1>统一身份认证（测试）</h1>%s
                <form method="post" action="auth">%s
                <label>用户名 <input id="username" name="username"></label>
                <label>密码 <input id="password" name="password" type="password"></label>
                <button id="kc-login" type="submit">登录</button></form></body></html>""".formatted(
                        error == null ? "" : "<p id=\"login-error\">" + html(error) + "</p>", hidden));
    }

    private void login(HttpExchange x) throws IOException {
        Map<String, String> f = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String user = f.get("username");
        if (user == null || !USERS.containsKey(user) || !user.equals(f.get("password"))) {
            f.put("response_type", "code");
            loginForm(x, f, "用户名或密码不正确");
            return;
        }
        String code = randomToken();
        codes.put(
                code,
                new Grant(
                        user,
                        f.get("client_id"),
                        f.get("redirect_uri"),
                        f.get("code_challenge"),
                        System.currentTimeMillis() + 60_000));
        String redirect = f.get("redirect_uri");
        redirect(
                x,
                redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code)
                        + (f.get("state") == null ? "" : "&state=" + enc(f.get("state"))));
    }

    private void token(HttpExchange x) throws IOException {
        if (!"POST".equals(x.getRequestMethod())) {
            send(x, 405, "text/plain", "POST only");
            return;
        }
        Map<String, String> f = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String user;
        if ("refresh_token".equals(f.get("grant_type"))) {
            user = f.get("refresh_token") == null || !CLIENT_ID.equals(f.get("client_id"))
                    ? null
                    : sessions.remove(f.get("refresh_token"));
            if (user == null) {
                send(
                        x,
                        400,
                        "application/json",
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}");
                return;
            }
            refreshes.incrementAndGet();
        } else {
            Grant g = f.get("code") == null ? null : codes.remove(f.get("code"));
            if (!"authorization_code".equals(f.get("grant_type"))
                    || g == null
                    || g.expires() < System.currentTimeMillis()
                    || !g.clientId().equals(f.get("client_id"))
                    || !g.redirectUri().equals(f.get("redirect_uri"))) {
                send(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
            String verifier = f.get("code_verifier");
            if (verifier == null || !s256(verifier).equals(g.challenge())) {
                send(
                        x,
                        400,
                        "application/json",
                        "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
                return;
            }
            user = g.user();
        }
        User who = USERS.get(user);
        String access = minter.mint(user, who.role(), who.organisation(), who.accessSeconds());
        String refresh = randomToken();
        sessions.put(refresh, user);
        send(
                x,
                200,
                "application/json",
                "{\"access_token\":\"" + access + "\",\"id_token\":\"" + access
                        + "\",\"refresh_token\":\"" + refresh + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                        + who.accessSeconds()
                        + ",\"refresh_expires_in\":1800,\"scope\":\"openid profile\"}");
    }

    static String s256(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken() {
        byte[] b = new byte[24];
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
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    private static void redirect(HttpExchange x, String to) throws IOException {
        URI.create(to); // must be a URI
        x.getResponseHeaders().add("Location", to);
        send(x, 302, null, null);
    }

    /** An answer with {@code Cache-Control: no-store}; {@code body} null for none. */
    static void send(HttpExchange x, int status, String type, String body) throws IOException {
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
