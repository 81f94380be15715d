package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.intake.internal.CopyCheckTest.APRICOTS;
import static org.ruralinfo.intake.internal.CopyCheckTest.COURTYARD;
import static org.ruralinfo.intake.internal.CopyCheckTest.COURTYARD_COPY;

import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.intake.CopyCheck;

/**
 * Items imported after the copy-check index was built are folded in by its background thread as soon as
 * the facts revision moves, so a submission does not pay for it; a check that comes before the background
 * thread is done waits for it (or does it), and never compares with a partial index.
 */
class CopyCorpusCatchUpTest {
    private static final Instant NOW = Harness.at("2025-09-26T12:00:00+08:00");

    @TempDir
    Path home;
    Harness h;
    CopyCorpus corpus;

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness(home);
    }

    @AfterEach
    void tearDown() {
        if (corpus != null) {
            corpus.close();
        }
        h.close();
    }

    private void importItems(String... idsAndBodies) {
        List<Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndBodies.length; i += 2) {
            items.add(new Item(idsAndBodies[i], "korla", ItemType.EXPERIENCE, "庭院经济", idsAndBodies[i + 1],
                    Harness.at("2025-08-01T10:00:00+08:00"), null, null, null, null, ItemStatus.ACCEPTED, false));
        }
        h.store.importDocument(new ExchangeDocument(null, List.of(), List.of(), List.of(), List.of(), List.of(), items,
                List.of(), List.of()), "test");
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not done within 20 s");
            Thread.sleep(5);
        }
    }

    @Test
    void anImportIsFoldedInInTheBackgroundSoTheNextCheckFindsItWithoutCatchingUp() throws Exception {
        corpus = new CopyCorpus(h.db, h.store::version, 0.6, Duration.ofMillis(20));
        assertEquals(0, corpus.size());
        importItems("I-1", COURTYARD, "I-2", APRICOTS);

        waitUntil(corpus::current);
        assertEquals(1, corpus.catchUps(), "folded in once, by the background thread");
        assertEquals(2, corpus.size());

        CopyCheck c = corpus.check("IN-NEW", COURTYARD_COPY, NOW);
        assertNotNull(c);
        assertEquals("I-1", c.similarTo());
        assertEquals(1, corpus.catchUps(), "the check had nothing left to fold in");

        // a revision that moves without imported items (e.g. an adoption) costs no fold
        h.db.transaction(cx -> {
            h.db.factsChanged(cx);
            return null;
        });
        waitUntil(corpus::current);
        assertEquals(1, corpus.catchUps());
    }

    @Test
    void aCheckBeforeTheBackgroundThreadHasLookedStillSeesEveryImportedItem() {
        // the background thread never looks within the test: the check must catch up itself
        corpus = new CopyCorpus(h.db, h.store::version, 0.6, Duration.ofHours(1));
        assertEquals(0, corpus.size());
        importItems("I-1", COURTYARD);
        assertFalse(corpus.current());

        CopyCheck c = corpus.check("IN-NEW", COURTYARD_COPY, NOW);
        assertNotNull(c, "compared with the item imported a moment ago");
        assertEquals("I-1", c.similarTo());
        assertTrue(corpus.current());
        assertNull(corpus.check("IN-OTHER", APRICOTS, NOW));
    }

    @Test
    void aCheckDuringABackgroundCatchUpWaitsForItInsteadOfComparingWithAPartialIndex() throws Exception {
        CountDownLatch folding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Gate gate = new Gate(h.db, folding, release);
        corpus = new CopyCorpus(gate.database(), h.store::version, 0.6, Duration.ofMillis(20));
        assertEquals(0, corpus.size());
        gate.armed = true;
        importItems("I-1", COURTYARD);
        assertTrue(folding.await(20, TimeUnit.SECONDS), "the background thread starts folding the import in");

        CompletableFuture<CopyCheck> check = CompletableFuture.supplyAsync(
                () -> corpus.check("IN-NEW", COURTYARD_COPY, NOW));
        try {
            check.get(300, TimeUnit.MILLISECONDS);
            throw new AssertionError("the check did not wait for the catch-up in progress");
        } catch (TimeoutException expected) {
            // waiting, as it should
        }
        release.countDown();
        CopyCheck c = check.get(20, TimeUnit.SECONDS);
        assertNotNull(c);
        assertEquals("I-1", c.similarTo());
        assertEquals(1, corpus.catchUps(), "folded in once, by the background thread; the check only waited");
    }

    @Test
    void aBulkImportIsFoldedInInOnePassAndASmallOneByIdBothCompletely() throws Exception {
        corpus = new CopyCorpus(h.db, h.store::version, 0.6, Duration.ofMillis(20));
        assertEquals(0, corpus.size());
        java.util.Random r = new java.util.Random(9);
        int bulk = CopyCorpus.BULK + 500;
        String[] many = new String[2 * bulk];
        for (int i = 0; i < bulk; i++) {
            many[2 * i] = "B-" + i;
            many[2 * i + 1] = i == 777 ? COURTYARD : CopyIndexScaleTest.text(r, 200 + r.nextInt(200));
        }
        importItems(many);
        waitUntil(corpus::current);
        assertEquals(bulk, corpus.size());
        assertEquals("B-777", corpus.check("IN-NEW", COURTYARD_COPY, NOW).similarTo());

        // a few more (and the same ones again): read by id, nothing counted twice
        importItems("S-1", APRICOTS, "B-1", many[3]);
        waitUntil(corpus::current);
        assertEquals(bulk + 1, corpus.size());
        assertEquals(2, corpus.catchUps());
        assertEquals("S-1", corpus.check("IN-NEW", APRICOTS + "。", NOW).similarTo());
    }

    /**
     * The database, with the background thread's first read after arming held until released (a proxy, so
     * that it needs no change when {@link Database} gains a method).
     */
    private static final class Gate {
        private final Database db;
        private final CountDownLatch entered;
        private final CountDownLatch release;
        volatile boolean armed;

        Gate(Database db, CountDownLatch entered, CountDownLatch release) {
            this.db = db;
            this.entered = entered;
            this.release = release;
        }

        Database database() {
            return (Database) Proxy.newProxyInstance(Database.class.getClassLoader(), new Class<?>[] {Database.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("read") && armed
                                && Thread.currentThread().getName().equals("ruralinfo-intake-copy-index")) {
                            armed = false;
                            entered.countDown();
                            release.await(20, TimeUnit.SECONDS);
                        }
                        try {
                            return method.invoke(db, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
