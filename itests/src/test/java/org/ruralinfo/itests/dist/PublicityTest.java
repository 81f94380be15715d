package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * A unit's publicity self-report (附件二, Art. 19(2)) through the API: recorded with the time it was
 * reported, listed for the unit, validated like the exchange format, and scored by the policy's window
 * rule (a 2025 publication reported in 2026 is late: shown, counts for nothing).
 */
class PublicityTest {
    private static final String PASSWORD = "Itest-Secret-2026";

    @Test
    void aUnitReportsItsPublicationAndTheRankingExplainsIt_Art19() throws Exception {
        try (Distribution dist = new Distribution(Distribution.work("publicity"), PASSWORD).start()) {
            String admin = dist.login("admin", PASSWORD);
            assertEquals(200, dist.send("POST", "/api/v1/exchange", admin, HttpRequest.BodyPublishers
                    .ofByteArray(Examples.bytes(Examples.YEAR))).statusCode());
            assertEquals(201, dist.post("/api/v1/users", admin, "{\"username\":\"pub-officer\",\"name\":\"n\","
                    + "\"password\":\"Unit-Secret-2026\",\"roles\":[\"officer\"],\"unit\":\"korla\"}").statusCode());
            String officer = dist.login("pub-officer", "Unit-Secret-2026");
            HttpResponse<String> created = dist.post("/api/v1/publicity", officer, "{\"channel\":\"news\","
                    + "\"outlet\":\"人民日报\",\"title\":\"库尔勒庭院经济\",\"manuscript\":\"M-korla-x\","
                    + "\"published\":\"2025-03-10\"}");
            assertEquals(201, created.statusCode(), created.body());
            JsonNode p = Distribution.json(created);
            assertEquals("korla", p.path("unit").asText());
            assertEquals("national", p.path("level").asText(), "the outlet table gives the level");
            String id = p.path("id").asText();
            JsonNode list = Distribution.json(dist.get("/api/v1/publicity?quarter=2025-Q1", officer));
            assertTrue(list.toString().contains(id));
            assertEquals(403, dist.get("/api/v1/publicity?unit=luntai&quarter=2025-Q1", officer).statusCode());
            HttpResponse<String> bad = dist.post("/api/v1/publicity", officer, "{\"channel\":\"radio\","
                    + "\"outlet\":\"x\",\"title\":\"t\",\"published\":\"2025-03-10\"}");
            assertEquals(400, bad.statusCode());
            assertEquals("$.channel", Distribution.json(bad).path("errors").get(0).path("path").asText());
            String ranking = dist.get("/api/v1/rankings?period=2025-Q1", admin).body();
            assertTrue(ranking.contains("\"points\":0,\"rule\":\"Art.19(2)\",\"ref\":\"publicity:" + id + "\""),
                    "reported after the window: shown as late, no points");
            dist.stop();
        }
    }
}
