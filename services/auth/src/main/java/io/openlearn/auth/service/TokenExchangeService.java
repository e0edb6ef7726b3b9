package io.openlearn.auth.service;

import io.openlearn.auth.config.AuthConfig;
import io.openlearn.auth.domain.IdpIdentity;
import io.openlearn.auth.domain.PlatformGroups;
import io.openlearn.auth.domain.PlatformPrincipal;
import io.openlearn.auth.domain.RoleGrant;
import io.openlearn.auth.repository.PlatformUserRepository;
import io.openlearn.auth.repository.RoleAssignmentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** RFC 8693 token exchange: a verified identity-provider token in, a platform JWT for the same person out. */
@ApplicationScoped
public class TokenExchangeService {

    private final IdentityProviderVerifier verifier;
    private final PlatformUserRepository users;
    private final RoleAssignmentRepository roles;
    private final PlatformTokenIssuer issuer;
    private final PlatformGroups groups;
    private final int rolesClaimMax;

    public TokenExchangeService(IdentityProviderVerifier verifier, PlatformUserRepository users,
            RoleAssignmentRepository roles, PlatformTokenIssuer issuer, AuthConfig config) {
        this.verifier = verifier;
        this.users = users;
        this.roles = roles;
        this.issuer = issuer;
        this.groups = new PlatformGroups(config.serviceClients());
        this.rolesClaimMax = config.rolesClaimMax();
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
        Set<String> platformGroups = new TreeSet<>(groups.of(identity));
        List<String> scoped = new ArrayList<>();
        if (!service) {
            for (RoleGrant grant : roles.grantsOf(id)) {
                if (RoleGrant.PLATFORM_SCOPE.equals(grant.scope())) {
                    platformGroups.add(grant.role().wireName());
                } else {
                    scoped.add(grant.claim());
                }
            }
        }
        return PlatformPrincipal.capped(id, username, identity.email(), platformGroups, scoped, rolesClaimMax,
                identity.scope());
    }
}
