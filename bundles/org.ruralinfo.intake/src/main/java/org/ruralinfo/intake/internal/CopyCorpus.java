package org.ruralinfo.intake.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.ruralinfo.api.Database;
import org.ruralinfo.intake.CopyCheck;

/**
 * The earlier items the copy check compares with: every item sent on from a unit (submitted or later) and
 * every imported item. The index is rebuilt from the items table in the background when the component
 * activates (so the framework's start does not wait for it) and updated on each submission. Items another
 * writer adds (an exchange import, possibly on another node) are folded in by the same background thread:
 * it watches the facts revision (every import bumps it in its transaction) and catches up as soon as it
 * moves, so a submission after an import does not pay for indexing the import.
 * <p>
 * A check must still see every earlier item: it reads the revision first and, when the index has not yet
 * caught up with it (the background thread is still folding an import in, or has not looked yet), it waits
 * for that catch-up (or does it) before comparing. It never compares with a partial index; a check that
 * arrives right after a large import is slower, not wrong.
 */
final class CopyCorpus implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("org.ruralinfo.intake");
    /** How often the background thread looks at the facts revision, by default. */
    static final Duration WATCH = Duration.ofMillis(500);
    /** More new imported items than this are read in one pass over the imported rows. */
    static final int BULK = 1_000;

    private final Database db;
    private final LongSupplier revision;
    private final CopyChecker checker;
    private final ScheduledExecutorService worker;
    private final Future<?> ready;
    /** The facts revision the index has caught up with (imports up to it are in). */
    private volatile long caughtUp = Long.MIN_VALUE;
    private long importedSeen;
    private final AtomicLong catchUps = new AtomicLong();

    /**
     * @param revision the facts revision ({@link org.ruralinfo.api.RecordStore#version()}), which every
     *                 import bumps in its own transaction
     * @param watch    how often the background thread looks at the revision
     */
    CopyCorpus(Database db, LongSupplier revision, double threshold, Duration watch) {
        this.db = db;
        this.revision = revision;
        this.checker = new CopyChecker(new CopyIndex(), threshold);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ruralinfo-intake-copy-index");
            t.setDaemon(true);
            return t;
        });
        this.ready = worker.submit(this::rebuild);
        long ms = Math.max(1, watch.toMillis());
        worker.scheduleWithFixedDelay(this::watch, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void rebuild() {
        long t0 = System.nanoTime();
        long rev = revision.getAsLong();
        long imported = db.read(c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, body, created_by FROM items "
                    + "WHERE status <> 'draft' AND status <> 'returned'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checker.add(rs.getString(1), rs.getString(2));
                    if (rs.getString(3) == null) {
                        n++;
                    }
                }
            }
            return n;
        });
        synchronized (this) {
            importedSeen = imported;
            caughtUp = rev;
        }
        LOG.info(() -> String.format("copy-check index of %d items built in %d ms", checker.index().size(),
                (System.nanoTime() - t0) / 1_000_000));
    }

    /** The background thread's look at the revision: folds in what was imported since the last look. */
    private void watch() {
        if (!ready.isDone()) {
            return;
        }
        try {
            catchUp();
        } catch (RuntimeException e) {
            // the database may be going away with the framework; the next look or check tries again
            LOG.log(Level.FINE, "copy-check index: catching up with imports", e);
        }
    }

    /** @return the closest earlier item to {@code body}, at or above the threshold, or null */
    CopyCheck check(String id, String body, Instant now) {
        await();
        catchUp();
        return checker.check(id, body, this::bodies, now);
    }

    /** Adds a submitted item (replacing what an earlier submission of it left). */
    void add(String id, String body) {
        await();
        checker.add(id, body);
    }

    int size() {
        await();
        return checker.index().size();
    }

    /** @return how many times items were folded in after the build (for tests) */
    long catchUps() {
        return catchUps.get();
    }

    /** @return whether the index has caught up with the current facts revision (for tests) */
    boolean current() {
        return ready.isDone() && caughtUp >= revision.getAsLong();
    }

    private void await() {
        try {
            ready.get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the copy-check index is built", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the copy-check index could not be built", e);
        }
    }

    /**
     * Makes sure every item imported up to the current facts revision is indexed. The revision is read
     * first: an import committed later has a later revision and is caught by a later call. When the
     * background thread is folding an import in, this waits for it (same lock) and then finds nothing to do.
     */
    private void catchUp() {
        long rev = revision.getAsLong();
        if (rev <= caughtUp) {
            return;
        }
        synchronized (this) {
            if (rev <= caughtUp) {
                return;
            }
            foldInImported();
            caughtUp = rev;
        }
    }

    /** Indexes items imported by exchange since the last look (they have no {@code created_by}). */
    private void foldInImported() {
        db.read(c -> {
            long n;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM items WHERE created_by IS NULL");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                n = rs.getLong(1);
            }
            if (n == importedSeen) {
                return null;
            }
            long t0 = System.nanoTime();
            int folded = 0;
            if (n - importedSeen > BULK) {
                // most of what is imported is new (a region's year): one pass over the imported rows is
                // cheaper than listing their ids and then reading the new ones by id
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, body FROM items WHERE created_by IS NULL");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (!checker.index().contains(id)) {
                            checker.add(id, rs.getString(2));
                            folded++;
                        }
                    }
                }
            } else {
                List<String> missing = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM items WHERE created_by IS NULL");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!checker.index().contains(rs.getString(1))) {
                            missing.add(rs.getString(1));
                        }
                    }
                }
                for (int i = 0; i < missing.size(); i += 500) {
                    bodies(c, missing.subList(i, Math.min(missing.size(), i + 500))).forEach(checker::add);
                }
                folded = missing.size();
            }
            importedSeen = n;
            catchUps.incrementAndGet();
            int count = folded;
            LOG.info(() -> String.format("copy-check index: %d imported items folded in in %d ms (%s)", count,
                    (System.nanoTime() - t0) / 1_000_000, Thread.currentThread().getName()));
            return null;
        });
    }

    private Map<String, String> bodies(List<String> ids) {
        return db.read(c -> bodies(c, ids));
    }

    private static Map<String, String> bodies(Connection c, List<String> ids) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, body FROM items WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ready.isDone() && !ready.isCancelled()) {
            try {
                ready.get();
            } catch (InterruptedException | ExecutionException e) {
                LOG.log(Level.FINE, "copy-check index", e);
            }
        }
    }
}
