package io.openlearn.kit.requestid;

import java.util.Optional;
import java.util.UUID;
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
        return incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    public static Optional<String> current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    public static void bind(String requestId) {
        MDC.put(MDC_KEY, requestId);
    }
}
