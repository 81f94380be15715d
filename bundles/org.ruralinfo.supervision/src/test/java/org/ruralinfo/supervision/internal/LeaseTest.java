package org.ruralinfo.supervision.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralinfo.store.testing.TestDb;

/** The lease that lets exactly one node at a time run the daily check. */
class LeaseTest {
    TestDb t;

    @BeforeEach
    void setUp() throws Exception {
        t = new TestDb();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void twoContendersOneWins_theHolderRenews() {
        Lease a = new Lease(t.db, "check", "node-a", Duration.ofMinutes(10), t.clock);
        Lease b = new Lease(t.db, "check", "node-b", Duration.ofMinutes(10), t.clock);
        assertTrue(a.acquire());
        assertFalse(b.acquire());
        t.clock.set("2025-09-26T12:05:00+08:00");
        assertTrue(a.acquire(), "the holder renews");
        t.clock.set("2025-09-26T12:14:59+08:00");
        assertFalse(b.acquire(), "renewed until 12:15");
    }

    @Test
    void expiryHandsOver_releaseHandsOverAtOnce() {
        Lease a = new Lease(t.db, "check", "node-a", Duration.ofMinutes(10), t.clock);
        Lease b = new Lease(t.db, "check", "node-b", Duration.ofMinutes(10), t.clock);
        assertTrue(a.acquire());
        t.clock.set("2025-09-26T12:10:01+08:00");
        assertTrue(b.acquire(), "expired: the other node takes it");
        assertFalse(a.acquire());
        b.release();
        assertTrue(a.acquire());
    }

    @Test
    void concurrentContendersOnAFreshLeaseExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Lease l = new Lease(t.db, "fresh", "node-" + i, Duration.ofMinutes(10), t.clock);
                Callable<Boolean> c = () -> {
                    go.await();
                    return l.acquire();
                };
                results.add(pool.submit(c));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }
}
