package org.ruralinfo.bench.jmh;

import java.nio.file.Path;
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
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.YearRecords;
import org.ruralinfo.bench.Region;
import org.ruralinfo.store.internal.BenchStores;

import com.zaxxer.hikari.HikariDataSource;

/** The store on H2 (file, WRITE_DELAY=0): writing the region's year, and reading it back for scoring. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StoreBench {

    /** A fresh, migrated database for each import. */
    @State(Scope.Thread)
    public static class Empty {
        @Param("14")
        public int prefectures;
        public ExchangeDocument doc;
        public RecordStore store;
        private HikariDataSource pool;
        private Path dir;

        @Setup(Level.Trial)
        public void document() {
            doc = Region.parsed(prefectures);
        }

        @Setup(Level.Invocation)
        public void open() throws Exception {
            dir = Region.workDir("import");
            pool = BenchStores.open(dir);
            store = BenchStores.recordStore(pool);
        }

        @TearDown(Level.Invocation)
        public void close() throws Exception {
            pool.close();
            Region.delete(dir);
        }
    }

    /** The database holding the region's year. */
    @State(Scope.Benchmark)
    public static class Loaded {
        @Param("14")
        public int prefectures;
        public RecordStore store;
        public HikariDataSource pool;
        private Path dir;

        @Setup(Level.Trial)
        public void open() throws Exception {
            dir = Region.workDir("loaded");
            pool = BenchStores.open(dir);
            store = BenchStores.recordStore(pool);
            store.importDocument(Region.parsed(prefectures), "bench");
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            pool.close();
            Region.delete(dir);
        }
    }

    /** The region's year in one transaction of batched upserts, into an empty database. */
    @Benchmark
    public ImportCounts importYear(Empty s) {
        return s.store.importDocument(s.doc, "bench");
    }

    /** A year's records as export reads them ({@code RecordStore.year}), bodies included. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public YearRecords loadYear(Loaded s) {
        return s.store.year(2025);
    }

    /** A year's records as scoring reads them ({@code RecordStore.facts}): no item bodies. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public YearRecords loadFacts(Loaded s) {
        return s.store.facts(2025);
    }
}
