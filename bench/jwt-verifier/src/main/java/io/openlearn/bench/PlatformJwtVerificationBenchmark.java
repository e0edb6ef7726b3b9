package io.openlearn.bench;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One verification of a typical platform JWT the way every service does it: SmallRye JWT's parser with the key
 * already resolved (the JWKS is cached between refreshes), RS256 signature, issuer, audience, expiry and
 * algorithm checked, claims materialised. Target: at most 30 microseconds per operation on one core.
 */
@State(Scope.Benchmark)
public class PlatformJwtVerificationBenchmark {

    static final String ISSUER = "http://127.0.0.1:8081";
    static final String AUDIENCE = "openlearn-services";

    private DefaultJWTParser parser;
    private String token;
    private java.security.PublicKey publicKey;
    private byte[] signingInput;
    private byte[] signature;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        context.setExpectedAudience(Set.of(AUDIENCE));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        parser = new DefaultJWTParser(context);
        publicKey = keys.getPublic();
        Instant now = Instant.now();
        token = Jwt.issuer(ISSUER).subject(UUID.randomUUID().toString()).audience(AUDIENCE)
                .issuedAt(now).expiresAt(now.plusSeconds(3600)).claim("jti", UUID.randomUUID().toString())
                .claim("preferred_username", "learner1").claim("email", "learner1@example.org")
                .groups(Set.of("user")).claim("scope", "openid profile email")
                .claim("roles", List.of("course_staff:course-v1:OpenLearnX+CS101+2026_T1",
                        "course_beta_tester:course-v1:OpenLearnX+CS102+2026_T1"))
                .jws().keyId("bench-key").algorithm(SignatureAlgorithm.RS256).sign(keys.getPrivate());
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        signature = java.util.Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
    }

    /** The floor: the RS256 signature check alone (JCA, SHA-256 with RSA-2048), no parsing, no claims. */
    @Benchmark
    public boolean rs256SignatureOnly() throws java.security.GeneralSecurityException {
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    @Benchmark
    public JsonWebToken verifyPlatformJwt() throws ParseException {
        return parser.parse(token);
    }
}
