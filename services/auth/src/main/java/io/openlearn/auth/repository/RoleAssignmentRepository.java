package io.openlearn.auth.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RoleAssignmentRepository {

    private final EntityManager entityManager;

    public RoleAssignmentRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The user's scoped roles in claim form, {@code role:scope}, in a stable order. */
    @SuppressWarnings("unchecked")
    public List<String> claimsOf(UUID userId) {
        return entityManager.createNativeQuery(
                        "SELECT role || ':' || scope FROM role_assignment WHERE user_id = :user ORDER BY role, scope")
                .setParameter("user", userId)
                .getResultList();
    }
}
