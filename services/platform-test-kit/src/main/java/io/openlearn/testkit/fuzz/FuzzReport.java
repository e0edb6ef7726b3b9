package io.openlearn.testkit.fuzz;

import io.openlearn.testkit.fuzz.FuzzChecker.Finding;
import io.openlearn.testkit.fuzz.FuzzChecker.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts and findings of a fuzz run (thread-safe). {@link #summaryLine()} is the one line CI logs keep:
 * {@code FUZZ operations=.. requests=.. 5xx=.. non-problem=.. undeclared=.. accepted=.. no-answer=..}; the counts of
 * findings are requests (a request can count in more than one).
 */
public final class FuzzReport {

    private final Set<String> operations = new TreeSet<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<Kind, Integer> requestsWith = new EnumMap<>(Kind.class);
    private final List<Finding> findings = new ArrayList<>();
    private int requests;

    public synchronized void record(FuzzCase c, int status, List<Finding> found) {
        operations.add(c.operation().id());
        requests++;
        statuses.merge(status, 1, Integer::sum);
        Set<Kind> kinds = new LinkedHashSet<>();
        for (Finding f : found) {
            kinds.add(f.kind());
            findings.add(f);
        }
        kinds.forEach(k -> requestsWith.merge(k, 1, Integer::sum));
    }

    public synchronized int operations() {
        return operations.size();
    }

    public synchronized int requests() {
        return requests;
    }

    public synchronized int count(Kind kind) {
        return requestsWith.getOrDefault(kind, 0);
    }

    public synchronized boolean clean() {
        return findings.isEmpty();
    }

    public synchronized String summaryLine() {
        return "FUZZ operations=" + operations.size() + " requests=" + requests + " 5xx=" + count(Kind.SERVER_ERROR)
                + " non-problem=" + count(Kind.NOT_PROBLEM) + " undeclared=" + count(Kind.UNDECLARED)
                + " accepted=" + count(Kind.ACCEPTED) + " no-answer=" + count(Kind.NO_ANSWER)
                + " rate-limited=" + statuses.getOrDefault(429, 0);
    }

    public synchronized String statusLine() {
        StringBuilder out = new StringBuilder("FUZZ statuses");
        statuses.forEach((status, n) -> out.append(' ').append(status == 0 ? "none" : status).append('=').append(n));
        return out.toString();
    }

    /**
     * One line per kind, status, operation and mutation family ({@code body.type}, {@code path}, ...), with the
     * callers, up to three mutations and one body.
     */
    public synchronized String grouped() {
        return render(true);
    }

    /** Every finding, one line per kind, status, operation and mutation, with the callers and one body. */
    public synchronized String detailed() {
        return render(false);
    }

    private String render(boolean byFamily) {
        Map<String, Group> groups = new TreeMap<>();
        for (Finding f : findings) {
            FuzzCase c = f.fuzzCase();
            String mutation = byFamily ? c.family() : c.mutation();
            // the gateway's own limits answer the same whatever the operation: one line for all of them
            boolean edge = byFamily && (mutation.startsWith("edge.") || mutation.startsWith("auth."));
            String operation = edge ? "*" : c.method() + " " + c.operation().template();
            String detail = edge ? f.detail().replaceAll(" (by|to) [A-Z]+ /\\S+", "") : f.detail();
            String key = f.kind().ordinal() + "|" + f.kind().label + "|" + String.format("%03d", f.status()) + "|"
                    + operation + "|" + mutation + "|" + detail.replaceAll("\\d+", "#");
            Group g = groups.computeIfAbsent(key, k -> new Group(f, mutation, edge));
            g.callers.add(c.caller());
            g.mutations.add(c.mutation());
            g.operations.add(c.method() + " " + c.operation().template());
            g.count++;
        }
        StringBuilder out = new StringBuilder();
        Map<Kind, List<Group>> byKind = new LinkedHashMap<>();
        groups.values().forEach(g -> byKind.computeIfAbsent(g.first.kind(), k -> new ArrayList<>()).add(g));
        for (Kind kind : Kind.values()) {
            List<Group> list = byKind.get(kind);
            if (list == null) {
                continue;
            }
            list.sort(Comparator.comparing((Group g) -> g.first.status())
                    .thenComparing(g -> g.first.fuzzCase().operation().template())
                    .thenComparing(g -> g.first.fuzzCase().method()));
            out.append("== ").append(kind.label).append(" (").append(count(kind)).append(" requests, ")
                    .append(list.size()).append(" groups)\n");
            for (Group g : list) {
                Finding f = g.first;
                FuzzCase c = f.fuzzCase();
                out.append("  ").append(f.status() == 0 ? "---" : f.status()).append(' ');
                if (g.everyOperation) {
                    out.append("(").append(g.operations.size()).append(" operations)");
                } else {
                    out.append(c.method()).append(' ').append(c.operation().template());
                }
                out.append("  ").append(g.label).append("  x").append(g.count).append(" ").append(g.callers);
                if (byFamily && !g.everyOperation) {
                    List<String> some = new ArrayList<>(g.mutations);
                    out.append(" e.g. ").append(String.join(", ", some.subList(0, Math.min(3, some.size()))));
                    if (some.size() > 3) {
                        out.append(", +").append(some.size() - 3);
                    }
                }
                out.append('\n');
                if (g.everyOperation) {
                    List<String> ops = new ArrayList<>(g.operations);
                    out.append("      e.g. ").append(String.join(", ", ops.subList(0, Math.min(3, ops.size()))))
                            .append('\n');
                } else if (!f.detail().isEmpty()) {
                    out.append("      ").append(f.detail()).append('\n');
                }
                out.append("      ").append(f.contentType() == null ? "(no Content-Type)" : f.contentType())
                        .append(' ').append(f.bodySample().isEmpty() ? "(empty body)" : f.bodySample()).append('\n');
            }
        }
        return out.toString();
    }

    private static final class Group {
        final Finding first;
        final String label;
        final Set<String> callers = new TreeSet<>();
        final Set<String> mutations = new LinkedHashSet<>();
        final Set<String> operations = new TreeSet<>();
        final boolean everyOperation;
        int count;

        Group(Finding first, String label, boolean everyOperation) {
            this.first = first;
            this.label = label;
            this.everyOperation = everyOperation;
        }
    }
}
