package org.ruralinfo.intake.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.ruralinfo.api.Database;
import org.ruralinfo.intake.CopyCheck;

/**
 * The earlier items the copy check compares with: every item sent on from a unit (submitted or later) and
 * every imported item. The index is rebuilt from the items table in the background when the component
 * activates (so the framework's start does not wait for it), updated on each submission, and catches up
 * with items another writer (exchange import) added, before a check.
 */
final class CopyCorpus implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("org.ruralinfo.intake");

    private final Database db;
    private final CopyChecker checker;
    private final ExecutorService loader;
    private final Future<?> ready;
    private long importedSeen;

    CopyCorpus(Database db, double threshold) {
        this.db = db;
        this.checker = new CopyChecker(new CopyIndex(), threshold);
        this.loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ruralinfo-intake-copy-index");
            t.setDaemon(true);
            return t;
        });
        this.ready = loader.submit(this::rebuild);
    }

    private void rebuild() {
        long t0 = System.nanoTime();
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
        }
        LOG.info(() -> String.format("copy-check index of %d items built in %d ms", checker.index().size(),
                (System.nanoTime() - t0) / 1_000_000));
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

    /** Indexes items imported by exchange since the last look (they have no {@code created_by}). */
    private synchronized void catchUp() {
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
            importedSeen = n;
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
        loader.shutdownNow();
        try {
            loader.awaitTermination(5, TimeUnit.SECONDS);
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
