package org.ruralinfo.bench.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.bench.Region;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTTP targets of issue #9, measured on the assembled distribution (a private copy with the floor
 * bundle in deploy/, its own data folder, a free loopback port), each with its floor in the same run:
 * <ul>
 * <li>start to healthy (empty data folder; and with the region's year stored);</li>
 * <li>import of the region's year through {@code POST /api/v1/exchange}, with the heap from the GC log;
 * floor: the same bytes posted to the bare servlet, and Jackson parsing them in this process;</li>
 * <li>the year's five ranking reports from cold, a repeated report, the affected reports after one
 * adoption ({@code POST /api/v1/items/{id}/adoptions});</li>
 * <li>the copy check on submit against the region's items ({@code POST …/transitions} submit);</li>
 * <li>{@code POST /api/v1/items} under load; floors: the bare servlet, and the bare servlet with one
 * durable insert through the product's database.</li>
 * </ul>
 * Every run starts from a fresh data folder. Options: {@code --dist DIR --floor JAR --work DIR --runs N
 * --prefectures N --requests N --concurrency N --heap 512m,384m --java-opts "OPTIONS" --out FILE --only start};
 * the JVM options go after the distribution's own defaults and the benchmark's heap and GC log. {@code --only start}
 * measures the start to healthy alone, {@code --runs} times, each on a fresh data folder.
 */
public final class HttpBench {
    private final Map<String, String> opts;
    private final Path dist;
    private final Path floorJar;
    private final Path work;
    private final int runs;
    private final int prefectures;
    private final int requests;
    private final int concurrency;
    private final String javaOpts;
    private final HttpClient http;
    private final StringBuilder report = new StringBuilder();

    private final Map<String, List<Double>> results = new LinkedHashMap<>();

    HttpBench(Map<String, String> opts) {
        this.opts = opts;
        this.dist = Path.of(opts.getOrDefault("dist", "distribution/target/ruralinfo")).toAbsolutePath();
        this.floorJar = Path.of(opts.getOrDefault("floor", "bench/target/ruralinfo-bench-1.0.0-SNAPSHOT-floor.jar"))
                .toAbsolutePath();
        this.work = Path.of(opts.getOrDefault("work", "bench/target/bench-work")).toAbsolutePath();
        this.runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        this.prefectures = Integer.parseInt(opts.getOrDefault("prefectures", "14"));
        this.requests = Integer.parseInt(opts.getOrDefault("requests", "20000"));
        this.concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "16"));
        this.javaOpts = opts.getOrDefault("java-opts", "");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        HttpBench bench = new HttpBench(opts);
        String text = bench.run();
        System.out.println(text);
        if (opts.containsKey("out")) {
            Files.writeString(Path.of(opts.get("out")), text);
        }
        System.exit(0);
    }

    /** @return the report (Markdown) */
    String run() throws Exception {
        Files.createDirectories(work);
        byte[] doc = Region.document(prefectures);
        ExchangeDocument parsed = Region.parsed(prefectures);
        line("# HTTP benchmarks, %d prefecture(s), %.1f MB document, %d items; load average at start %s%s",
                prefectures, doc.length / 1e6, parsed.items().size(), Stats.load(),
                javaOpts.isEmpty() ? "" : "; JVM options " + javaOpts);
        Path copy = Server.copyOf(dist, Files.createTempDirectory(work, "dist-"), floorJar);
        boolean startOnly = "start".equals(opts.get("only"));
        for (int r = 1; r <= runs; r++) {
            if (startOnly) {
                startRun(copy);
            } else {
                oneRun(r, copy, doc, parsed);
            }
        }
        for (String xmx : opts.getOrDefault("heap", "").split(",")) {
            if (!xmx.isBlank()) {
                heapRun(copy, doc, xmx.strip());
            }
        }
        line("");
        line("| measurement | median (min–max, n) |");
        line("|---|---|");
        for (Map.Entry<String, List<Double>> e : results.entrySet()) {
            line("| %s | %s |", e.getKey(), Stats.summary(Stats.of(e.getValue()), "%.1f"));
        }
        line("load average at the end %s", Stats.load());
        Region.delete(copy);
        return report.toString();
    }

    /** Start to healthy on an empty data folder, and stop. */
    private void startRun(Path copy) throws Exception {
        Path home = Files.createTempDirectory(work, "home-");
        try (Server s = new Server(copy, home, http, javaOpts)) {
            s.start("1g");
            record("start to healthy, empty data folder [s]", s.startSeconds);
            s.startNotes.forEach(n -> line("start: %s", n));
        } finally {
            Region.delete(home);
        }
    }

    private void oneRun(int r, Path copy, byte[] doc, ExchangeDocument parsed) throws Exception {
        Path home = Files.createTempDirectory(work, "home-");
        try (Server s = new Server(copy, home, http, javaOpts)) {
            s.start("1g");
            record("start to healthy, empty data folder [s]", s.startSeconds);
            slowStart(s, 0, 0);
            String admin = s.login("admin", Server.ADMIN_PASSWORD);

            // ---- import, and its floors ----
            double floorUpload = time(() -> Server.ok(s.send("POST", "/bench/floor/plain", admin,
                    HttpRequest.BodyPublishers.ofByteArray(doc)), "floor upload"));
            double floorParse = time(() -> jacksonParse(doc));
            double gcMark = uptime(s);
            double imp = time(() -> Server.ok(s.send("POST", "/api/v1/exchange", admin,
                    HttpRequest.BodyPublishers.ofByteArray(doc)), "import"));
            record("import floor: the document posted to the bare servlet [ms]", floorUpload);
            record("import floor: Jackson parse in the client, cold JVM [ms]", floorParse);
            record("import POST /api/v1/exchange [ms]", imp);
            record("import / floor (upload + parse)", imp / (floorUpload + floorParse));
            heap(s, gcMark, "import, -Xmx1g");

            // ---- rankings ----
            String[] periods = {"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025"};
            double cold = 0;
            long bytes = 0;
            for (String p : periods) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> resp = s.getBytes("/api/v1/rankings?period=" + p, admin);
                cold += (System.nanoTime() - t0) / 1e6;
                check(resp.statusCode(), "ranking " + p);
                bytes += resp.body().length;
            }
            record("five reports from cold (sum) [ms]", cold);
            record("five reports, bytes of JSON [MB]", bytes / 1e6);
            List<Double> repeatedQ = new ArrayList<>();
            List<Double> repeatedY = new ArrayList<>();
            List<Double> floorGet = new ArrayList<>();
            int repeats = Integer.parseInt(opts.getOrDefault("repeats", "20"));
            for (int i = 0; i < repeats; i++) {
                repeatedQ.add(time(() -> check(s.getBytes("/api/v1/rankings?period=2025-Q3", admin).statusCode(), "Q3")));
                repeatedY.add(time(() -> check(s.getBytes("/api/v1/rankings?period=2025", admin).statusCode(), "year")));
                floorGet.add(time(() -> check(s.get("/api/v1/health", null).statusCode(), "health")));
            }
            record("repeated report 2025-Q3, median per run [ms]", Stats.median(Stats.of(repeatedQ)));
            record("repeated report 2025 (year), median per run [ms]", Stats.median(Stats.of(repeatedY)));
            record("floor: GET /api/v1/health, median per run [ms]", Stats.median(Stats.of(floorGet)));

            // ---- one adoption, then the affected reports ----
            String editor = user(s, admin, "editor-" + r, "editor", null);
            List<String> items = adoptable(parsed, 5);
            List<Double> after = new ArrayList<>();
            List<Double> adoptPost = new ArrayList<>();
            for (String item : items) {
                adoptPost.add(time(() -> Server.ok(s.post("/api/v1/items/" + item + "/adoptions", editor,
                        "{\"level\":\"region_publication\",\"at\":\"2025-08-15\"}"), "adoption")));
                after.add(time(() -> {
                    check(s.getBytes("/api/v1/rankings?period=2025-Q3", admin).statusCode(), "Q3");
                    check(s.getBytes("/api/v1/rankings?period=2025", admin).statusCode(), "year");
                    return null;
                }));
            }
            sameAsReadAfresh(s, admin, parsed);
            record("after one adoption: POST …/adoptions [ms]", Stats.median(Stats.of(adoptPost)));
            record("after one adoption: Q3 + year right again [ms]", Stats.median(Stats.of(after)));

            // ---- the copy check on submit, and intake under load ----
            List<Unit> units = parsed.units().stream().filter(u -> u.kind() == UnitKind.COUNTY)
                    .limit(Integer.parseInt(opts.getOrDefault("officers", "8"))).toList();
            List<String> officers = new ArrayList<>();
            for (Unit u : units) {
                officers.add(user(s, admin, "officer-" + r + "-" + u.id(), "officer", u.id()));
            }
            copyCheck(s, officers, parsed);
            load(s, "floor: POST /bench/floor/plain (bare servlet)", "/bench/floor/plain", officers, null);
            load(s, "floor: POST /bench/floor/db (bare servlet + one durable insert)", "/bench/floor/db", officers,
                    null);
            load(s, "POST /api/v1/items", "/api/v1/items", officers, units);

            long stopping = System.nanoTime();
            int exit = s.stop();
            double stopSeconds = (System.nanoTime() - stopping) / 1e9;
            // ---- start with the region's year stored ----
            try (Server again = new Server(copy, home, http, javaOpts)) {
                again.start("1g");
                record("start to healthy, region's year stored [s]", again.startSeconds);
                slowStart(again, stopSeconds, exit);
                again.stop();
            }
        } finally {
            Region.delete(home);
        }
    }

    /** An outlier is reported with what the client saw and what the process said, not just counted. */
    private void slowStart(Server s, double stopSeconds, int exit) throws IOException {
        s.startNotes.forEach(n -> line("start: %s", n));
        if (s.startSeconds > 10 || stopSeconds > 10) {
            line("slow stop before it (%.1f s, exit %d) or start (%.1f s); the process log:%n%s", stopSeconds, exit,
                    s.startSeconds, Files.readString(s.log));
        }
    }

    /** One import with a smaller heap: does it pass, and what did the heap hold. */
    private void heapRun(Path copy, byte[] doc, String xmx) throws Exception {
        Path home = Files.createTempDirectory(work, "heap-");
        try (Server s = new Server(copy, home, http, javaOpts)) {
            s.start(xmx);
            String admin = s.login("admin", Server.ADMIN_PASSWORD);
            double mark = uptime(s);
            long t0 = System.nanoTime();
            HttpResponse<String> r = s.send("POST", "/api/v1/exchange", admin, HttpRequest.BodyPublishers.ofByteArray(doc));
            double ms = (System.nanoTime() - t0) / 1e6;
            line("import with -Xmx%s: %d in %.0f ms", xmx, r.statusCode(), ms);
            record("import with -Xmx" + xmx + " [ms]", ms);
            heap(s, mark, "import, -Xmx" + xmx);
            s.stop();
        } finally {
            Region.delete(home);
        }
    }

    private double uptime(Server s) throws IOException {
        List<Server.Gc> gcs = s.gcs();
        return gcs.isEmpty() ? 0 : gcs.get(gcs.size() - 1).uptime();
    }

    private void heap(Server s, double since, String what) throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        int n = 0;
        for (Server.Gc gc : s.gcs()) {
            if (gc.uptime() > since) {
                before = Math.max(before, gc.beforeMb());
                after = Math.max(after, gc.afterMb());
                committed = Math.max(committed, gc.committedMb());
                n++;
            }
        }
        record("heap peak before GC, " + what + " [MB]", before);
        record("heap peak after GC (live), " + what + " [MB]", after);
        record("heap committed peak, " + what + " [MB]", committed);
        line("%s: %d collections, peak %d MB before GC, %d MB after, %d MB committed", what, n, before, after, committed);
    }

    /** Submits drafts one by one: the submit runs the copy check against every stored item. */
    /**
     * The reports brought up to date item by item after the adoptions are byte for byte those of the year
     * read afresh: importing one record again unchanged (a unit) is a change that is
     * not one item's, so the engine reads every record again.
     */
    private static void sameAsReadAfresh(Server s, String admin, ExchangeDocument parsed) throws Exception {
        byte[] q3 = s.getBytes("/api/v1/rankings?period=2025-Q3", admin).body();
        byte[] year = s.getBytes("/api/v1/rankings?period=2025", admin).body();
        Unit u = parsed.units().get(0);
        ObjectNode doc = Server.JSON.createObjectNode()
                .put("format", "ruralinfo-exchange/1");
        doc.putArray("units").addObject().put("id", u.id()).put("name", u.name()).put("kind", u.kind().wire());
        Server.ok(s.post("/api/v1/exchange", admin, doc.toString()), "re-import of a unit");
        if (!java.util.Arrays.equals(q3, s.getBytes("/api/v1/rankings?period=2025-Q3", admin).body())
                || !java.util.Arrays.equals(year, s.getBytes("/api/v1/rankings?period=2025", admin).body())) {
            throw new IllegalStateException("the reports after the adoptions differ from the year read afresh");
        }
    }

    private void copyCheck(Server s, List<String> officers, ExchangeDocument parsed) throws Exception {
        List<Double> submit = new ArrayList<>();
        List<Double> create = new ArrayList<>();
        int n = Integer.parseInt(opts.getOrDefault("submits", "60"));
        for (int i = 0; i < n; i++) {
            String token = officers.get(i % officers.size());
            // every third draft copies a stored item's body, so the check finds something
            String body = i % 3 == 0 ? parsed.items().get((i * 7919) % parsed.items().size()).body()
                    : draftBody(i + 1_000_000);
            String json = draftJson(null, body, i);
            long t0 = System.nanoTime();
            String created = Server.ok(s.post("/api/v1/items", token, json), "create");
            create.add((System.nanoTime() - t0) / 1e6);
            String id = Server.JSON.readTree(created).path("id").asText(
                    Server.JSON.readTree(created).path("item").path("id").asText());
            long t1 = System.nanoTime();
            Server.ok(s.post("/api/v1/items/" + id + "/transitions", token, "{\"action\":\"submit\"}"), "submit");
            submit.add((System.nanoTime() - t1) / 1e6);
        }
        double[] v = Stats.of(submit);
        record("copy check: submit, median [ms]", Stats.median(v));
        record("copy check: submit, p99 [ms]", Stats.percentile(v, 99));
        record("copy check: create of the same drafts, median [ms]", Stats.median(Stats.of(create)));
    }

    /** Sends {@link #requests} POSTs from {@link #concurrency} threads; records throughput and latency. */
    private void load(Server s, String what, String path, List<String> tokens, List<Unit> units) throws Exception {
        int warm = Math.min(2_000, requests / 5);
        runLoad(s, path, tokens, units, warm, 0);
        long t0 = System.nanoTime();
        double[] lat = runLoad(s, path, tokens, units, requests, 1_000_000);
        double secs = (System.nanoTime() - t0) / 1e9;
        record(what + ": requests/s", requests / secs);
        record(what + ": p50 [ms]", Stats.percentile(lat, 50));
        record(what + ": p99 [ms]", Stats.percentile(lat, 99));
        line("%s: %d requests from %d threads in %.1f s: %.0f/s, p50 %.1f ms, p99 %.1f ms (load %s)", what,
                requests, concurrency, secs, requests / secs, Stats.percentile(lat, 50), Stats.percentile(lat, 99),
                Stats.load());
    }

    private double[] runLoad(Server s, String path, List<String> tokens, List<Unit> units, int n, int offset)
            throws Exception {
        double[] lat = new double[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                done.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n && System.nanoTime() < deadline) {
                        int k = i % tokens.size();
                        String unit = units == null ? "x" : units.get(k).id();
                        HttpRequest req = HttpRequest.newBuilder(s.uri(path)).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + tokens.get(k))
                                .POST(HttpRequest.BodyPublishers.ofString(draftJson(unit, draftBody(offset + i), i),
                                        StandardCharsets.UTF_8))
                                .build();
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = s.http.send(req, HttpResponse.BodyHandlers.discarding());
                        lat[i] = (System.nanoTime() - t0) / 1e6;
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException(path + ": " + r.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return lat;
    }

    private static final String[] PARTS = {"今年以来，我们坚持把巩固拓展脱贫攻坚成果同乡村振兴有效衔接作为首要任务",
        "带动脱贫户和监测户增收", "组织开展技能培训，实现转移就业", "村容村貌明显改善，群众获得感不断增强",
        "下一步，我们将继续压实责任，细化措施，确保各项任务落地见效", "依托电商平台，线上销售农产品"};

    static String draftBody(int i) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            b.append(PARTS[(i + k * 7) % PARTS.length]).append(i % 997 + k).append('，');
        }
        return b.append("第").append(i).append("号。").toString();
    }

    static String draftJson(String unit, String body, int i) {
        ObjectNode n = Server.JSON.createObjectNode();
        if (unit != null) {
            n.put("unit", unit);
        }
        n.put("type", "work_results").put("title", "劳务输出工作取得新进展" + i).put("body", body);
        return n.toString();
    }

    /** Creates a user and logs it in; @return its token */
    private String user(Server s, String admin, String name, String role, String unit) throws Exception {
        ObjectNode u = Server.JSON.createObjectNode().put("username", name).put("name", name)
                .put("password", "Bench-User-Passw0rd-2026");
        u.putArray("roles").add(role);
        if (unit != null) {
            u.put("unit", unit);
        }
        Server.ok(s.post("/api/v1/users", admin, u.toString()), "create user " + name);
        return s.login(name, "Bench-User-Passw0rd-2026");
    }

    /** @return accepted items of July with no regional publication yet */
    static List<String> adoptable(ExchangeDocument doc, int n) {
        Set<String> published = new HashSet<>();
        for (Adoption a : doc.adoptions()) {
            if (a.level() == AdoptionLevel.REGION_PUBLICATION) {
                published.add(a.item());
            }
        }
        List<String> out = new ArrayList<>();
        for (Item i : doc.items()) {
            if (i.status() == ItemStatus.ACCEPTED && !published.contains(i.id())
                    && i.submittedAt().toString().startsWith("2025-07") && out.size() < n) {
                out.add(i.id());
            }
        }
        return out;
    }

    private static long jacksonParse(byte[] doc) throws IOException {
        long n = 0;
        try (JsonParser p = new JsonFactory().createParser(doc)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                n += t == JsonToken.VALUE_STRING ? p.getText().length() : 1;
            }
        }
        return n;
    }

    private static int check(int status, String what) {
        if (status / 100 != 2) {
            throw new IllegalStateException(what + ": " + status);
        }
        return status;
    }

    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    private static double time(Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private void record(String what, double value) {
        results.computeIfAbsent(what, k -> new ArrayList<>()).add(value);
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.append(s).append('\n');
        System.err.println(s);
    }

    /** The numbers recorded so far, by measurement. */
    public Map<String, List<Double>> results() {
        return results;
    }

    /** A bench with these options (as on the command line, without the leading dashes). */
    public static HttpBench of(Map<String, String> opts) {
        return new HttpBench(opts);
    }

    /** Runs every measurement; @return the report (Markdown) */
    public String runAll() throws Exception {
        return run();
    }
}
