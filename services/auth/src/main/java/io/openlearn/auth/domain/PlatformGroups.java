package io.openlearn.auth.domain;

import java.util.Set;
import java.util.TreeSet;

/**
 * Decides the platform groups (the {@code groups} claim, used with {@code @RolesAllowed}) of a bearer. Every person
 * is a {@code user}; the identity provider's realm roles {@code admin} and {@code staff} carry over; a service account
 * of a known platform client is a {@code service} and nothing else.
 */
public final class PlatformGroups {

    public static final String USER = "user";
    public static final String SERVICE = "service";
    static final Set<String> CARRIED_REALM_ROLES = Set.of("admin", "staff");

    private final Set<String> serviceClients;

    public PlatformGroups(Set<String> serviceClients) {
        this.serviceClients = Set.copyOf(serviceClients);
    }

    public boolean isService(IdpIdentity identity) {
        return serviceClients.stream().anyMatch(identity::isServiceAccountOf);
    }

    public Set<String> of(IdpIdentity identity) {
        if (isService(identity)) {
            return Set.of(SERVICE);
        }
        Set<String> groups = new TreeSet<>();
        groups.add(USER);
        identity.realmRoles().stream().filter(CARRIED_REALM_ROLES::contains).forEach(groups::add);
        return groups;
    }

    /** The name a platform principal goes by: a service by its client id, a person by their username. */
    public String usernameOf(IdpIdentity identity) {
        return isService(identity) ? identity.authorizedParty() : identity.username();
    }
}
