package io.openlearn.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Outgoing channels that cannot deliver, configured in the test application.properties. */
@ApplicationScoped
public class FailingChannels {

    /** To a port nothing listens on. */
    static final String UNREACHABLE = "outbox-test-unreachable";
    /** To an exchange nobody declares. */
    static final String VANISHING = "outbox-test-vanishing";

    @Inject
    @Channel(UNREACHABLE)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<byte[]> unreachable;

    @Inject
    @Channel(VANISHING)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<byte[]> vanishing;

    Emitter<byte[]> unreachable() {
        return unreachable;
    }

    Emitter<byte[]> vanishing() {
        return vanishing;
    }
}
