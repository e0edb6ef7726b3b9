package io.openlearn.auth.domain;

import java.util.Set;

/** What a verified identity-provider token says about its bearer. */
public record IdpIdentity(String issuer, String subject, String username, String email, String name,
        Set<String> realmRoles, String authorizedParty, String scope) {

    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    /** A client-credentials token: Keycloak names the account after the client it belongs to. */
    public boolean isServiceAccountOf(String clientId) {
        return clientId.equals(authorizedParty) && (SERVICE_ACCOUNT_PREFIX + clientId).equals(username);
    }
}
