package io.openlearn.auth.repository;

import io.openlearn.auth.domain.IdpIdentity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class PlatformUserRepository implements PanacheRepositoryBase<PlatformUserEntity, UUID> {

    public java.util.Optional<PlatformUserEntity> findByUsername(String username) {
        // a service account and a person may share nothing but the name space of the IdP: prefer the person
        return find("username = ?1 order by service, createdAt", username).firstResultOptional();
    }

    /**
     * Creates the user on first sight or refreshes what the identity provider says of them, in one statement, so two
     * first exchanges racing each other still make one user.
     */
    public UUID mirror(IdpIdentity identity, String username, boolean service, Instant now) {
        Object id = getEntityManager().createNativeQuery("""
                INSERT INTO platform_user (id, idp_issuer, idp_subject, username, email, full_name, service,
                                           created_at, last_seen_at)
                VALUES (:id, :issuer, :subject, :username, :email, :name, :service, :now, :now)
                ON CONFLICT (idp_issuer, idp_subject) DO UPDATE
                   SET username = EXCLUDED.username, email = EXCLUDED.email, full_name = EXCLUDED.full_name,
                       service = EXCLUDED.service, last_seen_at = EXCLUDED.last_seen_at
                RETURNING id
                """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("issuer", identity.issuer())
                .setParameter("subject", identity.subject())
                .setParameter("username", username)
                .setParameter("email", identity.email())
                .setParameter("name", identity.name())
                .setParameter("service", service)
                .setParameter("now", now)
                .getSingleResult();
        return (UUID) id;
    }
}
