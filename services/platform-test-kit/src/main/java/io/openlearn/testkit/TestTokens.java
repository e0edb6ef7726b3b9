package io.openlearn.testkit;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mints platform JWTs the way auth does, signed with the test key whose JWKS ({@code testkit/platform-test-jwks.json})
 * services trust in the test profile. Lets a service's tests act as any caller without running auth.
 */
public final class TestTokens {

    public static final String KEY_ID = "platform-test-key";
    private static final PrivateKey TEST_KEY = loadKey();

    private String subject;
    private String username;
    private final Set<String> groups = new LinkedHashSet<>(List.of("user"));
    private final List<String> roles = new ArrayList<>();
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofMinutes(10);
    private String issuer = configured("mp.jwt.verify.issuer", "http://127.0.0.1:8081");
    private String audience = configured("mp.jwt.verify.audiences", "openlearn-services");

    private TestTokens(String username) {
        this.username = username;
        this.subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static TestTokens user(String username) {
        return new TestTokens(username);
    }

    public static TestTokens admin(String username) {
        return new TestTokens(username).group("admin");
    }

    public TestTokens group(String group) {
        groups.add(group);
        return this;
    }

    /** A scoped role such as {@code course_staff:course-v1:Org+Num+Run}. */
    public TestTokens role(String role, String scope) {
        roles.add(role + ":" + scope);
        return this;
    }

    public TestTokens issuedAgo(Duration ago) {
        issuedAt = Instant.now().minus(ago);
        return this;
    }

    public TestTokens lifetime(Duration value) {
        lifetime = value;
        return this;
    }

    public TestTokens issuer(String value) {
        issuer = value;
        return this;
    }

    public TestTokens audience(String value) {
        audience = value;
        return this;
    }

    public String subject() {
        return subject;
    }

    public String sign() {
        return signWith(KEY_ID, TEST_KEY);
    }

    /** Signs with another trusted key, e.g. the auth service's own active key in auth's tests. */
    public String signWith(String kid, PrivateKey key) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .claim("jti", UUID.randomUUID().toString())
                .claim("preferred_username", username)
                .claim("email", username + "@example.org")
                .claim("scope", "openid")
                .claim("roles", List.copyOf(roles))
                .groups(Set.copyOf(groups));
        return claims.jws().keyId(kid).algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    /** The test key pair services trust in the test profile. */
    public static SigningKey testKey() {
        return new SigningKey(KEY_ID, TEST_KEY);
    }

    public String bearer() {
        return "Bearer " + sign();
    }

    private static String configured(String key, String fallback) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(fallback);
        } catch (IllegalStateException noConfig) {
            return fallback;
        }
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/testkit/platform-test-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("test signing key unreadable", e);
        }
    }
}
