import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Local stand-in for MongoDB (no mongod package exists for these machines): mongo-java-server speaking the
 * wire protocol, with documents kept in an H2 MVStore file.
 *
 * <pre>
 * java -cp "$(ls LIB/*.jar | grep -v /s3proxy- | paste -sd: -)" deploy/local/MongoStandIn.java \
 *      --port 27017 --file DATA/mongo.mv
 * </pre>
 *
 * LIB is filled by deploy/local/standins/pom.xml (dependency:copy-dependencies). Limits of the stand-in: no
 * transactions or sessions, no authentication, no $text; change streams work because the oplog is enabled.
 */
public class MongoStandIn {

    public static void main(String[] args) throws Exception {
        int port = 27017;
        String fileArg = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--file" -> fileArg = args[++i];
                default -> usage("unknown argument: " + args[i]);
            }
        }
        if (fileArg == null) {
            usage("--file is required");
        }
        Path file = Path.of(fileArg).toAbsolutePath();
        // Timestamps on the library's own log lines (slf4j-simple, stderr); must be set before any logger exists.
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");

        Files.createDirectories(file.getParent());
        H2Backend backend;
        try {
            // Opens and locks the MVStore file: a second stand-in on the same file fails here, not later.
            backend = new H2Backend(file.toString());
        } catch (RuntimeException e) {
            fail("cannot open " + file + ": " + e.getMessage());
            return;
        }
        MongoServer server = new MongoServer(backend);
        // Without the oplog, watch() (change streams) is refused; it must be on before clients connect.
        server.enableOplog();
        try {
            // Loopback only: the stand-in has no authentication.
            server.bind("127.0.0.1", port);
        } catch (Exception e) {
            // Catch Exception, not RuntimeException: netty rethrows a checked BindException (port in use)
            // undeclared, and left uncaught it kills main while netty's threads keep the JVM alive.
            // shutdownNow() also closes the backend, releasing the file lock.
            server.shutdownNow();
            fail("cannot bind 127.0.0.1:" + port + ": " + e);
        }

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT run shutdown hooks. shutdown() stops listening, closes client connections and then closes
        // the backend, which closes the MVStore: its last writes reach the file and the file is left consistent.
        // (MVStore also auto-commits about every second, so a SIGKILL loses at most the last second of writes.)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            System.out.println("MongoStandIn: stopped, " + file + " closed");
            stopped.countDown();
        }, "mongo-standin-shutdown"));

        System.out.println("MongoStandIn ready: mongodb://127.0.0.1:" + port + " (H2 file " + file + ", oplog on)");
        // Keep main alive until the hook has run; netty's threads would too, but this does not depend on that.
        stopped.await();
    }

    private static void fail(String problem) {
        System.err.println("MongoStandIn: " + problem);
        System.exit(1);
    }

    private static void usage(String problem) {
        System.err.println("MongoStandIn: " + problem);
        System.err.println("usage: java -cp <jars> MongoStandIn.java [--port 27017] --file <path>/mongo.mv");
        System.exit(2);
    }
}
