package cn.gov.disclosure.infra.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small, real OIDC provider for the platform's end-to-end test, load benchmark and failure drill, when Keycloak
 * (deploy/oidc.sh) would cost minutes: it publishes the discovery document and the JSON Web Key Set of an RSA key
 * made at start, and signs RS256 access tokens with it, shaped as the realm {@code annual-report} issues them
 * (issuer {@code <base>/realms/annual-report}, the role in {@code groups} and {@code realm_access.roles}, the
 * organisation in {@code org}). The services check these tokens with {@code quarkus-oidc} exactly as Keycloak's:
 * discovery, key by {@code kid}, signature, issuer, expiry. The pages sign in through its {@link CodeFlow} (the
 * demo users of deploy/keycloak). JDK only.
 */
public final class LocalOidcProvider implements AutoCloseable {

    public static final String REALM_PATH = "/realms/annual-report";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String keyId = "local-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpServer server;
    private final String issuer;
    private final CodeFlow codeFlow;

    private LocalOidcProvider(int port) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            keys = g.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "local-oidc-provider");
            t.setDaemon(true);
            return t;
        }));
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        codeFlow = new CodeFlow(issuer, (user, role, org, seconds) -> {
            long now = Instant.now().getEpochSecond();
            return sign(claims(user, role, org, now, now + seconds), keys.getPrivate(), keyId);
        });
        server.createContext(REALM_PATH + "/", this::handle);
        server.start();
    }

    /** Starts the provider on 127.0.0.1 ({@code port} 0: a free one). */
    public static LocalOidcProvider start(int port) {
        return new LocalOidcProvider(port);
    }

    /** The issuer, which is also what a service's {@code quarkus.oidc.auth-server-url} names. */
    public String issuer() {
        return issuer;
    }

    /** How many browser sessions were renewed with a refresh token. */
    public int refreshes() {
        return codeFlow.refreshes();
    }

    /** An access token of {@code user} with {@code role} and organisation {@code org} (null: none), valid 1 hour. */
    public String token(String user, String role, String org) {
        long now = Instant.now().getEpochSecond();
        return sign(claims(user, role, org, now, now + 3600), keys.getPrivate(), keyId);
    }

    /** The same token, expired an hour ago. */
    public String expired(String user, String role, String org) {
        long then = Instant.now().getEpochSecond() - 7200;
        return sign(claims(user, role, org, then, then + 600), keys.getPrivate(), keyId);
    }

    /** A token signed by a key this provider never published (under the published key id). */
    public String forged(String user, String role, String org) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            long now = Instant.now().getEpochSecond();
            return sign(
                    claims(user, role, org, now, now + 3600),
                    g.generateKeyPair().getPrivate(),
                    keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims unsigned ({@code alg: none}). */
    public String unsigned(String user, String role, String org) {
        long now = Instant.now().getEpochSecond();
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims(user, role, org, now, now + 3600)) + ".";
    }

    private String claims(String user, String role, String org, long iat, long exp) {
        StringBuilder c = new StringBuilder("{");
        c.append("\"iss\":").append(str(issuer)).append(',');
        c.append("\"sub\":").append(str(user)).append(',');
        c.append("\"preferred_username\":").append(str(user)).append(',');
        c.append("\"name\":").append(str(user)).append(',');
        c.append("\"aud\":\"annual-report-api\",\"azp\":\"annual-report-cli\",\"typ\":\"Bearer\",");
        String roles = role == null ? "[]" : "[" + str(role) + "]";
        c.append("\"groups\":").append(roles).append(',');
        c.append("\"realm_access\":{\"roles\":").append(roles).append("},");
        if (org != null) {
            c.append("\"org\":").append(str(org)).append(',');
        }
        c.append("\"jti\":").append(str(UUID.randomUUID().toString())).append(',');
        c.append("\"iat\":").append(iat).append(",\"exp\":").append(exp).append('}');
        return c.toString();
    }

    private static String sign(String claims, PrivateKey key, String kid) {
        String signingInput = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + str(kid) + "}") + "." + b64(claims);
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath().substring(REALM_PATH.length());
        if (codeFlow.handle(x, path)) {
            return;
        }
        switch (path) {
            case "/.well-known/openid-configuration" ->
                send(x, 200, """
                    {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",%2$s,
                    "subject_types_supported":["public"],
                    "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer, codeFlow.discoveryEntries()));
            case "/protocol/openid-connect/certs" -> {
                RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
                send(
                        x,
                        200,
                        "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":" + str(keyId)
                                + ",\"n\":\"" + unsigned(pub.getModulus()) + "\",\"e\":\""
                                + unsigned(pub.getPublicExponent())
                                + "\"}]}");
            }
            default -> send(x, 404, "{\"error\":\"not_found\"}");
        }
    }

    private static String unsigned(BigInteger i) {
        byte[] b = i.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = Arrays.copyOfRange(b, 1, b.length);
        }
        return B64.encodeToString(b);
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
