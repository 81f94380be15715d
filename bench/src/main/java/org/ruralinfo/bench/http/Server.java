package org.ruralinfo.bench.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assembled distribution run as a real process ({@code bin/ruralinfo}) from a private copy, on a
 * free loopback port, with its own data folder and a GC log, and a small client for it.
 */
final class Server implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_PASSWORD = "Bench-Passw0rd-2026-Region";

    final Path dist;
    final Path home;
    final int port;
    final Path gcLog;
    final Path log;
    private Process process;
    final HttpClient http;
    double startSeconds;
    private final String javaOpts;
    /** Anything odd seen while waiting for the start (a health request left unanswered). */
    final List<String> startNotes = new ArrayList<>();

    /** @param javaOpts JVM options added after the benchmark's heap and GC log ones (may be empty) */
    Server(Path dist, Path home, HttpClient http, String javaOpts) throws IOException {
        this.dist = dist;
        this.javaOpts = javaOpts;
        this.home = home;
        this.http = http;
        this.port = freePort();
        Files.createDirectories(home);
        this.gcLog = home.resolve("gc.log");
        this.log = home.resolve("process.log");
    }

    /** @return a private copy of the distribution at {@code target} (without data), {@code extra} in deploy/ */
    static Path copyOf(Path source, Path target, Path extraBundle) throws IOException {
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
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (extraBundle != null) {
            Files.copy(extraBundle, target.resolve("deploy").resolve(extraBundle.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts it with {@code -Xmx} and a GC log; returns once healthy (every bundle active). */
    Server start(String xmx) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(dist.resolve("bin/ruralinfo").toString());
        Map<String, String> env = pb.environment();
        env.put("RURALINFO_HTTP_PORT", Integer.toString(port));
        env.put("RURALINFO_HTTP_HOST", "127.0.0.1");
        env.put("RURALINFO_HOME", home.toString());
        env.put("RURALINFO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS", ("-Xmx" + xmx + " -Xlog:gc:file=" + gcLog + ":uptime " + javaOpts).strip());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        long t0 = System.nanoTime();
        process = pb.start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the distribution exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            long asked = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200) {
                    JsonNode h = JSON.readTree(r.body());
                    if (h.path("status").asText().equals("UP")) {
                        startSeconds = (System.nanoTime() - t0) / 1e9;
                        return this;
                    }
                }
            } catch (HttpTimeoutException e) {
                // a request the server took but never answered: told, not hidden in the start time
                startNotes.add(String.format("a health request sent %.1f s after the start got no answer in 5 s",
                        (asked - t0) / 1e9));
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not healthy within 90 s:\n" + Files.readString(log));
    }

    long pid() {
        return process.pid();
    }

    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> getBytes(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET()
                .header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> send(String method, String path, String token, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").method(method, body);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /** @return the body of a 2xx answer, else fails naming the status and body */
    static String ok(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    String login(String user, String password) throws IOException, InterruptedException {
        String body = ok(post("/api/v1/session", null,
                JSON.createObjectNode().put("username", user).put("password", password).toString()), "login " + user);
        return JSON.readTree(body).path("token").asText();
    }

    /** The GC log so far: one pause per entry, heap before and after in MB. */
    record Gc(double uptime, long beforeMb, long afterMb, long committedMb) {
    }

    private static final Pattern GC_LINE = Pattern.compile("\\[(\\d+\\.\\d+)s\\].*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    List<Gc> gcs() throws IOException {
        List<Gc> out = new ArrayList<>();
        if (!Files.exists(gcLog)) {
            return out;
        }
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                out.add(new Gc(Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4))));
            }
        }
        return out;
    }

    /** @return {@code jcmd <pid> GC.heap_info}, or why not */
    String heapInfo() {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid()), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(20, TimeUnit.SECONDS);
            return text;
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }
}
