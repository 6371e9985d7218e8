package cn.gov.disclosure.infra.oidc;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Signed access tokens for tests, as the OIDC provider issues them: issuer of Quarkus' OIDC test server
 * ({@code quarkus-test-oidc-server}, which serves the matching public key), the user's realm roles as {@code groups}
 * and the organisation code as the {@code org} claim. Services under test point {@code quarkus.oidc.auth-server-url}
 * at {@code ${keycloak.url}/realms/quarkus/} and set {@code smallrye.jwt.sign.key.location=privateKey.jwk}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    /** The audience the services accept ({@code quarkus.oidc.token.audience}): the realm's API client. */
    public static final String AUDIENCE = "annual-report-api";

    private TestTokens() {}

    public static String token(String user, String role, String org) {
        return claims(user, role, org).sign();
    }

    /** A token the provider issued for another client of the realm (its {@code aud} is not the API's). */
    public static String forAnotherClient(String user, String role, String org) {
        return claims(user, role, org).audience("account").sign();
    }

    /** A token that was valid an hour ago. */
    public static String expired(String user, String role, String org) {
        Instant past = Instant.now().minusSeconds(7200);
        return claims(user, role, org)
                .issuedAt(past)
                .expiresAt(past.plusSeconds(600))
                .sign();
    }

    /** A well-formed token signed by a key the provider never published. */
    public static String wronglySigned(String user, String role, String org) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            PrivateKey foreign = g.generateKeyPair().getPrivate();
            return claims(user, role, org).jws().keyId("1").sign(foreign);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims, not signed at all ({@code alg: none}). */
    public static String unsigned(String user, String role, String org) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + user
                + "\",\"preferred_username\":\"" + user + "\",\"groups\":[\"" + role + "\"],\"org\":\"" + org
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static JwtClaimsBuilder claims(String user, String role, String org) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user)
                .preferredUserName(user)
                .claim("name", user)
                .groups(role == null ? Set.of() : Set.of(role))
                .expiresIn(3600);
        return org == null ? b : b.claim("org", org);
    }
}
