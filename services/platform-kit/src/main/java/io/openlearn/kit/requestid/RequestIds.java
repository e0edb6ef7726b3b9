package io.openlearn.kit.requestid;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/** The request id of the work in progress, kept in the logging context so that log lines carry it. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Ids from callers end up in logs and headers: accept only short, plain tokens. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String acceptOrCreate(String incoming) {
        return incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * A new id in UUID version 4 form. Ids correlate log lines and are no secret, so they come from the thread's own
     * random generator: {@code UUID.randomUUID()} draws from the shared, synchronized SecureRandom on every request
     * that arrives without an id, which showed in the gateway's profile.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    public static Optional<String> current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    public static void bind(String requestId) {
        MDC.put(MDC_KEY, requestId);
    }
}
