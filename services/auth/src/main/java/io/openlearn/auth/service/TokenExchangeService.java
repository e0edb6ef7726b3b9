package io.openlearn.auth.service;

import io.openlearn.auth.config.AuthConfig;
import io.openlearn.auth.domain.IdpIdentity;
import io.openlearn.auth.domain.PlatformGroups;
import io.openlearn.auth.domain.PlatformPrincipal;
import io.openlearn.auth.repository.PlatformUserRepository;
import io.openlearn.auth.repository.RoleAssignmentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** RFC 8693 token exchange: a verified identity-provider token in, a platform JWT for the same person out. */
@ApplicationScoped
public class TokenExchangeService {

    private final IdentityProviderVerifier verifier;
    private final PlatformUserRepository users;
    private final RoleAssignmentRepository roles;
    private final PlatformTokenIssuer issuer;
    private final PlatformGroups groups;

    public TokenExchangeService(IdentityProviderVerifier verifier, PlatformUserRepository users,
                                RoleAssignmentRepository roles, PlatformTokenIssuer issuer, AuthConfig config) {
        this.verifier = verifier;
        this.users = users;
        this.roles = roles;
        this.issuer = issuer;
        this.groups = new PlatformGroups(config.serviceClients());
    }

    public IssuedToken exchange(String subjectToken) {
        // verification may fetch the provider's keys: keep it outside the database transaction
        IdpIdentity identity = verifier.verify(subjectToken);
        PlatformPrincipal principal = QuarkusTransaction.requiringNew().call(() -> mirror(identity));
        return issuer.issue(principal);
    }

    private PlatformPrincipal mirror(IdpIdentity identity) {
        boolean service = groups.isService(identity);
        String username = groups.usernameOf(identity);
        UUID id = users.mirror(identity, username, service, Instant.now());
        List<String> scoped = service ? List.of() : roles.claimsOf(id);
        return new PlatformPrincipal(id, username, identity.email(), groups.of(identity), scoped, identity.scope());
    }
}
