package io.openlearn.grades.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in its own JTA transaction on the grades database. The connection handed over is the transaction's, so
 * grades, history and outbox events (written by {@code OutboxWriter} on the same datasource) commit together.
 */
@ApplicationScoped
public class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public Transactions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads outside any transaction (autocommit): one consistent statement at a time is all a read needs. */
    public <T> T read(Work<T> work) {
        try (Connection db = dataSource.getConnection()) {
            return work.run(db);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the grades database failed", e);
        }
    }

    public <T> T inNew(Work<T> work) {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            try (Connection db = dataSource.getConnection()) {
                return work.run(db);
            }
        });
    }
}
