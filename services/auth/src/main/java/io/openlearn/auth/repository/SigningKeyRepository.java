package io.openlearn.auth.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKeyEntity, String> {

    public Optional<SigningKeyEntity> findActive() {
        return find("status", SigningKeyEntity.ACTIVE).firstResultOptional();
    }

    /** Keys whose tokens may still be in circulation, newest first. */
    public List<SigningKeyEntity> listPublished() {
        return list("order by createdAt desc");
    }

    /** Serialises key creation across auth replicas for the rest of the transaction. */
    public void lockKeyring() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(727274)").getSingleResult();
    }
}
