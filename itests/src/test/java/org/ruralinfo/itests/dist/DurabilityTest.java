package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue #8: nothing acknowledged to a user is lost, even if the process is killed. Concurrent writers
 * create items and submit them over HTTP; the JVM is killed with SIGKILL at a random moment; the
 * distribution restarts on the same data, and every acknowledged item and transition is there. Several
 * rounds, on the embedded H2 and on PostgreSQL.
 */
class DurabilityTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final String USER_PASSWORD = "Unit-Secret-2026";
    private static final int ROUNDS = 3;
    private static final int WRITERS = 4;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everyAcknowledgedItemAndTransitionSurvivesKillDashNine(String database) throws Exception {
        Map<String, String> db = database.equals("h2") ? Map.of() : Postgres.freshDatabase("durability");
        Distribution dist = new Distribution(Distribution.work("durability-" + database), PASSWORD).on(db).start();
        Random random = new Random(8);
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // item id → status acknowledged
        try {
            String admin = dist.login("admin", PASSWORD);
            assertEquals(200, dist.post("/api/v1/exchange", admin, "{\"format\":\"ruralinfo-exchange/1\","
                    + "\"units\":[{\"id\":\"korla\",\"name\":\"库尔勒市乡村振兴局\",\"kind\":\"county\"}]}").statusCode());
            for (String[] u : new String[][] {{"officer-d", "officer"}, {"reviewer-d", "reviewer"}}) {
                ObjectNode n = Distribution.JSON.createObjectNode().put("username", u[0]).put("name", u[0])
                        .put("password", USER_PASSWORD).put("unit", "korla");
                n.putArray("roles").add(u[1]);
                assertEquals(201, dist.post("/api/v1/users", admin, n.toString()).statusCode());
            }
            int lostTotal = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                String officer = dist.login("officer-d", USER_PASSWORD);
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> writers = new ArrayList<>();
                int r = round;
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    Thread t = new Thread(() -> {
                        int n = 0;
                        while (running.get()) {
                            try {
                                String body = "{\"type\":\"work_results\",\"title\":\"第" + r + "轮写入者" + writer + "第"
                                        + n++ + "条\",\"body\":\"庭院经济带动农户增收，第" + n + "条。\"}";
                                HttpResponse<String> c = dist.post("/api/v1/items", officer, body);
                                if (c.statusCode() != 201) {
                                    continue;
                                }
                                String id = Distribution.json(c).path("id").asText();
                                acknowledged.put(id, "draft");
                                if (n % 2 == 0) {
                                    HttpResponse<String> s = dist.post("/api/v1/items/" + id + "/transitions", officer,
                                            "{\"action\":\"submit\"}");
                                    if (s.statusCode() == 200) {
                                        acknowledged.put(id, "submitted");
                                    }
                                }
                            } catch (Exception e) {
                                // the process was killed mid-request: that request was never acknowledged
                            }
                        }
                    }, "writer " + w);
                    t.start();
                    writers.add(t);
                }
                Thread.sleep(1500 + random.nextInt(2500));
                dist.kill();
                running.set(false);
                for (Thread t : writers) {
                    t.join(30_000);
                }
                dist.start();
                String reader = dist.login("admin", PASSWORD);
                int lost = 0;
                for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                    HttpResponse<String> g = dist.get("/api/v1/items/" + e.getKey(), reader);
                    if (g.statusCode() != 200) {
                        lost++;
                        continue;
                    }
                    JsonNode item = Distribution.json(g);
                    if (e.getValue().equals("submitted") && item.path("status").asText().equals("draft")) {
                        lost++;
                    }
                }
                System.out.printf("durability (%s) round %d: %d records acknowledged so far, %d lost%n", database,
                        round, acknowledged.size(), lost);
                lostTotal += lost;
            }
            assertTrue(acknowledged.size() > 20, "writers got acknowledgements: " + acknowledged.size());
            assertEquals(0, lostTotal, "acknowledged records lost");
        } finally {
            dist.stop();
            dist.close();
        }
    }
}
