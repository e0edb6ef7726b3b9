package io.openlearn.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformGroupsTest {

    final PlatformGroups groups = new PlatformGroups(Set.of("enrollment", "grades"));

    static IdpIdentity person(Set<String> realmRoles) {
        return new IdpIdentity("iss", "sub", "learner1", "l@example.org", "L", realmRoles, "frontend", "openid");
    }

    @Test
    void everyPersonIsUserAndCarriesOnlyKnownPlatformRealmRoles() {
        assertEquals(Set.of("user"), groups.of(person(Set.of("offline_access", "uma_authorization"))));
        assertEquals(Set.of("user", "admin", "staff"), groups.of(person(Set.of("admin", "staff", "default-roles"))));
    }

    @Test
    void serviceAccountOfKnownClientIsServiceNamedAfterClient() {
        IdpIdentity account = new IdpIdentity("iss", "sub", "service-account-enrollment", null, null,
                Set.of("admin"), "enrollment", null);
        assertEquals(Set.of("service"), groups.of(account));
        assertEquals("enrollment", groups.usernameOf(account));
    }

    @Test
    void userNamedLikeServiceAccountButFromAnotherClientIsNotService() {
        IdpIdentity impostor = new IdpIdentity("iss", "sub", "service-account-enrollment", null, null,
                Set.of(), "frontend", null);
        assertEquals(Set.of("user"), groups.of(impostor));
        assertEquals("service-account-enrollment", groups.usernameOf(impostor));
    }
}
