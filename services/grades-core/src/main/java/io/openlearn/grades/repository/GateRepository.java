package io.openlearn.grades.repository;

import io.openlearn.grades.domain.GateRule;
import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The gates learners fulfil ({@code gate_fulfilment}): a row while fulfilled; each write is one statement. */
@ApplicationScoped
public class GateRepository {

    /** One fulfilled gate of one learner, as stored. */
    public record StoredGate(UUID userId, String gate, GateRule.Kind kind, String requires, double percent,
            double completion, long contentVersion, Cause cause, Instant fulfilledAt) {
    }

    /** One gate of one learner that is no longer fulfilled (or no longer exists). */
    public record GateKey(UUID userId, String gate) {
    }

    private static final String OF_LEARNERS = LearnerRows.select("gate_fulfilment", "gate_key, kind, requires,"
            + " percent, completion, content_version, cause_kind, cause_ref, fulfilled_at");
    private static final String INSERT = "INSERT INTO gate_fulfilment (course_key, user_id, gate_key, kind, requires,"
            + " percent, completion, content_version, cause_kind, cause_ref, fulfilled_at)"
            + " SELECT ?, * FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::float8[],"
            + " ?::float8[], ?::int[], ?::varchar[], ?::varchar[], ?::timestamptz[])"
            + " ON CONFLICT (course_key, user_id, gate_key) DO NOTHING";
    private static final String DELETE = "DELETE FROM gate_fulfilment g USING unnest(?::uuid[], ?::varchar[])"
            + " AS gone(user_id, gate_key) WHERE g.course_key = ? AND g.user_id = gone.user_id"
            + " AND g.gate_key = gone.gate_key";
    private static final String FULFILLED = "SELECT gate_key FROM gate_fulfilment WHERE course_key = ?"
            + " AND user_id = ?";

    public Map<UUID, Map<String, StoredGate>> ofLearners(Connection db, String courseKey, Collection<UUID> learners)
            throws SQLException {
        Map<UUID, Map<String, StoredGate>> gates = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(OF_LEARNERS)) {
            LearnerRows.bind(db, query, courseKey, learners);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID user = row.getObject(1, UUID.class);
                    StoredGate gate = new StoredGate(user, row.getString(2), GateRule.Kind.ofLabel(row.getString(3)),
                            row.getString(4), row.getDouble(5), row.getDouble(6), row.getLong(7),
                            Cause.of(row.getString(8), row.getString(9)), SqlTimes.instant(row, 10));
                    gates.computeIfAbsent(user, u -> new HashMap<>()).put(gate.gate(), gate);
                }
            }
        }
        return gates;
    }

    /** The keys of the gates one learner fulfils. */
    public Set<String> fulfilled(Connection db, String courseKey, UUID learner) throws SQLException {
        Set<String> gates = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement(FULFILLED)) {
            query.setString(1, courseKey);
            query.setObject(2, learner);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    gates.add(row.getString(1));
                }
            }
        }
        return gates;
    }

    public void insert(Connection db, String courseKey, List<StoredGate> gates) throws SQLException {
        UnnestRows columns = new UnnestRows("uuid", "varchar", "varchar", "varchar", "float8", "float8", "int",
                "varchar", "varchar", "timestamptz");
        for (StoredGate gate : gates) {
            columns.add(gate.userId(), gate.gate(), gate.kind().label(), gate.requires(), gate.percent(),
                    gate.completion(), (int) gate.contentVersion(), gate.cause().kind(), gate.cause().ref(),
                    gate.fulfilledAt());
        }
        columns.execute(db, INSERT, courseKey);
    }

    public void delete(Connection db, String courseKey, List<GateKey> gates) throws SQLException {
        if (gates.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = db.prepareStatement(DELETE)) {
            delete.setArray(1, db.createArrayOf("uuid", gates.stream().map(GateKey::userId).toArray()));
            delete.setArray(2, db.createArrayOf("varchar", gates.stream().map(GateKey::gate).toArray()));
            delete.setString(3, courseKey);
            delete.executeUpdate();
        }
    }
}
