package io.openlearn.auth.rest;

import static io.openlearn.testkit.PlatformTokens.forUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openlearn.auth.repository.SigningKeyEntity;
import io.openlearn.auth.service.SigningKeyService;
import io.openlearn.testkit.JwtParts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Rotation end to end inside one running auth: the successor is published before it signs, takes over when due,
 * tokens of the old key keep verifying until they have expired, and no restart happens anywhere. Its own profile
 * (own application instance) because it moves the keyring's clock forward.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.RotationProfile.class)
class KeyRotationTest {

    public static class RotationProfile implements QuarkusTestProfile {
    }

    @Inject
    SigningKeyService keys;

    @ConfigProperty(name = "openlearn.auth.url")
    String authUrl;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Test
    void successorIsPublishedFirstThenSignsWhileOldTokensStillVerifyUntilTheyExpire() throws Exception {
        String admin = forUser("admin");
        String before = forUser("learner1");
        String oldKid = JwtParts.kid(before);

        SigningKeyEntity pending = given().auth().oauth2(admin).post("/api/auth/v1/keys/rotation").then()
                .statusCode(202).body("status", equalTo("PENDING")).extract().as(KeyInfoBody.class).toEntity();
        // published before it signs: verifiers learn it while tokens still carry the old kid
        given().get("/.well-known/jwks.json").then().body("keys.kid", hasItems(oldKid, pending.kid));
        assertEquals(oldKid, JwtParts.kid(forUser("learner1")));

        keys.advance(pending.activatesAt.plusSeconds(1));
        String after = forUser("learner1");
        assertEquals(pending.kid, JwtParts.kid(after));
        given().get("/.well-known/jwks.json").then().body("keys.kid", hasItems(oldKid, pending.kid));
        assertDoesNotThrow(() -> freshVerifier().parse(before));
        assertDoesNotThrow(() -> freshVerifier().parse(after));

        SigningKeyEntity retired = keys.describeKeys().stream().filter(k -> k.kid.equals(oldKid)).findFirst()
                .orElseThrow();
        assertEquals(SigningKeyEntity.RETIRED, retired.status);
        keys.advance(retired.publishedUntil.plusSeconds(1));
        given().get("/.well-known/jwks.json").then().body("keys.kid", not(hasItem(oldKid)));
        assertThrows(ParseException.class, () -> freshVerifier().parse(before));
        assertDoesNotThrow(() -> freshVerifier().parse(forUser("learner2")));
    }

    @Test
    void replicasAdvancingTogetherAgreeOnOneActiveAndOnePendingKey() {
        Instant now = Instant.now();
        List<CompletableFuture<Void>> replicas = List.of(
                CompletableFuture.runAsync(() -> keys.advance(now)),
                CompletableFuture.runAsync(() -> keys.requestRotation(now)),
                CompletableFuture.runAsync(() -> keys.requestRotation(now)),
                CompletableFuture.runAsync(() -> keys.advance(now)));
        replicas.forEach(CompletableFuture::join);
        List<SigningKeyEntity> all = keys.describeKeys();
        assertEquals(1, all.stream().filter(k -> SigningKeyEntity.ACTIVE.equals(k.status)).count());
        assertEquals(1, all.stream().filter(k -> SigningKeyEntity.PENDING.equals(k.status)).count());
    }

    @Test
    void onlyAdminsSeeOrRotateTheKeyring() {
        String learner = forUser("learner1");
        given().auth().oauth2(learner).get("/api/auth/v1/keys").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(learner).post("/api/auth/v1/keys/rotation").then().statusCode(403);
        given().auth().oauth2(forUser("admin")).get("/api/auth/v1/keys").then().statusCode(200)
                .body("items.status", hasItem("ACTIVE"));
    }

    DefaultJWTParser freshVerifier() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(authUrl + "/.well-known/jwks.json", issuer);
        context.setExpectedAudience(Set.of("openlearn-services"));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        return new DefaultJWTParser(context);
    }

    /** The rotation answer as the contract describes it. */
    public record KeyInfoBody(String kid, String status, Instant createdAt, Instant activatesAt, Instant activatedAt,
            Instant retiredAt, Instant publishedUntil) {
        SigningKeyEntity toEntity() {
            SigningKeyEntity e = new SigningKeyEntity();
            e.kid = kid;
            e.status = status;
            e.activatesAt = activatesAt;
            return e;
        }
    }
}
