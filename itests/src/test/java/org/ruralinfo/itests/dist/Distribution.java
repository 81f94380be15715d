package org.ruralinfo.itests.dist;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assembled distribution run as a real process ({@code bin/ruralinfo}) on a free loopback port with
 * its own data folder, and a small HTTP client for it.
 */
final class Distribution implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final Path distDir;
    final int port;
    final String adminPassword;
    final Path log;
    private Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Whether {@link #start()} also waits for a scoring policy in force (the distribution ships one). */
    boolean waitForPolicy = true;
    /** Extra environment of the process, e.g. the PostgreSQL database of {@link Postgres#freshDatabase}. */
    final Map<String, String> environment = new java.util.HashMap<>();
    /** Seconds from process start to a healthy answer, measured by {@link #start()}. */
    double startSeconds;

    Distribution(Path home, String adminPassword) throws IOException {
        this(dist(), home, adminPassword);
    }

    /** A distribution run from {@code distDir} (e.g. a private copy a test may change). */
    Distribution(Path distDir, Path home, String adminPassword) throws IOException {
        this.distDir = distDir;
        this.home = home;
        this.port = freePort();
        this.adminPassword = adminPassword;
        this.log = home.resolve("process.log");
        Files.createDirectories(home);
    }

    static Path dist() {
        return Path.of(System.getProperty("ruralinfo.dist", "../distribution/target/ruralinfo")).toAbsolutePath();
    }

    static Path work(String name) throws IOException {
        Path base = Path.of(System.getProperty("ruralinfo.itest.work", "target/itest-work")).toAbsolutePath();
        Path dir = base.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(dir);
        return dir;
    }

    /** @return a private copy of the assembled distribution (without data), for a test that changes it */
    static Path copyOfDist(Path target) throws IOException {
        Path source = dist();
        try (var paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path rel = source.relativize(p);
                if (rel.startsWith("data")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Runs on {@code database} (the environment of {@link Postgres#freshDatabase}) instead of embedded H2. */
    Distribution on(Map<String, String> database) {
        environment.putAll(database);
        return this;
    }

    Distribution start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(distDir.resolve("bin/ruralinfo").toString());
        Map<String, String> env = pb.environment();
        env.put("RURALINFO_HTTP_PORT", Integer.toString(port));
        env.put("RURALINFO_HTTP_HOST", "127.0.0.1");
        env.put("RURALINFO_HOME", home.toString());
        env.putAll(environment);
        if (adminPassword != null) {
            env.put("RURALINFO_ADMIN_PASSWORD", adminPassword);
        } else {
            env.remove("RURALINFO_ADMIN_PASSWORD");
        }
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        long t0 = System.nanoTime();
        process = pb.start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the distribution exited with " + process.exitValue() + ":\n" + logText());
            }
            try {
                HttpResponse<String> r = get("/api/v1/health", null);
                JsonNode health = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
                // UP, and the policy of deploy/ (hot-deployed by FileInstall a moment after the rest) in force
                if (health != null && health.path("status").asText().equals("UP")
                        && (!waitForPolicy || !health.path("policy").isNull())) {
                    startSeconds = (System.nanoTime() - t0) / 1e9;
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not healthy within 60 s:\n" + logText());
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Stops it as Ctrl-C or an init system would (SIGTERM); @return the exit code */
    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** @return the process id of the runtime's JVM ({@code bin/ruralinfo} execs it) */
    long pid() {
        return process.pid();
    }

    /** Kills the JVM at once (SIGKILL, as {@code kill -9}): no shutdown hook, no clean close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String token, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, body);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /** @return the token of a fresh session of {@code user} */
    String login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/v1/session", null,
                JSON.createObjectNode().put("username", user).put("password", password).toString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("token").asText();
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
