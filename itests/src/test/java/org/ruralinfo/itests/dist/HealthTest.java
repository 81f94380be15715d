package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Health tells the truth (issue #16, 5): on the running distribution, a jar dropped into {@code deploy/} whose
 * DS component waits for a service nobody offers, and a jar that cannot resolve, turn {@code /api/v1/health}
 * DOWN (503), naming each with its reason; the rest of the product answers as before; taken out again, health
 * is UP. Works on a private copy of the distribution, since it changes {@code deploy/}.
 */
class HealthTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final String WAITING = "org.ruralinfo.itest.waiting";
    private static final String UNRESOLVED = "org.ruralinfo.itest.unresolved";
    private static Distribution dist;

    @BeforeAll
    static void start() throws Exception {
        Path copy = Distribution.copyOfDist(Distribution.work("health-dist"));
        dist = new Distribution(copy, Distribution.work("health-home"), PASSWORD).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (dist != null) {
            dist.stop();
            dist.close();
        }
    }

    @Test
    void anUnsatisfiedComponentOrAnUnresolvedBundleIsNamedAndHealthIsDown() throws Exception {
        HttpResponse<String> up = dist.get("/api/v1/health", null);
        assertEquals(200, up.statusCode(), up.body());
        JsonNode before = Distribution.json(up);
        assertEquals("UP", before.path("status").asText());
        assertEquals(0, before.path("problems").size(), before.toString());
        assertEquals(before.path("components").path("total").asInt(),
                before.path("components").path("satisfied").asInt(), before.toString());
        assertTrue(before.path("components").path("total").asInt() > 20, before.toString());

        Path deploy = dist.distDir.resolve("deploy");
        Path waiting = TestBundles.write(deploy.resolve(WAITING + ".jar"), dist.home, WAITING,
                Map.of("Service-Component", "OSGI-INF/component.xml"), Map.of("OSGI-INF/component.xml", """
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="org.ruralinfo.itest.Waiting"
                    immediate="true">
                  <implementation class="org.ruralinfo.itest.Waiting"/>
                  <reference name="nothing" interface="org.ruralinfo.itest.Nothing" cardinality="1..1"
                      policy="static"/>
                </scr:component>
                """));
        Path unresolved = TestBundles.write(deploy.resolve(UNRESOLVED + ".jar"), dist.home, UNRESOLVED,
                Map.of("Import-Package", "org.ruralinfo.itest.nowhere"), Map.of());

        try {
            // FileInstall installs, then starts: wait until both are past that and named for what they are
            JsonNode down = until(503, h -> h.path("problems").toString().contains("org.ruralinfo.itest.Nothing")
                    && h.path("problems").toString().contains("\"bundle\":\"" + UNRESOLVED + "\""));
            assertEquals("DOWN", down.path("status").asText());
            String problems = down.path("problems").toString();
            JsonNode component = problem(down, WAITING);
            assertEquals("org.ruralinfo.itest.Waiting", component.path("component").asText(), problems);
            assertEquals("no service for its reference nothing (org.ruralinfo.itest.Nothing)",
                    component.path("reason").asText(), problems);
            JsonNode bundle = problem(down, UNRESOLVED);
            assertTrue(bundle.path("component").isMissingNode(), problems);
            assertEquals("bundle installed, not resolved", bundle.path("reason").asText(), problems);
            assertFalse(down.toString().contains("\tat "), "no stack trace in the answer");

            // nothing else is disturbed: the product still answers
            String token = dist.login("admin", PASSWORD);
            assertEquals(200, dist.get("/api/v1/units", token).statusCode());
        } finally {
            // taken out again, whatever was asserted: the other test of this class shares the distribution
            Files.deleteIfExists(waiting);
            Files.deleteIfExists(unresolved);
        }
        JsonNode again = until(200, h -> true);
        assertEquals("UP", again.path("status").asText());
        assertEquals(0, again.path("problems").size(), again.toString());
    }

    /**
     * The site settings (PID org.ruralinfo.site, issue #16 part 4) are read once, by one component: a time zone
     * that does not exist stops it, health names the property, and every bundle that needs the settings waits;
     * the right value brings all of them back.
     */
    @Test
    void aBadSiteSettingIsNamedAndTheRightOneBringsEveryBundleBack() throws Exception {
        Path cfg = dist.distDir.resolve("config/org.ruralinfo.site.cfg");
        String original = Files.readString(cfg, StandardCharsets.UTF_8);
        assertTrue(original.contains("zone = Asia/Shanghai"), original);
        Files.writeString(cfg, original.replace("zone = Asia/Shanghai", "zone = Mars/Olympus"), StandardCharsets.UTF_8);
        try {
            List<String> waiting = List.of("org.ruralinfo.intake.internal.IntakeService",
                    "org.ruralinfo.scoring.internal.ScoringEngine", "org.ruralinfo.scoring.bazhou.internal.BazhouPolicy");
            // the components stop one after the other: wait until the site's failure and every one of them shows
            JsonNode down = until(503, h -> h.path("problems").toString().contains("Mars/Olympus")
                    && waiting.stream().allMatch(c -> waitsForTheSite(h, c)));
            String problems = down.path("problems").toString();
            assertTrue(problems.contains("org.ruralinfo.site: zone 'Mars/Olympus' is not a time zone"), problems);
            assertTrue(problems.contains("org.ruralinfo.store.internal.SiteSettings"), problems);
        } finally {
            Files.writeString(cfg, original, StandardCharsets.UTF_8);
        }
        JsonNode up = until(200, h -> !h.path("policy").isNull());
        assertEquals("UP", up.path("status").asText());
        String token = dist.login("admin", PASSWORD);
        assertEquals(200, dist.get("/api/v1/units", token).statusCode());
    }

    /** @return whether health names the component as waiting for the site settings (reference {@code site}) */
    private static boolean waitsForTheSite(JsonNode health, String component) {
        for (JsonNode p : health.path("problems")) {
            if (component.equals(p.path("component").asText()) && p.path("reason").asText().contains("reference site")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode problem(JsonNode health, String bundle) {
        for (JsonNode p : health.path("problems")) {
            if (bundle.equals(p.path("bundle").asText())) {
                return p;
            }
        }
        throw new AssertionError("no problem named " + bundle + " in " + health);
    }

    /** Polls health until it answers {@code status} and {@code done}; @return the answer (fails after 20 s) */
    private static JsonNode until(int status, Predicate<JsonNode> done) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = null;
        while (System.nanoTime() - t0 < 20_000_000_000L) {
            r = dist.get("/api/v1/health", null);
            if (r.statusCode() == status && done.test(Distribution.json(r))) {
                return Distribution.json(r);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("health not " + status + " within 20 s: " + (r == null ? "" : r.body()));
    }
}
