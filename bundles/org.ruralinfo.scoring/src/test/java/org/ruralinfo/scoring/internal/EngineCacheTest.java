package org.ruralinfo.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
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

        @Override
        public YearRecords year(int year) {
            yearReads.incrementAndGet();
            return new YearRecords(year, List.of(), List.of(new Unit("a", "甲县", UnitKind.COUNTY)), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of());
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

    static ScoringEngine engine(RecordStore store, ScoringPolicy policy) throws Exception {
        ScoringEngine engine = new ScoringEngine();
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
