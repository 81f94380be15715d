package org.ruralinfo.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.util.tracker.BundleTracker;
import org.ruralinfo.api.HealthContributor;
import org.ruralinfo.api.SchemaMigrations;

/**
 * The schema extender ({@code osgi.extender=ruralinfo.migrations}): every bundle whose manifest names its migrations
 * ({@value #HEADER}{@code : db/migration}, written by bnd from {@link SchemaMigrations}; a folder with {@code index.txt}
 * and {@code V<n>__<description>.sql}) has them applied when it starts, before it
 * becomes active, so that its components never see a table missing. They are recorded per bundle in
 * {@code schema_history}, on H2 and PostgreSQL alike ({@link Migrations#of}).
 *
 * <p>A script that fails changes nothing (its transaction is rolled back; on H2, whose DDL commits at once, the
 * statements before the failing one stay, as with the store's own scripts), the bundle is stopped, and
 * {@link #problems()} names the bundle and the script until the bundle is started again with a script that works.
 * Other bundles' data are never touched: each bundle's scripts run alone, under its own lock.
 */
final class BundleMigrations implements HealthContributor {
    /** The manifest header naming a bundle's folder of migrations ({@link SchemaMigrations}). */
    static final String HEADER = SchemaMigrations.HEADER;
    /** The longest database message a problem repeats (the log has it whole). */
    private static final int MAX_REASON = 300;
    private static final Logger LOG = Logger.getLogger("org.ruralinfo.store");

    private final DataSource ds;
    private final BundleTracker<Bundle> tracker;
    /** The bundles whose migration failed, with the problem; named while they stay installed. */
    private final Map<Bundle, Problem> failures = new ConcurrentHashMap<>();
    /** Stops a bundle whose migration failed: never from inside the framework's own start of it. */
    private final ExecutorService stopper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ruralinfo-schema-stop");
        t.setDaemon(true);
        return t;
    });

    BundleMigrations(BundleContext context, DataSource ds) {
        this.ds = ds;
        // STARTING: synchronously, before the bundle is active and before SCR activates its components
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                String folder = bundle.getHeaders("").get(HEADER);
                if (folder == null || folder.isBlank()) {
                    return null;
                }
                migrate(bundle, folder.strip());
                return bundle; // a failure stays named while the bundle is stopped, until it starts again
            }
        };
    }

    /** Applies the migrations of every bundle already started, then of each bundle as it starts. */
    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
        stopper.shutdownNow();
    }

    private void migrate(Bundle bundle, String folder) {
        String name = bundle.getSymbolicName();
        try {
            List<Integer> applied = Migrations.of(name, folder, path -> open(bundle, path)).migrate(ds);
            failures.remove(bundle);
            if (!applied.isEmpty()) {
                LOG.info(name + ": schema migrations applied: " + applied);
            }
        } catch (SQLException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            String reason = "schema migration failed: "
                    + (message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message);
            failures.put(bundle, new Problem(name, null, reason));
            LOG.log(Level.SEVERE, name + ": " + reason + "; the bundle is stopped", e);
            stopper.execute(() -> {
                try {
                    bundle.stop(Bundle.STOP_TRANSIENT);
                } catch (BundleException | IllegalStateException stop) {
                    LOG.log(Level.WARNING, name + " could not be stopped after its failed migration", stop);
                }
            });
        }
    }

    private static InputStream open(Bundle bundle, String path) {
        URL url = bundle.getEntry(path);
        try {
            return url == null ? null : url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Problem> problems() {
        failures.keySet().removeIf(b -> b.getState() == Bundle.UNINSTALLED);
        return new ArrayList<>(failures.values());
    }
}
