package io.openlearn.auth.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKeyEntity, String> {

    public Optional<SigningKeyEntity> findActive() {
        return find("status", SigningKeyEntity.ACTIVE).firstResultOptional();
    }

    public Optional<SigningKeyEntity> findPending() {
        return find("status", SigningKeyEntity.PENDING).firstResultOptional();
    }

    /** Keys verifiers must know now: about to sign, signing, or signed tokens that may still circulate. */
    public List<SigningKeyEntity> listPublished(Instant now) {
        return list("status <> ?1 or publishedUntil > ?2 order by createdAt desc", SigningKeyEntity.RETIRED, now);
    }

    public List<SigningKeyEntity> listAll() {
        return list("order by createdAt desc");
    }

    /** Retired keys no token can need any more: their private halves are destroyed with the row. */
    public long deleteExpired(Instant now) {
        return delete("status = ?1 and publishedUntil <= ?2", SigningKeyEntity.RETIRED, now);
    }

    /** Serialises key creation across auth replicas for the rest of the transaction. */
    public void lockKeyring() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(727274)").getSingleResult();
    }
}
