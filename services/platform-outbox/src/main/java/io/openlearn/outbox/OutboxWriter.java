package io.openlearn.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.openlearn.broker.EventTracing;
import io.openlearn.events.EventType;
import io.openlearn.kit.requestid.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Appends events to the outbox inside the caller's transaction. The insert goes through the default datasource,
 * whose connection the transaction already holds (Hibernate ORM uses the same one), so the event commits or rolls
 * back with the business change. Called without a transaction it refuses ({@code TransactionalException}): an
 * event is never stored outside the change it announces.
 */
@ApplicationScoped
public class OutboxWriter {

    /** Event names such as {@code submission.scored}: also the routing key, so no topic wildcards. */
    private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String INSERT = "INSERT INTO outbox_event (id, type, source, subject, data, request_id,"
            + " traceparent) VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?)";

    private static final String INSERT_MANY = "INSERT INTO outbox_event (id, type, source, subject, data, request_id,"
            + " traceparent) SELECT id, type, ?, subject, CAST(data AS jsonb), ?, ? FROM unnest(?::uuid[],"
            + " ?::varchar[], ?::varchar[], ?::text[]) AS e(id, type, subject, data)";

    /** One event to append; see {@link #append(EventType, String, Object)} for what each part may hold. */
    public record NewEvent<T>(EventType<T> type, String subject, T data) {
    }

    private static final Object WAKE_REGISTERED = new Object();

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final EventTracing tracing;

    public OutboxWriter(AgroalDataSource dataSource, ObjectMapper mapper, OutboxConfig config, OutboxRelay relay,
            TransactionSynchronizationRegistry transactions, EventTracing tracing) {
        this.tracing = tracing;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** Once per transaction: wake the relay when it commits (a rollback leaves nothing to relay). */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    /**
     * Stores one event for publication after the caller's transaction commits.
     *
     * @param type the event type (platform-events {@code Events}); its name, e.g. {@code enrollment.changed}, is
     *     lower-case words joined by {@code .}, {@code -} or {@code _}, at most 128 characters, and the routing key
     *     on {@code openlearn.events}
     * @param subject what the event is about (a course key, or course and learner); may be null; at most 512
     * @param data the payload, the type's record, serialised with the application's Jackson {@code ObjectMapper}
     * @return the event id (CloudEvents {@code id}, AMQP message id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID append(EventType<T> type, String subject, T data) {
        Objects.requireNonNull(data, "data");
        validate(type.name(), subject);
        String json = json(type.name(), data);
        String requestId = RequestIds.current().filter(id -> REQUEST_ID.matcher(id).matches()).orElse(null);
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, type.name());
            insert.setString(3, config.source());
            insert.setString(4, subject);
            insert.setString(5, json);
            insert.setString(6, requestId);
            insert.setString(7, tracing.currentTraceparent().orElse(null));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not store event " + type + " in the outbox.", e);
        }
        wakeRelayAfterCommit();
        return id;
    }

    /**
     * Stores many events in one statement (a batch of grades costs one insert, not one per learner), in the
     * caller's transaction like {@link #append(EventType, String, Object)}.
     *
     * @return the event ids, in the order given
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<NewEvent<?>> events) {
        int n = events.size();
        Object[] ids = new Object[n];
        Object[] types = new Object[n];
        Object[] subjects = new Object[n];
        Object[] payloads = new Object[n];
        for (int i = 0; i < n; i++) {
            NewEvent<?> event = events.get(i);
            Objects.requireNonNull(event.data(), "data");
            validate(event.type().name(), event.subject());
            ids[i] = UUID.randomUUID();
            types[i] = event.type().name();
            subjects[i] = event.subject();
            payloads[i] = json(event.type().name(), event.data());
        }
        if (n > 0) {
            String requestId = RequestIds.current().filter(id -> REQUEST_ID.matcher(id).matches()).orElse(null);
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(INSERT_MANY)) {
                insert.setString(1, config.source());
                insert.setString(2, requestId);
                insert.setString(3, tracing.currentTraceparent().orElse(null));
                insert.setArray(4, connection.createArrayOf("uuid", ids));
                insert.setArray(5, connection.createArrayOf("varchar", types));
                insert.setArray(6, connection.createArrayOf("varchar", subjects));
                insert.setArray(7, connection.createArrayOf("text", payloads));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new OutboxException("Could not store " + n + " events in the outbox.", e);
            }
            wakeRelayAfterCommit();
        }
        return Arrays.stream(ids).map(UUID.class::cast).toList();
    }

    private static void validate(String type, String subject) {
        Objects.requireNonNull(type, "type");
        if (type.length() > 128 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Event type must be lower-case words joined by '.', '-' or '_' "
                    + "(at most 128 characters): " + type);
        }
        if (subject != null && subject.length() > 512) {
            throw new IllegalArgumentException("Event subject is longer than 512 characters.");
        }
    }

    private String json(String type, Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + type + " cannot be written as JSON.", e);
        }
    }
}
