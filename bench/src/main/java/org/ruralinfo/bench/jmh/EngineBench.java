package org.ruralinfo.bench.jmh;

import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.bench.Region;
import org.ruralinfo.exchange.internal.JsonExchangeCodec;
import org.ruralinfo.scoring.bazhou.internal.BazhouParameters;
import org.ruralinfo.scoring.bazhou.internal.BazhouPolicy;
import org.ruralinfo.scoring.internal.BenchEngines;
import org.ruralinfo.scoring.internal.ScoringEngine;
import org.ruralinfo.store.internal.BenchStores;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The real engine (its cache, the store's revision) on the store (H2 file, WRITE_DELAY=0) holding the
 * region's year, with the Bayingolin policy: the five reports from cold, a repeated report, the affected
 * reports after one adoption, and writing the year's report as JSON. "Now" is the machine's clock.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBench {
    static final Period Q3 = new Period(2025, 3);
    static final Period YEAR = Period.ofYear(2025);

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param("14")
        public int prefectures;
        public HikariDataSource pool;
        public RecordStore store;
        public Database db;
        public BazhouPolicy policy;
        /** An engine whose cache is warm. */
        public ScoringEngine warm;
        /** An accepted item of Q3 with no regional publication, and whether that adoption is now stored. */
        public String item;
        public boolean adopted;
        private Path dir;

        @Setup(Level.Trial)
        public void open() throws Exception {
            dir = Region.workDir("engine");
            pool = BenchStores.open(dir);
            store = BenchStores.recordStore(pool);
            db = BenchStores.database(pool);
            ExchangeDocument doc = Region.parsed(prefectures);
            store.importDocument(doc, "bench");
            policy = new BazhouPolicy(BazhouParameters.defaults(Region.ZONE));
            warm = BenchEngines.engine(store, policy);
            warm.ranking(Q3, null);
            warm.ranking(YEAR, null);
            Set<String> published = new HashSet<>();
            for (Adoption a : doc.adoptions()) {
                if (a.level() == AdoptionLevel.REGION_PUBLICATION) {
                    published.add(a.item());
                }
            }
            for (Item i : doc.items()) {
                if (i.status() == ItemStatus.ACCEPTED && !published.contains(i.id())
                        && i.submittedAt().toString().startsWith("2025-07")) {
                    item = i.id();
                    break;
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            pool.close();
            Region.delete(dir);
        }

        /** Records the adoption of {@link #item} at the regional publication on 2025-08-15, or withdraws it. */
        public void toggleAdoption() {
            boolean add = !adopted;
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(add
                        ? "INSERT INTO adoptions (item, level, at, issue) VALUES (?, 'region_publication', ?, NULL)"
                        : "DELETE FROM adoptions WHERE item = ? AND level = 'region_publication'")) {
                    ps.setString(1, item);
                    if (add) {
                        ps.setObject(2, LocalDate.of(2025, 8, 15));
                    }
                    ps.executeUpdate();
                }
                db.itemChanged(c, item);
                return null;
            });
            adopted = add;
        }
    }

    /** A new engine (empty cache) for each invocation. */
    @State(Scope.Thread)
    public static class Cold {
        public ScoringEngine engine;

        @Setup(Level.Invocation)
        public void fresh(Loaded loaded) {
            engine = BenchEngines.engine(loaded.store, loaded.policy);
        }
    }

    /** The year's five reports (4 quarters and the year) from cold. */
    @Benchmark
    public List<RankingReport> coldFiveReports(Loaded s, Cold cold) {
        List<RankingReport> out = new ArrayList<>(5);
        for (Period p : YEAR.quarters()) {
            out.add(cold.engine.ranking(p, null));
        }
        out.add(cold.engine.ranking(YEAR, null));
        return out;
    }

    /** A report asked again (the cache, after checking the revision in the database). */
    @Benchmark
    public RankingReport repeatedReport(Loaded s) {
        return s.warm.ranking(Q3, null);
    }

    /** One adoption recorded (or withdrawn) in Q3, then the reports it changes: Q3 and the year. */
    @Benchmark
    public RankingReport afterOneAdoption(Loaded s) {
        s.toggleAdoption();
        s.warm.ranking(Q3, null);
        return s.warm.ranking(YEAR, null);
    }

    /** The year's report written as ranking report v1 JSON (what GET /api/v1/rankings sends). */
    @Benchmark
    public void writeYearReport(Loaded s) {
        new JsonExchangeCodec().writeRanking(s.warm.ranking(YEAR, null), OutputStream.nullOutputStream());
    }
}
