package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * Issue #8, resource safety: a few minutes of steady mixed load (rankings, item drafts and lists,
 * logins and logouts, the console page) on the running distribution; the heap after a full GC stays
 * flat, and no request fails. Duration: {@code -Druralinfo.soak.seconds} (default 90).
 */
class SoakTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** @return the heap in use right after a full collection, in KiB, read with jcmd */
    private static long heapAfterGc(long pid) throws Exception {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher m = USED.matcher(info);
        long used = 0;
        if (m.find()) {
            used = Long.parseLong(m.group(1));
        }
        return used;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void steadyLoadKeepsTheHeapFlatAndNeverFails() throws Exception {
        int seconds = Integer.getInteger("ruralinfo.soak.seconds", 90);
        Distribution dist = new Distribution(Distribution.work("soak"), PASSWORD);
        dist.environment.put("JAVA_OPTS", "-Xmx512m");
        dist.start();
        try {
            String admin = dist.login("admin", PASSWORD);
            HttpResponse<String> r = dist.send("POST", "/api/v1/exchange", admin, HttpRequest.BodyPublishers
                    .ofByteArray(Examples.bytes(Examples.YEAR)));
            assertEquals(200, r.statusCode());
            ObjectNode u = Distribution.JSON.createObjectNode().put("username", "soak-officer").put("name", "n")
                    .put("password", "Unit-Secret-2026").put("unit", "korla");
            u.putArray("roles").add("officer");
            assertEquals(201, dist.post("/api/v1/users", admin, u.toString()).statusCode());

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong requests = new AtomicLong();
            Map<String, Long> failures = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                Thread t = new Thread(() -> {
                    long n = 0;
                    while (running.get()) {
                        try {
                            String officer = dist.login("soak-officer", "Unit-Secret-2026");
                            for (int i = 0; i < 20 && running.get(); i++, n++) {
                                HttpResponse<String> a = switch ((int) ((n + worker) % 5)) {
                                    case 0 -> dist.get("/api/v1/rankings?period=2025-Q" + (1 + n % 4), officer);
                                    case 1 -> dist.post("/api/v1/items", officer, "{\"type\":\"work_results\",\"title\":\"持续负载"
                                            + worker + "-" + n + "\",\"body\":\"庭院经济带动农户增收。\"}");
                                    case 2 -> dist.get("/api/v1/items?size=20", officer);
                                    case 3 -> dist.get("/api/v1/rankings?period=2025", officer);
                                    default -> dist.get("/", null);
                                };
                                requests.incrementAndGet();
                                if (a.statusCode() >= 400) {
                                    failures.merge(a.statusCode() + " " + a.body().substring(0, Math.min(80,
                                            a.body().length())), 1L, Long::sum);
                                }
                            }
                            dist.send("DELETE", "/api/v1/session", officer, HttpRequest.BodyPublishers.noBody());
                        } catch (Exception e) {
                            failures.merge(e.toString(), 1L, Long::sum);
                        }
                    }
                }, "soak " + w);
                t.start();
                threads.add(t);
            }
            Thread.sleep(20_000); // warm-up
            List<Long> heap = new ArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                heap.add(heapAfterGc(dist.pid()));
                Thread.sleep(Math.max(1000, seconds * 1000L / 5));
            }
            heap.add(heapAfterGc(dist.pid()));
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
            System.out.printf("soak: %d s, %d requests, heap after GC (KiB) %s, failures %s%n", seconds,
                    requests.get(), heap, failures);
            assertTrue(failures.isEmpty(), failures.toString());
            assertTrue(requests.get() > 1000, "steady load: " + requests.get());
            long first = heap.get(0);
            long last = heap.get(heap.size() - 1);
            // flat: what grows is the data written meanwhile (items, sessions in H2's cache), not a leak
            assertTrue(last <= first * 3 / 2 + 32 * 1024, "heap after GC grew from " + first + " to " + last + " KiB");
        } finally {
            dist.stop();
            dist.close();
        }
    }
}
