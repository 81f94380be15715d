package org.ruralinfo.itests.paxexam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.scoring.NoPolicyException;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;
import org.ruralinfo.api.scoring.ScoringService;
import org.ruralinfo.exchange.ExchangeCodec;
import org.ruralinfo.exchange.ExistingRecords;

/**
 * Issue #4 inside a running framework: the policy's configuration changes and the policy bundle is
 * updated and refreshed while ranking requests run in other threads; no request fails other than
 * with the documented "no policy in force" gap, the new values apply, a policy effective next year
 * leaves this year's periods to theirs, and no class loader of the old policy revision stays reachable.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicySwapIT {
    private static final Period Q1 = Period.parse("2025-Q1");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return FrameworkIT.runtime("policyswap");
    }

    private <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> t = new ServiceTracker<>(context, type, null);
        t.open();
        S s = t.waitForService(30_000);
        assertNotNull(type.getSimpleName() + " within 30 s", s);
        return s;
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within 20 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The korla score now, or MIN_VALUE in the documented "no policy in force" gap. */
    private static int korla(ScoringService scoring) {
        try {
            return score(scoring.ranking(Q1, null), "korla");
        } catch (NoPolicyException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static int score(RankingReport r, String unit) {
        return r.kinds().values().stream().flatMap(List::stream).filter(row -> row.unit().equals(unit))
                .mapToInt(RankingRow::score).findFirst().orElseThrow();
    }

    private Bundle policyBundle() {
        for (Bundle b : context.getBundles()) {
            if ("org.ruralinfo.scoring.bazhou".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bazhou policy bundle");
    }

    @Test
    public void policyConfigurationAndBundleSwapUnderLoad() throws Exception {
        ScoringService scoring = service(ScoringService.class);
        RecordStore store = service(RecordStore.class);
        ExchangeCodec codec = service(ExchangeCodec.class);
        ConfigurationAdmin cm = service(ConfigurationAdmin.class);
        try (InputStream in = Files.newInputStream(Path.of(context.getProperty("ruralinfo.example.year")))) {
            ExchangeDocument doc = codec.read(in, ExistingRecords.of(store));
            store.importDocument(doc, "paxexam");
        }
        await("the bazhou policy in force", () -> scoring.policyInForce().isPresent());
        RankingReport original = scoring.ranking(Q1, null);
        assertEquals(60, score(original, "korla"));

        // ranking requests in other threads throughout
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger gaps = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                started.countDown();
                while (running.get()) {
                    try {
                        RankingReport r = scoring.ranking(Q1, null);
                        assertNotNull(r);
                        ok.incrementAndGet();
                    } catch (NoPolicyException e) {
                        gaps.incrementAndGet(); // the documented 503 while no policy is in force
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            }, "ranking load " + i);
            t.start();
            threads.add(t);
        }
        started.await();
        try {
            // 1. a point value changed through Config Admin (as FileInstall or the Web Console would)
            org.osgi.service.cm.Configuration c = cm.getConfiguration("org.ruralinfo.scoring.bazhou", "?");
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            props.put("adoption.prefecture_briefing", "7");
            c.update(props);
            await("the new briefing value in the ranking", () -> korla(scoring) == 76);
            assertTrue(scoring.ranking(Q1, null).kinds().values().stream().flatMap(List::stream)
                    .flatMap(r -> r.lines().stream()).anyMatch(l -> l.points() == 7 && l.rule().equals("Art.19(1)")));
            props.put("adoption.prefecture_briefing", "5");
            c.update(props);
            await("the value back", () -> korla(scoring) == 60);

            // 2. the policy bundle updated and refreshed: its old class loader must become unreachable
            Bundle policy = policyBundle();
            WeakReference<ClassLoader> oldLoader = new WeakReference<>(
                    policy.adapt(BundleWiring.class).getClassLoader());
            Path jar = Path.of(context.getProperty("ruralinfo.dist")).resolve("deploy");
            Path file;
            try (var files = Files.list(jar)) {
                file = files.filter(p -> p.getFileName().toString().startsWith("org.ruralinfo.scoring.bazhou"))
                        .findFirst().orElseThrow();
            }
            try (InputStream in = Files.newInputStream(file)) {
                policy.update(in);
            }
            CountDownLatch refreshed = new CountDownLatch(1);
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(policy),
                    e -> {
                        if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                            refreshed.countDown();
                        }
                    });
            assertTrue("refresh finished", refreshed.await(30, TimeUnit.SECONDS));
            await("the updated policy in force", () -> korla(scoring) == 60);
            assertEquals(original.kinds(), scoring.ranking(Q1, null).kinds());
            for (int i = 0; i < 50 && oldLoader.get() != null; i++) {
                System.gc();
                Thread.sleep(100);
            }
            assertNull("no class loader of the old policy revision stays reachable", oldLoader.get());

            // 3. a policy effective from 2026 leaves 2025 to the bazhou policy
            Path variant;
            try (var files = Files.list(Path.of(context.getProperty("ruralinfo.dist")).resolve("optional"))) {
                variant = files.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
            }
            Bundle installed = context.installBundle(variant.toUri().toString());
            installed.start();
            await("the variant policy installed", () -> scoring.policies().size() == 2);
            assertEquals("bazhou", scoring.ranking(Q1, null).policy().id());
            assertEquals("variant", scoring.ranking(Period.parse("2026-Q1"), null).policy().id());
            assertEquals("variant", scoring.ranking(Q1, "variant").policy().id()); // the what-if preview
            assertNotEquals(original.kinds(), scoring.ranking(Period.parse("2025"), "variant").kinds());
            installed.uninstall();
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(installed));
            await("the variant gone", () -> scoring.policies().size() == 1);
        } finally {
            running.set(false);
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
        System.out.printf("policy swap in the framework: %d rankings served, %d in the no-policy gap, %d failures%n",
                ok.get(), gaps.get(), failures.size());
        if (!failures.isEmpty()) {
            throw new AssertionError("ranking requests failed during the swaps", failures.get(0));
        }
        assertTrue(ok.get() > 10);
    }
}
