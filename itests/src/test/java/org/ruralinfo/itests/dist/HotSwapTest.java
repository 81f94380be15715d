package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * Issue #4 on the running distribution: a point value edited in {@code config/} reaches the ranking,
 * the policy jar taken out of {@code deploy/} gives the documented 503 and put back restores the same
 * ranking, and a steady stream of other requests sees no failure throughout. Works on a private copy
 * of the distribution, since it edits its folders.
 */
class HotSwapTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final String PERIOD = "2025-Q1";
    private static Distribution dist;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        Path copy = Distribution.copyOfDist(Distribution.work("hotswap-dist"));
        dist = new Distribution(copy, Distribution.work("hotswap-home"), PASSWORD).start();
        token = dist.login("admin", PASSWORD);
        HttpResponse<String> r = dist.send("POST", "/api/v1/exchange", token, HttpRequest.BodyPublishers
                .ofByteArray(Examples.bytes(Examples.YEAR)));
        assertEquals(200, r.statusCode(), r.body());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dist != null) {
            dist.stop();
            dist.close();
        }
    }

    /** Polls the ranking until {@code done} holds; @return the seconds it took (fails after 20 s) */
    private static double until(Predicate<HttpResponse<String>> done) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 20_000_000_000L) {
            HttpResponse<String> r = dist.get("/api/v1/rankings?period=" + PERIOD, token);
            if (done.test(r)) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within 20 s");
    }

    private static int korla(HttpResponse<String> r) {
        try {
            for (JsonNode row : Distribution.json(r).path("kinds").path("county")) {
                if (row.path("unit").asText().equals("korla")) {
                    return row.path("score").asInt();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Integer.MIN_VALUE;
    }

    @Test
    void pointValuesAndPolicyBundlesSwapLiveWhileOtherRequestsNeverFail() throws Exception {
        String original = dist.get("/api/v1/rankings?period=" + PERIOD, token).body();
        int before = korla(dist.get("/api/v1/rankings?period=" + PERIOD, token));
        assertEquals(60, before);

        // A steady stream of other requests, and of ranking requests that may only see the documented 503.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<Integer, AtomicInteger> rankingStatuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (String path : List.of("/api/v1/health", "/api/v1/units", "/api/v1/policies", "/",
                "/api/v1/rankings?period=" + PERIOD)) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = dist.get(path, token);
                        requests.incrementAndGet();
                        if (path.startsWith("/api/v1/rankings")) {
                            rankingStatuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            boolean gap = r.statusCode() == 503
                                    && r.body().contains("no scoring policy in force for " + PERIOD);
                            if (r.statusCode() != 200 && !gap) {
                                failures.add(path + " " + r.statusCode() + " " + r.body());
                            }
                        } else if (r.statusCode() != 200) {
                            failures.add(path + " " + r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failures.add(path + " " + e);
                    }
                }
            }, "load " + path);
            t.start();
            threads.add(t);
        }
        try {
            // 1. A point value edited in config/ (FileInstall → Config Admin → the policy → the engine).
            Path cfg = dist.distDir.resolve("config/org.ruralinfo.scoring.bazhou.cfg");
            String text = Files.readString(cfg, StandardCharsets.UTF_8);
            assertTrue(text.contains("adoption.prefecture_briefing = 5"));
            Files.writeString(cfg, text.replace("adoption.prefecture_briefing = 5", "adoption.prefecture_briefing = 7"),
                    StandardCharsets.UTF_8);
            double edit = until(r -> r.statusCode() == 200 && korla(r) != before);
            HttpResponse<String> edited = dist.get("/api/v1/rankings?period=" + PERIOD, token);
            long briefings = Distribution.json(dist.get("/api/v1/rankings?period=" + PERIOD, token)).path("kinds")
                    .path("county").get(0).path("lines").findValues("reason").stream()
                    .filter(n -> n.asText().startsWith("adopted by prefecture briefing")).count();
            assertEquals(8, briefings, "korla's briefing adoptions in " + PERIOD);
            assertEquals(60 + 8 * 2, korla(edited), "each briefing adoption now gives 7");
            assertTrue(edited.body().contains("\"points\":7,\"rule\":\"Art.19(1)\""));
            Files.writeString(cfg, text, StandardCharsets.UTF_8);
            double revert = until(r -> r.statusCode() == 200 && korla(r) == before);
            assertEquals(original, dist.get("/api/v1/rankings?period=" + PERIOD, token).body());

            // 2. The policy jar out of deploy/: the documented 503, everything else keeps working.
            Path jar;
            try (var files = Files.list(dist.distDir.resolve("deploy"))) {
                jar = files.filter(p -> p.getFileName().toString().startsWith("org.ruralinfo.scoring.bazhou"))
                        .findFirst().orElseThrow();
            }
            Path aside = dist.home.resolve(jar.getFileName());
            Files.move(jar, aside);
            double removed = until(r -> r.statusCode() == 503);
            HttpResponse<String> gap = dist.get("/api/v1/rankings?period=" + PERIOD, token);
            assertEquals(503, gap.statusCode());
            assertTrue(gap.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(gap.body().contains("no scoring policy in force for " + PERIOD), gap.body());
            JsonNode health = Distribution.json(dist.get("/api/v1/health", null));
            assertEquals("UP", health.path("status").asText());
            assertTrue(health.path("policy").isNull());

            // 3. Put back: the same ranking as before.
            Files.move(aside, jar);
            double restored = until(r -> r.statusCode() == 200);
            assertEquals(original, dist.get("/api/v1/rankings?period=" + PERIOD, token).body());

            System.out.printf("hot swap: config edit reached the ranking in %.2f s, revert in %.2f s; "
                    + "policy removed → 503 in %.2f s; restored in %.2f s%n", edit, revert, removed, restored);
            assertTrue(edit < 5 && revert < 5, "a point value edit reaches the ranking in under 5 s");
        } finally {
            running.set(false);
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
        System.out.printf("hot swap: %d requests during the swaps, ranking statuses %s, failures %d%n",
                requests.get(), rankingStatuses, failures.size());
        assertTrue(failures.isEmpty(), failures.stream().limit(5).toList().toString());
        assertTrue(requests.get() > 100);
    }
}
