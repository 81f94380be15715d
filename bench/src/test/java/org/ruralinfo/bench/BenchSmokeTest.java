package org.ruralinfo.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.bench.http.HttpBench;
import org.ruralinfo.bench.jmh.EngineBench;
import org.ruralinfo.bench.jmh.ExchangeBench;
import org.ruralinfo.bench.jmh.ScoringBench;
import org.ruralinfo.bench.jmh.StoreBench;
import org.ruralinfo.exchange.examples.Examples;

/**
 * The smoke run of the bench module that CI affords: a one-prefecture region, every benchmark method
 * once, the HTTP client once against the assembled distribution. It asserts that everything runs and
 * answers right, never how fast (benchmarks are not tests; the full runs are {@code -Pbench}).
 */
class BenchSmokeTest {
    private static final int SMALL = 1;

    @Test
    void generatorIsDeterministicAndRealistic() {
        RegionGenerator.Shape shape = new RegionGenerator.Shape(Region.SEED, SMALL, 2025);
        byte[] a = RegionGenerator.bytes(shape);
        assertArrayEquals(a, RegionGenerator.bytes(shape));
        var doc = Region.parsed(SMALL); // read and validated by the product's codec: a valid document
        assertEquals(RegionGenerator.COUNTIES + RegionGenerator.MEMBERS + RegionGenerator.DEPARTMENTS,
                doc.units().size());
        assertEquals(RegionGenerator.GROUPS, doc.groups().size());
        assertTrue(doc.items().size() > 1500, "items: " + doc.items().size());
        assertTrue(doc.adoptions().size() > doc.items().size() / 3, "adoptions: " + doc.adoptions().size());
        assertTrue(doc.items().stream().anyMatch(i -> i.follows() != null), "emergency follow-ups");
        assertTrue(doc.items().stream().anyMatch(i -> i.occurredAt() != null), "occurred_at");
        assertEquals(2, doc.calendar().size());
        assertFalse(doc.publicity().isEmpty());
    }

    @Test
    void calendar2025IsTheExamples() throws Exception {
        var cal = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Examples.bytes(Examples.YEAR))
                .path("calendar").get(0);
        assertEquals(2025, cal.path("year").asInt());
        assertEquals(List.of(RegionGenerator.HOLIDAYS_2025), text(cal.path("holidays")));
        assertEquals(List.of(RegionGenerator.WORKDAYS_2025), text(cal.path("workdays")));
    }

    @Test
    void everyBenchmarkOnce() throws Exception {
        ExchangeBench exchange = new ExchangeBench();
        exchange.prefectures = SMALL;
        exchange.setup();
        assertTrue(exchange.floorJacksonParse() > 0);
        assertNotNull(exchange.codecRead());

        ScoringBench scoring = new ScoringBench();
        scoring.prefectures = SMALL;
        scoring.setup();
        assertFalse(scoring.policyQuarter().lines().isEmpty());
        assertFalse(scoring.policyYear().lines().isEmpty());
        assertNotNull(scoring.rankYear().evaluation());
        assertEquals(5, scoring.fiveReports().size());

        StoreBench store = new StoreBench();
        StoreBench.Empty empty = new StoreBench.Empty();
        empty.prefectures = SMALL;
        empty.document();
        empty.open();
        try {
            assertEquals(empty.doc.items().size(), store.importYear(empty).items());
        } finally {
            empty.close();
        }
        StoreBench.Loaded loaded = new StoreBench.Loaded();
        loaded.prefectures = SMALL;
        loaded.open();
        try {
            // the year's items: all but the few answers that came in after New Year
            int items = Region.parsed(SMALL).items().size();
            int read = store.loadYear(loaded).items().size();
            assertTrue(read <= items && read > items * 0.99, read + " of " + items);
            assertEquals(read, store.loadFacts(loaded).items().size(), "scoring reads the same items");
        } finally {
            loaded.close();
        }

        EngineBench engine = new EngineBench();
        EngineBench.Loaded state = new EngineBench.Loaded();
        state.prefectures = SMALL;
        state.open();
        try {
            EngineBench.Cold cold = new EngineBench.Cold();
            cold.fresh(state);
            List<RankingReport> five = engine.coldFiveReports(state, cold);
            assertEquals(5, five.size());
            assertNotNull(engine.repeatedReport(state));
            RankingReport before = state.warm.ranking(org.ruralinfo.api.scoring.Period.ofYear(2025), null);
            RankingReport after = engine.afterOneAdoption(state);
            // the adoption shows at once: the item's unit gained the regional publication's points
            assertTrue(total(after) > total(before), "the adoption counts in the year's report");
            engine.writeYearReport(state);
        } finally {
            state.close();
        }
    }

    @Test
    void httpClientOnce() throws Exception {
        Path dist = Path.of(System.getProperty("ruralinfo.dist", "../distribution/target/ruralinfo"));
        Path floor = Path.of(System.getProperty("ruralinfo.bench.floor", "target/none.jar"));
        assertTrue(Files.isRegularFile(dist.resolve("bin/ruralinfo")), "the distribution is assembled: " + dist);
        assertTrue(Files.isRegularFile(floor), "the floor bundle is packaged: " + floor);
        Path work = Path.of(System.getProperty("ruralinfo.bench.work", "target/bench-work"));
        HttpBench bench = HttpBench.of(Map.of("dist", dist.toString(), "floor", floor.toString(),
                "work", work.toString(), "runs", "1", "prefectures", Integer.toString(SMALL), "requests", "100",
                "concurrency", "4", "submits", "3", "officers", "1", "repeats", "2"));
        String report = bench.runAll();
        Map<String, List<Double>> results = bench.results();
        assertTrue(results.containsKey("import POST /api/v1/exchange [ms]"), report);
        assertTrue(results.containsKey("after one adoption: Q3 + year right again [ms]"), report);
        assertTrue(results.containsKey("POST /api/v1/items: requests/s"), report);
        assertTrue(results.containsKey("start to healthy, region's year stored [s]"), report);
    }

    private static int total(RankingReport r) {
        return r.kinds().values().stream().flatMap(List::stream).mapToInt(row -> row.score()).sum();
    }

    private static List<String> text(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
