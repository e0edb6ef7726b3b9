package io.openlearn.outbox;

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
    public List<UUID> commit(String type, String subject, Object data, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(outbox.append(type, subject, data));
        }
        return ids;
    }

    /** A use case that appends its event and then fails, so the transaction rolls back. */
    @Transactional
    public void failAfterAppend(String type, String subject, Object data, Consumer<UUID> appended) {
        appended.accept(outbox.append(type, subject, data));
        throw new IllegalStateException("business rule broken after the event was appended");
    }
}
