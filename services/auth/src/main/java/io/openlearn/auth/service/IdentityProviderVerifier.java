package io.openlearn.auth.service;

import io.openlearn.auth.config.AuthConfig;
import io.openlearn.auth.domain.IdpIdentity;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies identity-provider access tokens offline against the JWKS of the provider that issued them: signature
 * (RS256 only), issuer, audience and expiry. The unverified {@code iss} only chooses which trusted provider's keys to
 * try; a token naming any other issuer is refused without a network call. One parser per provider, so that its key
 * cache lives as long as the service.
 */
@ApplicationScoped
public class IdentityProviderVerifier {

    private final Map<String, DefaultJWTParser> parsers;

    public IdentityProviderVerifier(AuthConfig config) {
        Map<String, DefaultJWTParser> byIssuer = new HashMap<>();
        config.trustedIssuers().values().forEach(idp -> byIssuer.put(idp.issuer(), parserFor(idp)));
        this.parsers = Map.copyOf(byIssuer);
    }

    private static DefaultJWTParser parserFor(AuthConfig.IdentityProvider idp) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(idp.jwksUrl(), idp.issuer());
        context.setExpectedAudience(Set.of(idp.audience()));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        // a key the provider has just rotated in is fetched at once rather than after the refresh interval
        context.setForcedJwksRefreshInterval(1);
        return new DefaultJWTParser(context);
    }

    public IdpIdentity verify(String token) {
        String issuer = unverifiedIssuer(token);
        DefaultJWTParser parser = parsers.get(issuer);
        if (parser == null) {
            throw new InvalidSubjectTokenException("The subject token does not come from a trusted identity provider.");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new InvalidSubjectTokenException("The subject token is not a valid access token of a trusted identity provider.");
        }
        String username = jwt.getClaim("preferred_username");
        if (jwt.getSubject() == null || username == null) {
            throw new InvalidSubjectTokenException("The subject token names no subject.");
        }
        return new IdpIdentity(issuer, jwt.getSubject(), username, jwt.getClaim("email"), jwt.getClaim("name"),
                realmRoles(jwt), jwt.getClaim("azp"), jwt.getClaim("scope"));
    }

    private static String unverifiedIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new InvalidSubjectTokenException("The subject token is not a JWT.");
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            try (JsonReader reader = Json.createReader(new StringReader(payload))) {
                return reader.readObject().getString("iss", "");
            }
        } catch (RuntimeException e) {
            throw new InvalidSubjectTokenException("The subject token is not a JWT.");
        }
    }
    private static Set<String> realmRoles(JsonWebToken jwt) {
        Object realmAccess = jwt.getClaim("realm_access");
        if (!(realmAccess instanceof JsonObject access) || !(access.get("roles") instanceof JsonArray roles)) {
            return Set.of();
        }
        return roles.stream()
                .filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString())
                .collect(Collectors.toUnmodifiableSet());
    }
}
