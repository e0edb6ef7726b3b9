package io.openlearn.auth.service;

import io.openlearn.auth.config.AuthConfig;
import io.openlearn.auth.domain.IdpIdentity;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies identity-provider access tokens offline against the provider's JWKS: signature (RS256 only), issuer,
 * audience and expiry. One parser per provider so its key cache lives as long as the service.
 */
@ApplicationScoped
public class IdentityProviderVerifier {

    private final DefaultJWTParser parser;
    private final String issuer;

    public IdentityProviderVerifier(AuthConfig config) {
        this.issuer = config.idp().issuer();
        JWTAuthContextInfo context = new JWTAuthContextInfo(config.idp().jwksUrl(), issuer);
        context.setExpectedAudience(Set.of(config.idp().audience()));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        // a key the provider has just rotated in is fetched at once rather than after the refresh interval
        context.setForcedJwksRefreshInterval(1);
        this.parser = new DefaultJWTParser(context);
    }

    public IdpIdentity verify(String token) {
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
