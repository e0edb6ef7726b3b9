package io.openlearn.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {

    @TempDir
    Path dir;

    private static AccessLog.Entry entry(int i) {
        return new AccessLog.Entry(Instant.now(), "rid-" + i, "203.0.113.7", "user-" + i, "GET", "content",
                "/api/content/v1/x/" + i,
                200, 1_500_000, 2_250_000);
    }

    @Test
    void linesFromManyThreadsAllReachTheFileEachThreadsInItsOrder() throws Exception {
        Path file = dir.resolve("access.log");
        AccessLog log = new AccessLog(new SimpleMeterRegistry(), Optional.of(file), Duration.ofMillis(50));
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int base = t * 10_000;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    log.record(entry(base + i));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        log.close();

        List<String> lines = Files.readAllLines(file);
        assertEquals(20_000, lines.size());
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\S+ rid=rid-\\d+ client=203.0.113.7 user=user-\\d+ "
                + "GET /api/content/v1/x/\\d+ route=content status=200 upstream_ms=1.50 total_ms=2.25"), lines.get(0));
        for (int t = 0; t < threads.length; t++) {
            String prefix = " rid=rid-";
            int from = t * 10_000;
            List<Integer> ids = lines.stream().map(l -> l.substring(l.indexOf(prefix) + prefix.length()))
                    .map(l -> Integer.parseInt(l.substring(0, l.indexOf(' '))))
                    .filter(id -> id >= from && id < from + 10_000).toList();
            assertEquals(5_000, ids.size());
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(from + i, ids.get(i), "lines of one thread keep their order");
            }
        }
    }

    @Test
    void aLoneLineIsWrittenWithoutWaitingForMoreLinesOrForShutdown() throws Exception {
        Path file = dir.resolve("access.log");
        AccessLog log = new AccessLog(new SimpleMeterRegistry(), Optional.of(file), Duration.ofMillis(100));
        try {
            log.record(entry(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && (!Files.exists(file) || Files.readAllLines(file).isEmpty())) {
                Thread.sleep(20);
            }
            assertEquals(1, Files.readAllLines(file).size());
        } finally {
            log.close();
        }
    }

    @Test
    void aLineCarriesTheTimeItsRequestArrivedNotTheTimeItWasWritten() throws Exception {
        Path file = dir.resolve("access.log");
        AccessLog log = new AccessLog(new SimpleMeterRegistry(), Optional.of(file), Duration.ofMillis(20));
        Instant received = Instant.parse("2026-12-07T10:15:30.123456Z");
        log.record(new AccessLog.Entry(received, "r", "203.0.113.7", "u", "GET", "content", "/p", 200, 1, 2));
        log.close();
        assertEquals("2026-12-07T10:15:30.123456Z rid=r", Files.readAllLines(file).get(0).substring(0, 33));
    }

    @Test
    void millisecondsAreWrittenWithTwoDecimals() {
        String line = AccessLog.line(new AccessLog.Entry(Instant.parse("2026-12-07T10:15:30.123Z"), "r",
                "2001:db8:0:0:0:0:0:7", null, "POST", "grades", "/p", 429, -1, 50_000));
        assertEquals(
                "2026-12-07T10:15:30.123Z rid=r client=2001:db8:0:0:0:0:0:7 user=- POST /p route=grades status=429 upstream_ms=- "
                        + "total_ms=0.05",
                line);
    }
}
