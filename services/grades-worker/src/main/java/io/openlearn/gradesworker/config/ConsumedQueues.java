package io.openlearn.gradesworker.config;

import io.openlearn.gradesworker.messaging.GradesTopology;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.util.Arrays;
import java.util.Map;

/**
 * Turns {@code grades-worker.consume} (the operator's one setting: {@code stream}, {@code batch} or both) into the
 * {@code enabled} flag of the two consuming channels, so a Deployment per queue sets one value and SmallRye Reactive
 * Messaging leaves the other channel unconnected. An explicit {@code mp.messaging.incoming.<channel>.enabled} still
 * wins.
 */
public class ConsumedQueues implements ConfigSourceInterceptor {

    static final String CONSUME = "grades-worker.consume";
    private static final Map<String, String> QUEUE_OF_FLAG = Map.of(
            enabledFlag(GradesTopology.STREAM_CHANNEL), WorkerConfig.Queue.stream.name(),
            enabledFlag(GradesTopology.BATCH_CHANNEL), WorkerConfig.Queue.batch.name());

    private static String enabledFlag(String channel) {
        return "mp.messaging.incoming." + channel + ".enabled";
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue explicit = context.proceed(name);
        String queue = QUEUE_OF_FLAG.get(name);
        if (queue == null || explicit != null) {
            return explicit;
        }
        ConfigValue consume = context.proceed(CONSUME);
        boolean consumed = consume == null || consume.getValue() == null
                || Arrays.stream(consume.getValue().split(",")).map(String::trim).anyMatch(queue::equals);
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(consumed))
                .withConfigSourceName(CONSUME).build();
    }
}
