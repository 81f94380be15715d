package org.ruralinfo.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.YearChanges;
import org.ruralinfo.api.YearRecords;
import org.ruralinfo.api.scoring.EvaluationRules;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.ScoreSheet;
import org.ruralinfo.api.scoring.ScoringPolicy;

/** The engine reads a year's records once per facts revision, and again as soon as a record changed. */
class EngineCacheTest {

    /** A store of one unit that counts how often a year is read. */
    static final class CountingStore implements RecordStore {
        final AtomicLong revision = new AtomicLong(1);
        final AtomicInteger yearReads = new AtomicInteger();
        final AtomicInteger changeReads = new AtomicInteger();
        /** The items the next changesSince answers with; null: not known item by item. */
        volatile YearChanges changes;
        volatile List<Item> items = List.of();
        volatile List<Adoption> adoptions = List.of();

        @Override
        public YearRecords year(int year) {
            yearReads.incrementAndGet();
            return new YearRecords(year, List.of(), List.of(new Unit("a", "甲县", UnitKind.COUNTY)), List.of(),
                    List.of(), List.of(), items, adoptions, List.of());
        }

        @Override
        public YearRecords facts(int year) {
            return year(year);
        }

        @Override
        public Optional<YearChanges> changesSince(int year, long since) {
            changeReads.incrementAndGet();
            return Optional.ofNullable(changes);
        }

        @Override
        public long version() {
            return revision.get();
        }

        @Override
        public ImportCounts importDocument(ExchangeDocument document, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Unit> units() {
            return List.of();
        }

        @Override
        public List<Group> groups() {
            return List.of();
        }

        @Override
        public List<Outlet> outlets() {
            return List.of();
        }

        @Override
        public List<CalendarYear> calendars() {
            return List.of();
        }

        @Override
        public Optional<Unit> unit(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Group> group(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Notice> notice(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Item> item(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Outlet> outlet(String name, Channel channel) {
            return Optional.empty();
        }
    }

    /** A policy that remembers the records it was given. */
    static final class RecordingPolicy implements ScoringPolicy {
        PeriodFacts last;

        @Override
        public ScoreSheet score(PeriodFacts facts) {
            last = facts;
            return new ScoreSheet(List.of(), Map.of());
        }

        @Override
        public EvaluationRules evaluation() {
            return new EvaluationRules(Map.of(), Map.of());
        }
    }

    @Test
    void theFiveReportsOfAYearReadItsRecordsOnceAndAChangeReadsThemAgain() throws Exception {
        CountingStore store = new CountingStore();
        RecordingPolicy policy = new RecordingPolicy();
        ScoringEngine engine = engine(store, policy);

        for (Period p : Period.ofYear(2025).quarters()) {
            engine.ranking(p, null);
        }
        RankingReport year = engine.ranking(Period.ofYear(2025), null);
        assertEquals(1, store.yearReads.get(), "one read for the year's five reports");
        assertEquals(1, year.kinds().get(UnitKind.COUNTY).size());

        engine.ranking(new Period(2025, 2), null); // cached report: nothing read
        assertEquals(1, store.yearReads.get());

        store.revision.incrementAndGet(); // a record changed
        engine.ranking(new Period(2025, 3), null);
        assertEquals(2, store.yearReads.get(), "read again after a change");
        engine.ranking(Period.ofYear(2025), null);
        assertEquals(2, store.yearReads.get(), "and once only");

        engine.ranking(new Period(2024, 4), null); // another year: its own records
        assertEquals(3, store.yearReads.get());
    }

    @Test
    void aChangeOfOneItemReadsBackThatItemOnlyAndKeepsEveryOtherRecord() throws Exception {
        CountingStore store = new CountingStore();
        Item a1 = item("a-1", ItemStatus.ACCEPTED);
        Item a2 = item("a-2", ItemStatus.ACCEPTED);
        Item a3 = item("a-3", ItemStatus.ACCEPTED);
        Adoption a2Briefing = new Adoption("a-2", AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.of(2025, 3, 1), null);
        store.items = List.of(a1, a2, a3);
        store.adoptions = List.of(a2Briefing);
        RecordingPolicy policy = new RecordingPolicy();
        ScoringEngine engine = engine(store, policy);
        engine.ranking(Period.ofYear(2025), null);
        PeriodFacts before = policy.last;

        // a-2 is adopted by regional publication, a-4 newly submitted, a-3 returned (no longer in the year)
        Adoption a2Region = new Adoption("a-2", AdoptionLevel.REGION_PUBLICATION, LocalDate.of(2025, 4, 1), null);
        Item a4 = item("a-4", ItemStatus.SUBMITTED);
        store.changes = new YearChanges(Set.of("a-2", "a-3", "a-4"), List.of(a4, a2),
                List.of(a2Region, a2Briefing));
        store.revision.incrementAndGet();
        engine.ranking(Period.ofYear(2025), null);
        PeriodFacts after = policy.last;

        assertEquals(1, store.yearReads.get(), "no second read of the year");
        assertEquals(1, store.changeReads.get());
        assertEquals(List.of(a1, a2, a4), after.items());
        assertSame(a1, after.items().get(0), "an unchanged item is the very same record");
        assertEquals(List.of(a2Briefing, a2Region), after.adoptions(), "by item and level, as the store orders them");
        assertSame(before.units(), after.units(), "unchanged lists are the very same lists");
        assertSame(before.notices(), after.notices());
        assertSame(before.publicity(), after.publicity());

        store.changes = null; // e.g. an import: not known item by item
        store.revision.incrementAndGet();
        engine.ranking(Period.ofYear(2025), null);
        assertEquals(2, store.yearReads.get(), "the year read again");
    }

    private static Item item(String id, ItemStatus status) {
        return new Item(id, "a", ItemType.WORK_RESULTS, "标题", "正文", Instant.parse("2025-03-01T02:00:00Z"), null,
                null, null, null, status, false);
    }

    static ScoringEngine engine(RecordStore store, ScoringPolicy policy) throws Exception {
        ScoringEngine engine = new ScoringEngine(java.time.ZoneId.of("Asia/Shanghai"));
        Field f = ScoringEngine.class.getDeclaredField("store");
        f.setAccessible(true);
        f.set(engine, store);
        ServiceReference<?> ref = (ServiceReference<?>) Proxy.newProxyInstance(EngineCacheTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (p, m, a) -> m.getName().equals("hashCode") ? 1
                        : m.getName().equals("equals") ? p == a[0] : null);
        ComponentServiceObjects<ScoringPolicy> handle = new ComponentServiceObjects<>() {
            @Override
            public ScoringPolicy getService() {
                return policy;
            }

            @Override
            public void ungetService(ScoringPolicy service) {
                // nothing to give back
            }

            @SuppressWarnings("unchecked")
            @Override
            public ServiceReference<ScoringPolicy> getServiceReference() {
                return (ServiceReference<ScoringPolicy>) ref;
            }
        };
        engine.addPolicy(handle, Map.of(ScoringPolicy.POLICY_ID, "test", ScoringPolicy.POLICY_VERSION, "1.0.0",
                ScoringPolicy.POLICY_EFFECTIVE_FROM, "2020-01-01", "service.id", 1L));
        return engine;
    }
}
