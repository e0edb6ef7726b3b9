package io.openlearn.grades.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads of the grades database for assertions (test only). */
@Singleton
public class GradesDb {

    private final AgroalDataSource dataSource;

    public GradesDb(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Object[]> rows(String sql, Object... args) {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    Object[] values = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        values[c] = row.getObject(c + 1);
                    }
                    rows.add(values);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql, Object... args) {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the query returns at least one row whose first column equals {@code expected}. */
    public void await(Object expected, long timeoutMillis, String sql, Object... args) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Object last = null;
        while (System.currentTimeMillis() < deadline) {
            List<Object[]> rows = rows(sql, args);
            last = rows.isEmpty() ? null : rows.get(0)[0];
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Waited for " + expected + " from " + sql + "; last saw " + last);
    }
}
