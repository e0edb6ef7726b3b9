package io.openlearn.outbox;

import io.openlearn.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Stands in for a service's use case: business work and outbox append in one transaction. */
@ApplicationScoped
public class BusinessTransactions {

    private final OutboxWriter outbox;

    public BusinessTransactions(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** A use case announcing {@code count} changes; commits. */
    @Transactional
    public <T> List<UUID> commit(EventType<T> type, String subject, T data, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(outbox.append(type, subject, data));
        }
        return ids;
    }

    /** A use case that appends its event and then fails, so the transaction rolls back. */
    @Transactional
    public <T> void failAfterAppend(EventType<T> type, String subject, T data, Consumer<UUID> appended) {
        appended.accept(outbox.append(type, subject, data));
        throw new IllegalStateException("business rule broken after the event was appended");
    }
}
