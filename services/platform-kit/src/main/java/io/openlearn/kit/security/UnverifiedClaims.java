package io.openlearn.kit.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads {@code iss} and {@code exp} of a JWT without verifying it, only to choose how to verify it (which issuer's
 * keys to try). Nothing read here is trusted.
 */
public final class UnverifiedClaims {

    public record Unverified(String issuer, long expiresAt) {
    }

    private UnverifiedClaims() {
    }

    public static Optional<Unverified> peek(String jwt, ObjectMapper json) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return Optional.of(new Unverified(claims.path("iss").asText(""), claims.path("exp").asLong(0)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
