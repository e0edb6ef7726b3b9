package io.openlearn.kit.client;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.servicetoken.ServiceTokenProvider;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * How a failing dependency reaches the caller, the same for every typed client: a 5xx becomes a 502 problem naming
 * the service; a service that is unreachable, did not answer within its {@code @Timeout}, whose circuit is open, or
 * for which no service token could be had becomes a 503 problem naming it. A 4xx is the caller's to interpret
 * ({@link #find}: 404 is "none"; otherwise a 502, since this service asked something the dependency refused).
 * Never a hang: the wrappers' {@code @Timeout} bounds every call.
 */
public final class Upstream {

    private Upstream() {
    }

    /** The answer; any 4xx is a 502 problem. */
    public static <T> T call(String service, Supplier<T> call) {
        return call(service, call, status -> new ProblemException(502, "The " + service + " service answered "
                + status + "."));
    }

    /** The answer, or empty when the service answered 404; any other 4xx is a 502 problem. */
    public static <T> Optional<T> find(String service, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(service, call, status -> {
                throw new UpstreamRefused(status);
            }));
        } catch (UpstreamRefused refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw new ProblemException(502, "The " + service + " service answered " + refused.status() + ".");
        }
    }

    /** The answer, or empty when the service refused with any 4xx (for a fact that has a default). */
    public static <T> Optional<T> unlessRefused(String service, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(service, call, UpstreamRefused::new));
        } catch (UpstreamRefused refused) {
            return Optional.empty();
        }
    }

    /** The answer; a 4xx becomes what {@code refused} makes of its status. */
    public static <T> T call(String service, Supplier<T> call, IntFunction<? extends RuntimeException> refused) {
        try {
            return call.get();
        } catch (UpstreamRefused e) {
            throw refused.apply(e.status());
        } catch (UpstreamFailed e) {
            throw new ProblemException(502, "The " + service + " service failed (" + e.status() + ").");
        } catch (TimeoutException e) {
            throw new ProblemException(503, "The " + service + " service did not answer in time; try again shortly.");
        } catch (CircuitBreakerOpenException e) {
            throw new ProblemException(503, "The " + service + " service is unavailable; try again shortly.");
        } catch (ProblemException e) {
            throw e;
        } catch (FaultToleranceException | ServiceTokenProvider.ServiceTokenException
                | jakarta.ws.rs.ProcessingException e) {
            throw unreachable(service);
        } catch (RuntimeException e) {
            if (causedBy(e, ServiceTokenProvider.ServiceTokenException.class)
                    || causedBy(e, java.io.IOException.class)) {
                throw unreachable(service);
            }
            throw e;
        }
    }

    private static ProblemException unreachable(String service) {
        return new ProblemException(503, "The " + service + " service is unreachable; try again shortly.");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
