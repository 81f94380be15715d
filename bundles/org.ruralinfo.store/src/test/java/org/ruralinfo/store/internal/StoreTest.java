package org.ruralinfo.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.ExchangeDocument;
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
import org.ruralinfo.api.YearChanges;
import org.ruralinfo.api.YearRecords;

/** The migrations and the record store on a real (in-memory) H2. */
class StoreTest {
    private JdbcDataSource ds;
    private JdbcRecordStore store;

    @BeforeEach
    void database() throws Exception {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:store" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Migrations.bundled().migrate(ds);
        store = new JdbcRecordStore(ds);
    }

    private static ExchangeDocument doc(String title) {
        Instant t = Instant.parse("2025-07-03T02:00:00Z");
        return new ExchangeDocument("bazhou",
                List.of(new CalendarYear(2025, List.of(LocalDate.of(2025, 10, 1)), List.of(LocalDate.of(2025, 9, 28)))),
                List.of(new Unit("korla", "库尔勒市乡村振兴局", UnitKind.COUNTY), new Unit("agri", "州农业农村局", UnitKind.MEMBER)),
                List.of(new Group("industry", "产业发展专项组", "agri")),
                List.of(new Outlet("人民日报", Channel.NEWS, OutletLevel.NATIONAL)),
                List.of(new Notice("N-1", "约稿", "要求", t, t.plusSeconds(86400), List.of("agri", "korla"))),
                List.of(new Item("I-1", "korla", ItemType.COMMISSIONED, title, "正文", t, null, "N-1", null, null,
                        ItemStatus.ACCEPTED, false)),
                List.of(new Adoption("I-1", AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.of(2025, 7, 5), "2025年第12期")),
                List.of(new Publicity("P-1", "korla", Channel.NEWS, "人民日报", OutletLevel.NATIONAL, "稿", "M-1",
                        LocalDate.of(2025, 7, 2), t)));
    }

    @Test
    void itemChangesAreReadBackItemByItemAndAnythingElseAsTheWholeYear_V8() throws Exception {
        store.importDocument(doc("标题"), "test");
        JdbcDatabase db = new JdbcDatabase(ds);
        long read = store.version();
        assertEquals(java.util.Optional.of(new YearChanges(java.util.Set.of(), List.of(), List.of())),
                store.changesSince(2025, read), "nothing changed");

        // an adoption of I-1, then I-2 submitted, then I-1 rejected: three revisions, each with its item
        Instant t = Instant.parse("2025-08-01T02:00:00Z");
        db.transaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO adoptions (item, level, at) VALUES ('I-1', 'region_publication', DATE '2025-08-02')")) {
                ps.executeUpdate();
            }
            db.itemChanged(c, "I-1");
            return null;
        });
        db.transaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO items (id, unit, type, title, body, submitted_at, status, "
                    + "research_qualified) VALUES ('I-2', 'agri', 'experience', '经验', '正文', ?, 'submitted', FALSE)")) {
                org.ruralinfo.api.Columns.instant(ps, 1, t);
                ps.executeUpdate();
            }
            db.itemChanged(c, "I-2");
            return null;
        });
        YearChanges changes = store.changesSince(2025, read).orElseThrow();
        assertEquals(java.util.Set.of("I-1", "I-2"), changes.changed());
        YearRecords year = store.facts(2025);
        assertEquals(year.items(), changes.items(), "both are in the year, as scoring reads them");
        assertEquals(store.year(2025).items().stream().map(i -> new Item(i.id(), i.unit(), i.type(), i.title(), null,
                i.submittedAt(), i.occurredAt(), i.notice(), i.group(), i.follows(), i.status(), i.researchQualified()))
                .toList(), year.items(), "scoring reads every item but its body");
        assertEquals(year.adoptions(), changes.adoptions());
        assertEquals(java.util.Set.of("I-2"), store.changesSince(2025, read + 1).orElseThrow().changed(),
                "only what came after the revision asked for");
        assertEquals(List.of(), store.changesSince(2024, read).orElseThrow().items(), "not in 2024");

        // a change of anything else (an import, a notice) is not known item by item
        long before = store.version();
        db.transaction(c -> {
            db.factsChanged(c);
            return null;
        });
        assertTrue(store.changesSince(2025, read).isEmpty());
        assertTrue(store.changesSince(2025, before).isEmpty());
        assertEquals(java.util.Optional.of(new YearChanges(java.util.Set.of(), List.of(), List.of())),
                store.changesSince(2025, store.version()));
    }

    @Test
    void oldItemChangesArePrunedAndARecentOneIsStillKnown_V8() throws Exception {
        store.importDocument(doc("标题"), "test");
        JdbcDatabase db = new JdbcDatabase(ds);
        long old = JdbcDatabase.PRUNE_EVERY * 10L - 1; // the next revision prunes
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO fact_changes (rev, item) VALUES (5, 'I-1')");
            st.executeUpdate("UPDATE revision SET rev = " + old + " WHERE id = 1");
        }
        db.transaction(c -> {
            db.itemChanged(c, "I-1");
            return null;
        });
        try (var c = ds.getConnection(); var rs = c.createStatement().executeQuery("SELECT MIN(rev) FROM fact_changes")) {
            rs.next();
            assertEquals(old + 1, rs.getLong(1), "rows older than " + JdbcDatabase.KEEP + " revisions are gone");
        }
        assertEquals(java.util.Set.of("I-1"), store.changesSince(2025, old).orElseThrow().changed());
        assertTrue(store.changesSince(2025, 4).isEmpty(), "too old to be known item by item");
    }

    @Test
    void migrationsRunOnceAndAreRecorded() throws Exception {
        assertEquals(List.of(), Migrations.bundled().migrate(ds));
        try (var c = ds.getConnection(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM schema_version")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 2);
        }
    }

    @Test
    void anImportIsReadBackAsTheSameRecordsAndBumpsTheRevision() {
        long before = store.version();
        store.importDocument(doc("标题"), "test");
        assertTrue(store.version() > before);
        YearRecords y = store.year(2025);
        ExchangeDocument d = doc("标题");
        assertEquals(d.units(), store.units().stream().sorted((a, b) -> b.id().compareTo(a.id())).toList());
        assertEquals(d.items(), y.items());
        assertEquals(d.adoptions(), y.adoptions());
        assertEquals(d.notices(), y.notices());
        assertEquals(d.publicity(), y.publicity());
        assertEquals(d.calendar(), y.calendar());
        assertEquals(d.groups(), y.groups());
        // the narrow reads give the same registry rows without reading the year's work
        assertEquals(y.calendar(), store.calendars());
        assertEquals(y.groups(), store.groups());
        assertEquals(y.outlets(), store.outlets());
    }

    @Test
    void reimportingReplacesByIdAndAddsNothing() {
        store.importDocument(doc("标题"), "test");
        store.importDocument(doc("新标题"), "test");
        YearRecords y = store.year(2025);
        assertEquals(1, y.items().size());
        assertEquals("新标题", y.items().get(0).title());
        assertEquals(1, y.adoptions().size());
    }

    @Test
    void theCreditedUnitsAndTheLeaderOfAnAdoptionRoundTrip_V4() {
        ExchangeDocument base = doc("标题");
        List<Adoption> adoptions = List.of(
                new Adoption("I-1", AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.of(2025, 7, 5), "2025年第12期",
                        List.of("korla", "agri"), null),
                new Adoption("I-1", AdoptionLevel.REGION_INSTRUCTION, LocalDate.of(2025, 7, 9), null, List.of(),
                        "deputy_secretary"),
                new Adoption("I-1", AdoptionLevel.REGION_PUBLICATION, LocalDate.of(2025, 7, 7), null));
        // "region_instruction" sorts before "region_publication" in the store's ORDER BY level
        store.importDocument(withAdoptions(base, adoptions), "test");
        List<Adoption> read = store.year(2025).adoptions();
        assertEquals(adoptions, read, "ordered by item, level (by its wire name); the credited units in their order");
        assertEquals(List.of("korla", "agri"), read.get(0).units());
        assertEquals("deputy_secretary", read.get(1).leader());

        // re-importing the adoption without them clears them (replaced by item and level)
        store.importDocument(base, "test");
        assertEquals(base.adoptions().get(0), store.year(2025).adoptions().get(0));
    }

    @Test
    void aCreditedUnitThatCannotBeStoredRefusesTheImport() {
        ExchangeDocument bad = withAdoptions(doc("标题"), List.of(new Adoption("I-1",
                AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.of(2025, 7, 5), null, List.of("korla", "a,b"), null)));
        assertThrows(IllegalArgumentException.class, () -> store.importDocument(bad, "test"));
        assertEquals(List.of(), store.units(), "nothing of the refused document was written");
    }

    private static ExchangeDocument withAdoptions(ExchangeDocument d, List<Adoption> adoptions) {
        return new ExchangeDocument(d.prefecture(), d.calendar(), d.units(), d.groups(), d.outlets(), d.notices(),
                d.items(), adoptions, d.publicity());
    }

    @Test
    void aFailingImportWritesNothing() {
        ExchangeDocument good = doc("标题");
        ExchangeDocument bad = new ExchangeDocument("bazhou", List.of(), good.units(), List.of(), List.of(), List.of(),
                List.of(new Item("I-9", "nowhere", ItemType.OPINION, "t", "b", Instant.now(), null, null, null, null,
                        ItemStatus.ACCEPTED, false)), List.of(), List.of());
        assertThrows(IllegalStateException.class, () -> store.importDocument(bad, "test"));
        assertEquals(List.of(), store.units(), "the units of the failed document were rolled back too");
    }
}
