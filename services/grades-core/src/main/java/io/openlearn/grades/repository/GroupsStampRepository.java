package io.openlearn.grades.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** {@code learner_groups_stamp}: how many changes of each learner's groups the worker has handled (none: 0). */
@ApplicationScoped
public class GroupsStampRepository {

    private static final String OF_LEARNERS = LearnerRows.select("learner_groups_stamp", "stamp");
    private static final String BUMP = "INSERT INTO learner_groups_stamp (course_key, user_id, stamp) VALUES (?, ?, 1)"
            + " ON CONFLICT (course_key, user_id) DO UPDATE SET stamp = learner_groups_stamp.stamp + 1";

    /** The learners' stamps; a learner without a row is absent (stamp 0). */
    public Map<UUID, Long> of(Connection db, String courseKey, Collection<UUID> learners) throws SQLException {
        Map<UUID, Long> stamps = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(OF_LEARNERS)) {
            LearnerRows.bind(db, query, courseKey, learners);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    stamps.put(row.getObject(1, UUID.class), row.getLong(2));
                }
            }
        }
        return stamps;
    }

    public void bump(Connection db, String courseKey, UUID learner) throws SQLException {
        try (PreparedStatement bump = db.prepareStatement(BUMP)) {
            bump.setString(1, courseKey);
            bump.setObject(2, learner);
            bump.executeUpdate();
        }
    }
}
