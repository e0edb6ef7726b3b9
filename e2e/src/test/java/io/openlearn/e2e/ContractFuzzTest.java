package io.openlearn.e2e;

import static io.openlearn.e2e.Journeys.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.testkit.KeycloakTokens;
import io.openlearn.testkit.fuzz.ContractCatalog;
import io.openlearn.testkit.fuzz.ContractCatalog.Operation;
import io.openlearn.testkit.fuzz.FuzzCase;
import io.openlearn.testkit.fuzz.FuzzCase.Size;
import io.openlearn.testkit.fuzz.FuzzChecker;
import io.openlearn.testkit.fuzz.FuzzGenerator;
import io.openlearn.testkit.fuzz.FuzzReport;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract fuzz suite: every operation of {@code contracts/*.openapi.yaml} (grades-worker's aside: the gateway
 * does not route to it), through the gateway, as an anonymous caller, a learner ({@code learner1}, enrolled) and
 * staff ({@code admin}), with requests that are each invalid in one way (see {@link FuzzGenerator}). Real data is
 * set up first so that path parameters name things that exist and only the mutated part is wrong.
 * <p>
 * Fails, with every finding grouped, on any 5xx, any error that is not problem+json, any answer the contract does
 * not declare (status, body schema, content type) and any 2xx to a refused request. The gateway's own refusals
 * ({@link FuzzChecker#GATEWAY_STATUSES}: 401, 413, 414, 429, 431, 503) count as declared on every proxied operation.
 * Prints {@code FUZZ operations=.. requests=.. 5xx=.. non-problem=.. undeclared=.. accepted=.. no-answer=..} and
 * writes the findings to {@code target/contract-fuzz/}. Seed: {@code -De2e.fuzz.seed} (18).
 */
class ContractFuzzTest {

    private static final long SEED = Long.getLong("e2e.fuzz.seed", 18L);
    private static final int THREADS = Integer.getInteger("e2e.fuzz.threads", 4);
    private static final List<String> CONTRACTS = List.of("auth", "authoring", "content", "enrollment", "submission",
            "grades");
    /** Caller label -> demo user (null: no token). */
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();
    /**
     * The body limit of each gateway route, the same as its service's (contracts do not say): Quarkus' default
     * 10 MB everywhere but content, which takes uploads up to 2 GB. {@code -De2e.fuzz.body-limit} and
     * {@code -De2e.fuzz.body-limit.<route>} (bytes) change them.
     */
    private static final long DEFAULT_BODY_LIMIT = Long.getLong("e2e.fuzz.body-limit", 10L * 1024 * 1024);
    private static final Map<String, Long> BODY_LIMITS = Map.of("content",
            Long.getLong("e2e.fuzz.body-limit.content", 2L * 1024 * 1024 * 1024));
    /** Bodies over a limit are sent in full only up to this size: above it only the declared length is. */
    private static final long LARGEST_BODY_SENT = 64L * 1024 * 1024;

    static {
        CALLERS.put(FuzzGenerator.ANONYMOUS, null);
        CALLERS.put("learner", "learner1");
        CALLERS.put("staff", "admin");
    }

    @Test
    void everyOperationAnswersBadInputWithADeclaredProblemAndNever5xx() throws Exception {
        Fixture fixture = Fixture.create();
        ContractCatalog catalog = ContractCatalog.load(contractsDir(), CONTRACTS);
        FuzzGenerator generator = new FuzzGenerator(catalog, fixture, SEED, 4);
        FuzzChecker checker = new FuzzChecker(catalog, generator);
        FuzzReport report = new FuzzReport();

        List<FuzzCase> cases = new ArrayList<>();
        List<FuzzCase> oversized = new ArrayList<>();
        Map<String, Operation> firstBodyOperationOfRoute = new TreeMap<>();
        // per route, its first JSON PUT (never in the gateway's expensive rate class, which holds POSTs only), else
        // its first JSON POST
        for (String method : List.of("PUT", "POST")) {
            for (Operation op : catalog.operations()) {
                if (op.jsonBody() && op.method().equals(method)) {
                    firstBodyOperationOfRoute.putIfAbsent(op.route(), op);
                }
            }
        }
        for (String caller : CALLERS.keySet()) {
            // generation asks the contract about each write: in parallel, collected in the operations' order
            catalog.operations().parallelStream().map(op -> generator.cases(op, caller)).toList()
                    .forEach(cases::addAll);
            if (!FuzzGenerator.ANONYMOUS.equals(caller)) {
                for (Operation op : firstBodyOperationOfRoute.values()) {
                    long limit = Long.getLong("e2e.fuzz.body-limit." + op.route(),
                            BODY_LIMITS.getOrDefault(op.route(), DEFAULT_BODY_LIMIT));
                    oversized.addAll(generator.oversizedCases(op, caller, limit, limit <= LARGEST_BODY_SENT));
                }
            }
        }
        System.out.println("FUZZ generated " + cases.size() + " cases and " + oversized.size() + " size cases over "
                + catalog.operations().size() + " operations (seed " + SEED + ")");

        // Keycloak tokens live 5 minutes: fetched now, after the set-up, for a run of about two
        Map<String, String> tokens = new LinkedHashMap<>();
        CALLERS.forEach((caller, user) -> tokens.put(caller, user == null ? null : KeycloakTokens.demoUser(user)));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (FuzzCase c : cases) {
                running.add(pool.submit(() -> exchange(http, c, tokens.get(c.caller()), checker, report)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // last, one at a time: today an upstream refusing a large body can count against its circuit breaker
        for (FuzzCase c : oversized) {
            Answer answer = exchange(http, c, tokens.get(c.caller()), checker, report);
            System.out.println("FUZZ size " + c + " -> " + (answer == null ? "no answer" : answer.status + " "
                    + answer.headers.entrySet().stream().filter(h -> "content-type".equalsIgnoreCase(h.getKey()))
                            .map(h -> h.getValue().get(0)).findFirst().orElse("(no Content-Type)")));
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        Path out = Path.of("target", "contract-fuzz");
        Files.createDirectories(out);
        String grouped = report.grouped();
        Files.writeString(out.resolve("findings-grouped.txt"), report.summaryLine() + "\n" + grouped);
        Files.writeString(out.resolve("findings-detailed.txt"), report.summaryLine() + "\n" + report.detailed());
        System.out.println(report.statusLine());
        System.out.println(report.summaryLine() + " seconds=" + seconds + " seed=" + SEED);
        assertTrue(report.clean(), report.summaryLine() + " (every finding: " + out.toAbsolutePath()
                + "/findings-detailed.txt)\n" + grouped);
    }

    /**
     * Sends one case and records its findings. Cases over the gateway's limits go over a connection of their own
     * (the gateway closes the connection after a 431 without saying so, which would fail the next request on a
     * kept-alive one); a request that gets no answer on a kept-alive connection is sent once more on a new one.
     */
    private static Answer exchange(HttpClient http, FuzzCase c, String token, FuzzChecker checker,
            FuzzReport report) {
        Answer answer;
        try {
            boolean ownConnection = c.size() != Size.NORMAL || c.family().startsWith("edge.");
            try {
                answer = ownConnection ? raw(c, token) : send(http, c, token);
            } catch (IOException staleConnection) {
                if (ownConnection) {
                    throw staleConnection;
                }
                answer = raw(c, token);
            }
        } catch (Exception e) {
            report.record(c, 0, List.of(checker.noAnswer(c, e)));
            return null;
        }
        report.record(c, answer.status, checker.check(c, answer.status, answer.headers, answer.body));
        return answer;
    }

    private record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private static Answer send(HttpClient http, FuzzCase c, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Journeys.GATEWAY + c.target()))
                .timeout(Duration.ofSeconds(30))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (token != null && !c.headers().containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        c.headers().forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    /**
     * Size cases over a plain socket: the answer is read while the body is still being written (a server may
     * refuse as soon as it has the headers), and a {@code Content-Length} can be declared without sending the body.
     */
    private static Answer raw(FuzzCase c, String token) throws IOException, InterruptedException {
        URI gateway = URI.create(Journeys.GATEWAY);
        int port = gateway.getPort() < 0 ? 80 : gateway.getPort();
        try (Socket socket = new Socket(gateway.getHost(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(c.method()).append(' ').append(c.target()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(gateway.getHost()).append(':').append(port).append("\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            c.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (c.body() != null) {
                head.append("Content-Length: ").append(c.body().length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = null;
            if (c.body() != null) {
                byte[] body = c.body();
                writer = new Thread(() -> {
                    try {
                        for (int i = 0; i < body.length; i += 65536) {
                            out.write(body, i, Math.min(65536, body.length - i));
                        }
                        out.flush();
                    } catch (IOException refusedEarly) {
                        // the server answered and closed before the whole body was sent
                    }
                });
                writer.setDaemon(true);
                writer.start();
            }
            Answer answer = readAnswer(new BufferedInputStream(socket.getInputStream()));
            if (writer != null) {
                writer.join(5_000);
            }
            return answer;
        }
    }

    private static Answer readAnswer(InputStream in) throws IOException {
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/")) {
            throw new IOException("no HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length.get(0))));
        } else if (encoding != null && encoding.get(0).contains("chunked")) {
            String size;
            while ((size = line(in)) != null && !size.isEmpty()) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        } else {
            body.write(in.readNBytes(1024 * 1024));
        }
        return new Answer(code, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                out.write(b);
            }
        }
        return b == -1 && out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }

    private static Path contractsDir() {
        String configured = System.getProperty("openlearn.contracts.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path fromModule = Path.of("..", "contracts");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("contracts");
    }

    /**
     * The real data the valid requests are built from: a course run (staff: admin, instructor on its team) with a
     * chapter, a graded sequential, a unit, a problem and an html block, published; learner1 enrolled with one
     * submission; an asset; a grades job; the ETags the writes need.
     */
    private record Fixture(String course, String learnerId, String sequential, String problem, String html,
            String asset, String assignmentId, String jobId, String courseEtag, String policyEtag,
            String blockEtag) implements FuzzGenerator.Values {

        static Fixture create() throws InterruptedException {
            Journeys.signIn("learner1", "learner2", "instructor", "admin");
            String learnerId = as("learner1").get("/api/auth/v1/me").then().statusCode(200).extract().path("id");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String org = "FUZZ" + UUID.randomUUID().toString().substring(0, 6);
            String course = as("admin").contentType("application/json")
                    .body(Map.of("org", org, "number", "FUZZ", "run", "2026", "title", "Fuzzed",
                            "start", now.minus(Duration.ofDays(1)).toString()))
                    .post("/api/authoring/v1/course-runs").then().statusCode(201).extract().path("courseKey");
            as("admin").contentType("application/json")
                    .body(Map.of("username", "instructor", "role", "course_instructor"))
                    .post("/api/authoring/v1/course-runs/" + course + "/team").then().statusCode(201);
            String blocks = "/api/content/v1/courses/" + course + "/draft/blocks";
            String chapter = block(blocks, Map.of("type", "chapter", "id", "c1", "displayName", "Fuzz week"));
            String sequential = block(blocks, Map.of("type", "sequential", "id", "s1", "parent", chapter,
                    "graded", true, "format", "Homework", "showCorrectness", "always"));
            String unit = block(blocks, Map.of("type", "vertical", "id", "v1", "parent", sequential));
            String problem = block(blocks, Map.of("type", "problem", "id", "p1", "parent", unit, "problem",
                    Map.of("kind", "numerical", "prompt", "2 + 2", "answer", 4, "maxScore", 1)));
            String html = block(blocks, Map.of("type", "html", "id", "h1", "parent", unit, "html", "<p>fuzz</p>"));
            as("instructor").post("/api/content/v1/courses/" + course + "/publish").then().statusCode(201);
            assertEquals(201, Journeys.enroll("learner1", course));
            as("learner1").contentType("application/json").body(Map.of("answer", Map.of("value", 4)))
                    .post("/api/submission/v1/courses/" + course + "/items/" + problem + "/submissions").then()
                    .statusCode(201);
            String asset = "fuzz.txt";
            int uploaded = as("instructor").contentType("text/plain").body("fuzz".getBytes(StandardCharsets.UTF_8))
                    .put("/api/content/v1/courses/" + course + "/assets/" + asset).statusCode();
            String courseEtag = as("admin").get("/api/authoring/v1/course-runs/" + course).then().statusCode(200)
                    .extract().header("ETag");
            String policyEtag = as("admin").get("/api/authoring/v1/course-runs/" + course + "/grading-policy").then()
                    .statusCode(200).extract().header("ETag");
            String blockEtag = as("instructor").get(blocks + "/" + html).then().statusCode(200).extract()
                    .header("ETag");
            Object assignment = as("admin").queryParam("scope", course).get("/api/auth/v1/role-assignments").then()
                    .statusCode(200).extract().path("items[0].id");
            // the expensive rate class allows 5 jobs per user and 10 s: a run right after another may get a 429
            var job = as("instructor").contentType("application/json").body(Map.of("kind", "regrade"))
                    .post("/api/grades/v1/courses/" + course + "/jobs");
            String jobId = job.statusCode() == 202 ? job.path("id") : FuzzGenerator.MISSING_ID;
            System.out.println("FUZZ fixture course=" + course + " learner1=" + learnerId + " asset upload=" + uploaded
                    + " job=" + job.statusCode() + " assignment=" + assignment);
            return new Fixture(course, learnerId, sequential, problem, html, asset,
                    assignment == null ? "999999999" : String.valueOf(assignment), jobId,
                    courseEtag, policyEtag, blockEtag);
        }

        private static String block(String path, Map<String, Object> body) {
            return as("instructor").contentType("application/json").body(body).post(path).then().statusCode(201)
                    .extract().path("key");
        }

        @Override
        public String path(Operation op, String name) {
            return switch (name) {
                case "courseKey" -> course;
                case "userId" -> learnerId;
                case "blockKey" -> html;
                case "version" -> "1";
                case "name" -> asset;
                case "id" -> op.template().contains("role-assignments") ? assignmentId : learnerId;
                case "username" -> op.template().contains("/team/") ? "instructor" : "learner1";
                case "role" -> "course_instructor";
                case "subsectionKey" -> sequential;
                case "itemKey" -> problem;
                case "jobId" -> jobId;
                case "queue" -> "grades.stream";
                default -> "fuzz";
            };
        }

        @Override
        public String query(Operation op, String name) {
            return switch (name) {
                case "courseKey", "scope" -> course;
                case "user" -> "learner1";
                case "role" -> "course_instructor";
                case "subsectionKey" -> sequential;
                case "itemKey" -> problem;
                case "userId" -> learnerId;
                default -> "fuzz";
            };
        }

        @Override
        public String header(Operation op, String name) {
            if (!"If-Match".equalsIgnoreCase(name)) {
                return null;
            }
            if (op.template().endsWith("/grading-policy")) {
                return policyEtag;
            }
            if (op.template().startsWith("/api/authoring/")) {
                return courseEtag;
            }
            return op.template().contains("/draft/blocks/") ? blockEtag : null;
        }
    }
}
