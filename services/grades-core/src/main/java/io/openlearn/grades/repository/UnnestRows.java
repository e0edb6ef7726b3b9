package io.openlearn.grades.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one course written by a single {@code INSERT ... SELECT ?, * FROM unnest(?::t1[], ?::t2[], ...)}
 * statement: parameter 1 is the course key, then one array per column. Instants are bound as UTC timestamps.
 */
final class UnnestRows {

    private final String[] types;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param types the PostgreSQL element type of each column, in the statement's order */
    UnnestRows(String... types) {
        this.types = types;
    }

    UnnestRows add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(types.length + " columns, " + values.length + " values");
        }
        rows.add(values);
        return this;
    }

    /** Executes the statement with every row added; nothing when there are none. */
    int execute(Connection db, String sql, String courseKey) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, courseKey);
            for (int c = 0; c < types.length; c++) {
                Object[] column = new Object[rows.size()];
                for (int r = 0; r < column.length; r++) {
                    Object value = rows.get(r)[c];
                    column[r] = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
                }
                statement.setArray(2 + c, db.createArrayOf(types[c], column));
            }
            return statement.executeUpdate();
        }
    }
}
