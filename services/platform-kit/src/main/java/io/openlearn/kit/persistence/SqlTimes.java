package io.openlearn.kit.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Native queries return timestamps in whatever type the driver and Hibernate choose; callers want Instants. */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** A TIMESTAMPTZ column of a JDBC row as an Instant (null stays null). */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        return toInstant(row.getObject(column, OffsetDateTime.class));
    }

    /** Binds an Instant to a TIMESTAMPTZ parameter in UTC (null as SQL NULL). */
    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(java.time.ZoneOffset.UTC));
        }
    }
}
