package org.ruralinfo.scoring.variant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.Wire;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.PolicyRef;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;
import org.ruralinfo.api.scoring.ScoringPolicy;
import org.ruralinfo.exchange.examples.Examples;
import org.ruralinfo.scoring.bazhou.internal.BazhouParameters;
import org.ruralinfo.scoring.bazhou.internal.BazhouPolicy;
import org.ruralinfo.scoring.internal.Ranker;

/**
 * The public example year ({@link Examples#YEAR}) scored under the variant (the what-if preview
 * {@code ?policy=variant}): different from the Bayingolin ranking, and internally consistent.
 */
class Variant2025ExampleTest {
    private static final Instant AS_OF = OffsetDateTime.parse("2026-06-30T00:00:00+08:00").toInstant();
    private static final List<String> QUARTERS = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");

    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Examples.open(Examples.YEAR)) {
            doc = new ObjectMapper().readTree(in);
        }
    }

    private static List<Unit> units() {
        return list("units", n -> new Unit(text(n, "id"), text(n, "name"), wire(UnitKind.class, n, "kind")));
    }

    private static PeriodFacts facts(String period) {
        return new PeriodFacts(Period.parse(period), AS_OF, units(),
                list("groups", n -> new Group(text(n, "id"), text(n, "name"), text(n, "lead"))),
                list("outlets", n -> new Outlet(text(n, "name"), wire(Channel.class, n, "channel"),
                        wire(OutletLevel.class, n, "level"))),
                new WorkCalendar(list("calendar", n -> new CalendarYear(n.get("year").asInt(), dates(n, "holidays"),
                        dates(n, "workdays")))),
                list("notices", n -> new Notice(text(n, "id"), text(n, "title"), text(n, "requirements"),
                        instant(n, "issued_at"), instant(n, "deadline"), strings(n, "units"))),
                list("items", n -> new Item(text(n, "id"), text(n, "unit"), wire(ItemType.class, n, "type"),
                        text(n, "title"), text(n, "body"), instant(n, "submitted_at"), instant(n, "occurred_at"),
                        text(n, "notice"), text(n, "group"), text(n, "follows"), wire(ItemStatus.class, n, "status"),
                        n.path("research_qualified").asBoolean(false))),
                list("adoptions", n -> new Adoption(text(n, "item"), wire(AdoptionLevel.class, n, "level"),
                        LocalDate.parse(text(n, "at")), text(n, "issue"), strings(n, "units"), text(n, "leader"))),
                list("publicity", n -> new Publicity(text(n, "id"), text(n, "unit"), wire(Channel.class, n, "channel"),
                        text(n, "outlet"), wire(OutletLevel.class, n, "level"), text(n, "title"),
                        text(n, "manuscript"), LocalDate.parse(text(n, "published")), instant(n, "reported_at"))));
    }

    private static RankingReport rank(ScoringPolicy policy, PolicyRef ref, String period) {
        PeriodFacts facts = facts(period);
        return Ranker.rank(facts.period(), ref, facts.units(), policy.score(facts), policy.evaluation());
    }

    private static RankingReport variant(String period) {
        return rank(Variant.policy(Map.of()), new PolicyRef("variant", "2026.1.0"), period);
    }

    private static RankingRow row(RankingReport report, String unit) {
        return report.kinds().values().stream().flatMap(List::stream).filter(r -> r.unit().equals(unit)).findFirst()
                .orElseThrow();
    }

    @Test
    void theVariantRanks2025DifferentlyFromBayingolin() {
        RankingReport bazhou = rank(new BazhouPolicy(BazhouParameters.defaults(Variant.ZONE)), new PolicyRef("bazhou", "2022.1.0"),
                "2025");
        RankingReport variant = variant("2025");
        int differ = 0;
        for (UnitKind kind : UnitKind.values()) {
            for (RankingRow r : bazhou.kinds().get(kind)) {
                if (r.score() != row(variant, r.unit()).score()) {
                    differ++;
                }
            }
        }
        assertTrue(differ > 0, "some unit scores differently under the variant");
        assertNotEquals(bazhou.kinds(), variant.kinds());
        for (UnitKind kind : UnitKind.values()) {
            assertEquals(bazhou.kinds().get(kind).size(), variant.kinds().get(kind).size(), "every unit has a row");
        }
    }

    @Test
    void theLinesOfEveryRowAddUpToItsScoreAndItsColumns() {
        for (String period : List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025")) {
            for (List<RankingRow> rows : variant(period).kinds().values()) {
                for (RankingRow r : rows) {
                    assertEquals(r.score(), r.lines().stream().mapToInt(PointLine::points).sum(), period + " " + r.unit());
                    assertEquals(r.score(), r.information() + r.news() + r.online() + r.deductions(), r.unit());
                    assertTrue(r.deductions() <= 0, period + " " + r.unit() + " deductions " + r.deductions());
                    for (PointLine l : r.lines()) {
                        assertTrue(l.rule().matches("Art\\.\\d+(\\(\\d\\))?"), l.toString());
                        assertTrue(!l.reason().isBlank(), l.toString());
                    }
                }
            }
        }
    }

    @Test
    void theYearIsItsQuartersPlusTheZeroYearLines() {
        RankingReport year = variant("2025");
        List<RankingReport> quarters = QUARTERS.stream().map(Variant2025ExampleTest::variant).toList();
        for (List<RankingRow> rows : year.kinds().values()) {
            for (RankingRow r : rows) {
                int sum = quarters.stream().mapToInt(q -> row(q, r.unit()).score()).sum();
                int zero = r.lines().stream().filter(l -> l.ref().startsWith("notice-misses:"))
                        .mapToInt(PointLine::points).sum();
                assertEquals(r.score(), sum + zero, r.unit());
                if (zero != 0) {
                    assertEquals(0, r.score(), r.unit() + ": a zeroed year");
                }
            }
        }
    }

    @Test
    void everyPointOfACombinedAdoptionIsCreditedOnce() {
        // the example carries no combined adoptions: information points are those of each item alone
        for (String q : QUARTERS) {
            RankingReport report = variant(q);
            for (List<RankingRow> rows : report.kinds().values()) {
                for (RankingRow r : rows) {
                    assertTrue(r.lines().stream().noneMatch(l -> l.reason().contains("split equally")), r.unit());
                }
            }
        }
    }

    private static <T> List<T> list(String section, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        doc.path(section).forEach(n -> out.add(read.apply(n)));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : OffsetDateTime.parse(t).toInstant();
    }

    private static <E extends Enum<E> & Wire> E wire(Class<E> type, JsonNode n, String field) {
        return Wire.parse(type, text(n, field));
    }

    private static List<LocalDate> dates(JsonNode n, String field) {
        List<LocalDate> out = new ArrayList<>();
        n.path(field).forEach(d -> out.add(LocalDate.parse(d.asText())));
        return out;
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(s -> out.add(s.asText()));
        return out;
    }
}
