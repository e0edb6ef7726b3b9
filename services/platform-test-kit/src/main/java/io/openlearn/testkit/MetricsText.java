package io.openlearn.testkit;

/** Reading Prometheus' text format as the services serve it at /q/metrics. */
public final class MetricsText {

    private MetricsText() {
    }

    /**
     * A sample line's value: its last field, before an OpenMetrics exemplar (" # {span_id=...,trace_id=...} 1.0
     * time") when the tracing extension adds one.
     */
    public static double value(String sample) {
        String line = sample.split(" # ", 2)[0].strip();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
