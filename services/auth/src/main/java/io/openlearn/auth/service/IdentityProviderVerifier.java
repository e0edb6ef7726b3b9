package io.openlearn.auth.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.auth.config.AuthConfig;
import io.openlearn.auth.domain.IdpIdentity;
import io.openlearn.kit.security.UnverifiedClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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

    /** Header, claims and signature in base64url (RFC 7515 compact serialization), nothing else. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final Map<String, DefaultJWTParser> parsers;
    private final ObjectMapper json;

    public IdentityProviderVerifier(AuthConfig config, ObjectMapper json) {
        this.json = json;
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
        if (!COMPACT_JWS.matcher(token).matches()) {
            // the JWT library decodes base64url leniently (it skips what is not in the alphabet): a token with
            // anything added would otherwise verify as the token it was made from
            throw new InvalidSubjectTokenException("The subject token is not a JWT.");
        }
        String issuer = UnverifiedClaims.peek(token, json).map(UnverifiedClaims.Unverified::issuer)
                .orElseThrow(() -> new InvalidSubjectTokenException("The subject token is not a JWT."));
        DefaultJWTParser parser = parsers.get(issuer);
        if (parser == null) {
            throw new InvalidSubjectTokenException("The subject token does not come from a trusted identity provider.");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException | RuntimeException e) {
            // whatever the parser trips over in a caller's token is the caller's fault, never a server error
            throw new InvalidSubjectTokenException(
                    "The subject token is not a valid access token of a trusted identity provider.");
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
