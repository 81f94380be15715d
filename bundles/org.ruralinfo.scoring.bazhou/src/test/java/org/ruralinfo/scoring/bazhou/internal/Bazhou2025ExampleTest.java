package org.ruralinfo.scoring.bazhou.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.PolicyRef;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;
import org.ruralinfo.api.scoring.ScoringPolicy;
import org.ruralinfo.scoring.internal.Ranker;
import org.ruralinfo.exchange.examples.Examples;

/**
 * The shared example {@code bazhou-2025-small}: every row of 2025-Q1..Q4 and of the year, and the
 * year-end evaluation, exactly as {@code bazhou-2025-small.expected.json} gives them, scored by the
 * default policy as of 2026-06-30 and ranked by the engine's {@link Ranker}.
 */
class Bazhou2025ExampleTest {
    private static final Instant AS_OF = OffsetDateTime.parse("2026-06-30T00:00:00+08:00").toInstant();
    private static final PolicyRef POLICY = new PolicyRef("bazhou", "2022.1.0");
    private static final List<String> PERIODS = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025");

    private static ExchangeDocument doc;
    private static JsonNode expected;

    @BeforeAll
    static void load() throws IOException {
        doc = ExampleLoader.load(Examples.YEAR);
        expected = ExampleLoader.read(Examples.EXPECTED);
    }

    static RankingReport rank(String period) {
        ScoringPolicy policy = new BazhouPolicy(BazhouParameters.defaults(Fixture.ZONE));
        PeriodFacts facts = new PeriodFacts(Period.parse(period), AS_OF, doc.units(), doc.groups(), doc.outlets(),
                new WorkCalendar(doc.calendar()), doc.notices(), doc.items(), doc.adoptions(), doc.publicity());
        return Ranker.rank(facts.period(), POLICY, doc.units(), policy.score(facts), policy.evaluation());
    }

    private static String row(String unit, int rank, int score, int information, int news, int online,
            int deductions) {
        return String.format("%-9s rank %2d score %4d = info %4d + news %3d + online %3d + deductions %4d", unit,
                rank, score, information, news, online, deductions);
    }

    @Test
    void everyRowOfEveryPeriodMatchesTheExpectedFile() {
        List<String> want = new ArrayList<>();
        List<String> got = new ArrayList<>();
        for (String period : PERIODS) {
            RankingReport report = rank(period);
            for (UnitKind kind : UnitKind.values()) {
                String head = period + " " + kind.wire() + ": ";
                for (JsonNode r : expected.path("periods").path(period).path(kind.wire())) {
                    want.add(head + row(r.get("unit").asText(), r.get("rank").asInt(), r.get("score").asInt(),
                            r.get("information").asInt(), r.get("news").asInt(), r.get("online").asInt(),
                            r.get("deductions").asInt()));
                }
                for (RankingRow r : report.kinds().get(kind)) {
                    got.add(head + row(r.unit(), r.rank(), r.score(), r.information(), r.news(), r.online(),
                            r.deductions()));
                }
            }
        }
        assertEquals(String.join("\n", want), String.join("\n", got));
    }

    @Test
    void linesOfEveryRowAddUpToItsScore() {
        for (String period : PERIODS) {
            for (List<RankingRow> rows : rank(period).kinds().values()) {
                for (RankingRow r : rows) {
                    assertEquals(r.score(), r.lines().stream().mapToInt(PointLine::points).sum(),
                            period + " " + r.unit());
                }
            }
        }
    }

    @Test
    void theYearIsTheSumOfItsQuarters() {
        RankingReport year = rank("2025");
        for (UnitKind kind : UnitKind.values()) {
            for (RankingRow r : year.kinds().get(kind)) {
                int sum = 0;
                for (String q : PERIODS.subList(0, 4)) {
                    sum += rank(q).kinds().get(kind).stream().filter(x -> x.unit().equals(r.unit())).findFirst()
                            .orElseThrow().score();
                }
                assertEquals(r.score(), sum, r.unit());
            }
        }
    }

    /**
     * The expected file lists each kind's commended and named units sorted by unit id, while the Ruling
     * on Art. 21 gives them "in the ranking's display order" (rules.md, the definitive spec). So the
     * membership is compared exactly, and the order is checked against the display order.
     */
    @Test
    void yearEndEvaluationMatchesTheExpectedFile_Art21() {
        RankingReport year = rank("2025");
        JsonNode ev = expected.path("evaluation");
        for (UnitKind kind : UnitKind.values()) {
            List<String> display = year.kinds().get(kind).stream().map(RankingRow::unit).toList();
            List<String> commended = year.evaluation().commended().get(kind);
            List<String> named = year.evaluation().named().get(kind);
            assertEquals(ids(ev.path("commended").path(kind.wire())), sorted(commended), "commended " + kind.wire());
            assertEquals(ids(ev.path("named").path(kind.wire())), sorted(named), "named " + kind.wire());
            assertEquals(display.stream().filter(commended::contains).toList(), commended, "display order");
            assertEquals(display.stream().filter(named::contains).toList(), named, "display order");
        }
        assertEquals(List.of("ruoqiang", "korla", "yuli"), year.evaluation().commended().get(UnitKind.COUNTY));
        assertNull(rank("2025-Q4").evaluation(), "a quarter has no evaluation");
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            out.add(it.next().asText());
        }
        return out;
    }
}
