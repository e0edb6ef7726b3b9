package io.openlearn.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens an attacker would try, each of which a platform verifier must refuse with 401. Built against the key the
 * verifier trusts, so that a refusal proves the specific check (expiry, issuer, algorithm, ...) and not merely an
 * unknown signature.
 */
public final class HostileTokens {

    public record Case(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The largest token a platform service accepts; anything longer is refused before parsing. */
    public static final int MAX_TOKEN_BYTES = 8 * 1024;

    private final SigningKey trusted;
    private final String issuer;
    private final String audience;
    private final KeyPair attacker = generate();

    public HostileTokens(SigningKey trusted, String issuer, String audience) {
        this.trusted = trusted;
        this.issuer = issuer;
        this.audience = audience;
    }

    public List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("alg none", unsigned("none")));
        cases.add(new Case("HS256 keyed with the RSA public key", hmacWithPublicKey()));
        cases.add(new Case("signature stripped", withoutSignature(valid().build()) + "."));
        cases.add(new Case("only two parts", withoutSignature(valid().build())));
        cases.add(new Case("ES256 with r = s = 0", zeroEcdsa()));
        cases.add(new Case("embedded jwk header", attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(trusted.kid()).jwk(new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).build()).build())));
        cases.add(new Case("jku header pointing elsewhere", attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("attacker").jwkURL(URI.create("http://attacker.example/jwks.json")).build())));
        cases.add(new Case("x5u header pointing elsewhere", attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("attacker").x509CertURL(URI.create("http://attacker.example/cert.pem")).build())));
        cases.add(new Case("kid with path traversal", attackerSigned(header("../../../../../../dev/null"))));
        cases.add(new Case("kid with SQL", attackerSigned(header("' OR '1'='1' --"))));
        cases.add(new Case("unknown kid", unknownKid()));
        cases.add(new Case("expired", signed(valid().issueTime(ago(Duration.ofHours(1)))
                .expirationTime(ago(Duration.ofMinutes(5))).build())));
        cases.add(new Case("nbf 5 minutes ahead", signed(valid()
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build())));
        cases.add(new Case("wrong iss", signed(valid().issuer("https://attacker.example").build())));
        cases.add(new Case("wrong aud", signed(valid().audience("another-system").build())));
        cases.add(new Case("missing exp", signed(valid().expirationTime(null).build())));
        cases.add(new Case("over 8 KB", signed(valid().claim("padding", "x".repeat(MAX_TOKEN_BYTES)).build())));
        return cases;
    }

    /** A fresh token signed by an unknown key under a fresh kid: each forces a verifier to consider a JWKS refresh. */
    public String unknownKid() {
        return attackerSigned(header("unknown-" + UUID.randomUUID()));
    }

    /** A valid token, signed by the trusted key: the control case. */
    public String valid(String username) {
        return signed(valid().claim("preferred_username", username).build());
    }

    private JWTClaimsSet.Builder valid() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience)
                .subject(UUID.nameUUIDFromBytes("learner1".getBytes(StandardCharsets.UTF_8)).toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", "learner1")
                .claim("groups", List.of("user", "admin"));
    }

    private String signed(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(trusted.kid()).build(), claims,
                new RSASSASigner(trusted.privateKey()));
    }

    private String attackerSigned(JWSHeader header) {
        return sign(header, valid().build(), new RSASSASigner(attacker.getPrivate()));
    }

    private static JWSHeader header(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
    }

    private String unsigned(String alg) {
        String header = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
        return header + "." + valid().build().toPayload().toBase64URL() + ".";
    }

    private String hmacWithPublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(trusted.publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(trusted.kid()).build(), valid().build(),
                    new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String zeroEcdsa() {
        String header = b64("{\"alg\":\"ES256\",\"kid\":\"" + trusted.kid() + "\"}");
        return header + "." + valid().build().toPayload().toBase64URL() + "." + Base64URL.encode(new byte[64]);
    }

    private static String withoutSignature(JWTClaimsSet claims) {
        return b64("{\"alg\":\"RS256\"}") + "." + claims.toPayload().toBase64URL();
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, com.nimbusds.jose.JWSSigner signer) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Date ago(Duration duration) {
        return Date.from(Instant.now().minus(duration));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
