import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * Local stand-in for an OpenTelemetry collector and trace store (what Jaeger or Tempo are in a cluster): receives
 * OTLP over HTTP (protobuf, the services' exporter with protocol http/protobuf) and keeps the most recent traces in
 * memory for the journeys and for a developer to read.
 *
 * <pre>
 * java -cp "$(ls LIB/opentelemetry-proto-*.jar LIB/protobuf-java-*.jar | paste -sd: -)" \
 *      deploy/local/TraceCollector.java --port 4318 [--max-traces 20000]
 *
 * POST /v1/traces                      OTLP ExportTraceServiceRequest (gzip or not)
 * GET  /api/traces?service=&amp;name=&amp;limit=  ids of recent traces with a span of that service whose name contains name
 * GET  /api/traces/{traceId}           the trace's spans as JSON
 * GET  /api/traces/{traceId}/text      the trace as an indented tree, one line per span
 * </pre>
 */
public class TraceCollector {

    /** One received span, with the service.name of the resource that sent it. */
    record SpanRecord(String traceId, String spanId, String parentSpanId, String service, String name, String kind,
            long startNanos, long endNanos, boolean error, Map<String, String> attributes) {

        double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    private final int maxTraces;
    /** Trace id -> spans, oldest trace first; the eldest is dropped past maxTraces. */
    private final LinkedHashMap<String, List<SpanRecord>> traces;

    TraceCollector(int maxTraces) {
        this.maxTraces = maxTraces;
        this.traces = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<SpanRecord>> eldest) {
                return size() > TraceCollector.this.maxTraces;
            }
        };
    }

    public static void main(String[] args) throws IOException {
        int port = 4318;
        int maxTraces = 20_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--max-traces" -> maxTraces = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        TraceCollector collector = new TraceCollector(maxTraces);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/v1/traces", exchange -> reporting(exchange, collector::receive));
        server.createContext("/api/traces", exchange -> reporting(exchange, collector::query));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println("trace collector listening on 127.0.0.1:" + port);
    }

    /** The JDK server drops a handler's exception silently: say what went wrong, to the caller and the log. */
    private static void reporting(HttpExchange exchange, com.sun.net.httpserver.HttpHandler handler) {
        try {
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            System.err.println("trace collector: " + exchange.getRequestURI() + ": " + e);
            try (exchange) {
                respond(exchange, 400, "text/plain", String.valueOf(e.getMessage()));
            } catch (IOException | RuntimeException ignored) {
                // the response had already started
            }
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain", "POST OTLP protobuf here");
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            store(ExportTraceServiceRequest.parseFrom(body));
            // an empty ExportTraceServiceResponse: every span accepted
            respond(exchange, 200, "application/x-protobuf", "");
        }
    }

    private synchronized void store(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    String traceId = hex.formatHex(span.getTraceId().toByteArray());
                    SpanRecord record = new SpanRecord(traceId, hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()), service, span.getName(),
                            span.getKind().name().replace("SPAN_KIND_", ""), span.getStartTimeUnixNano(),
                            span.getEndTimeUnixNano(), span.getStatus().getCodeValue() == 2,
                            attributes(span.getAttributesList()));
                    traces.computeIfAbsent(traceId, id -> new ArrayList<>()).add(record);
                }
            }
        }
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        Map<String, String> attributes = new TreeMap<>();
        for (KeyValue value : values) {
            var any = value.getValue();
            attributes.put(value.getKey(), switch (any.getValueCase()) {
                case STRING_VALUE -> any.getStringValue();
                case INT_VALUE -> Long.toString(any.getIntValue());
                case BOOL_VALUE -> Boolean.toString(any.getBoolValue());
                case DOUBLE_VALUE -> Double.toString(any.getDoubleValue());
                default -> any.toString().strip();
            });
        }
        return attributes;
    }

    private void query(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.substring("/api/traces".length()).split("/");
            if (parts.length <= 1) {
                respond(exchange, 200, "application/json", json(find(query(exchange.getRequestURI().getRawQuery()))));
                return;
            }
            List<SpanRecord> spans = spans(parts[1]);
            if (spans.isEmpty()) {
                respond(exchange, 404, "text/plain", "no trace " + parts[1]);
            } else if (parts.length > 2 && "text".equals(parts[2])) {
                respond(exchange, 200, "text/plain; charset=utf-8", text(parts[1], spans));
            } else {
                respond(exchange, 200, "application/json", spansJson(spans));
            }
        }
    }

    private synchronized List<SpanRecord> spans(String traceId) {
        List<SpanRecord> spans = new ArrayList<>(traces.getOrDefault(traceId, List.of()));
        spans.sort(Comparator.comparingLong(SpanRecord::startNanos));
        return spans;
    }

    private synchronized List<String> find(Map<String, String> query) {
        String service = query.get("service");
        String name = query.getOrDefault("name", "");
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        List<String> ids = new ArrayList<>();
        List<String> all = new ArrayList<>(traces.keySet());
        for (int i = all.size() - 1; i >= 0 && ids.size() < limit; i--) {
            boolean matches = traces.get(all.get(i)).stream().anyMatch(s -> (service == null
                    || service.equals(s.service())) && s.name().contains(name));
            if (matches) {
                ids.add(all.get(i));
            }
        }
        return ids;
    }

    /** The trace as a tree: each span under its parent, with its start after the trace's start and its duration. */
    static String text(String traceId, List<SpanRecord> spans) {
        long start = spans.stream().mapToLong(SpanRecord::startNanos).min().orElse(0);
        long end = spans.stream().mapToLong(SpanRecord::endNanos).max().orElse(0);
        Map<String, List<SpanRecord>> children = new LinkedHashMap<>();
        Map<String, SpanRecord> byId = new LinkedHashMap<>();
        spans.forEach(s -> byId.put(s.spanId(), s));
        List<SpanRecord> roots = new ArrayList<>();
        for (SpanRecord span : spans) {
            if (byId.containsKey(span.parentSpanId())) {
                children.computeIfAbsent(span.parentSpanId(), id -> new ArrayList<>()).add(span);
            } else {
                roots.add(span);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("trace %s: %d spans, %.1f ms%n", traceId, spans.size(), (end - start) / 1e6));
        out.append(String.format("%10s %10s  %s%n", "start ms", "took ms", "service: span (kind)"));
        for (SpanRecord root : roots) {
            tree(out, root, children, start, 0);
        }
        return out.toString();
    }

    private static void tree(StringBuilder out, SpanRecord span, Map<String, List<SpanRecord>> children, long start,
            int depth) {
        out.append(String.format("%10.1f %10.1f  %s%s: %s (%s)%s%n", (span.startNanos() - start) / 1e6,
                span.millis(), "  ".repeat(depth), span.service(), span.name(), span.kind().toLowerCase(),
                span.error() ? " ERROR" : ""));
        for (SpanRecord child : children.getOrDefault(span.spanId(), List.of())) {
            tree(out, child, children, start, depth + 1);
        }
    }

    private static String spansJson(List<SpanRecord> spans) {
        StringBuilder out = new StringBuilder("[");
        for (SpanRecord s : spans) {
            out.append(out.length() > 1 ? "," : "").append('{')
                    .append("\"traceId\":").append(json(s.traceId())).append(",\"spanId\":").append(json(s.spanId()))
                    .append(",\"parentSpanId\":").append(json(s.parentSpanId()))
                    .append(",\"service\":").append(json(s.service())).append(",\"name\":").append(json(s.name()))
                    .append(",\"kind\":").append(json(s.kind())).append(",\"startNanos\":").append(s.startNanos())
                    .append(",\"endNanos\":").append(s.endNanos()).append(",\"error\":").append(s.error())
                    .append(",\"attributes\":{");
            int n = 0;
            for (var attribute : s.attributes().entrySet()) {
                out.append(n++ > 0 ? "," : "").append(json(attribute.getKey())).append(':')
                        .append(json(attribute.getValue()));
            }
            out.append("}}");
        }
        return out.append(']').toString();
    }

    private static String json(List<String> ids) {
        return ids.stream().map(TraceCollector::json).reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
