package org.ruralinfo.store.internal;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.ruralinfo.api.HealthContributor;
import org.ruralinfo.api.SchemaMigrations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The product's database as a pooled {@link DataSource} service ({@code ruralinfo.db=main}), registered
 * only once the schema migrations have run. The JDBC driver comes from the OSGi
 * {@link DataSourceFactory} whose driver serves the URL (H2 embedded by default, PostgreSQL for
 * {@code jdbc:postgresql:}); the pool is HikariCP. Where to connect: the configuration
 * {@code org.ruralinfo.store}, else {@code RURALINFO_DB_URL}/{@code _USER}/{@code _PASSWORD} (framework
 * property {@code ruralinfo.db.url}… or environment), else the embedded H2 file.
 *
 * <p>It is also the schema extender ({@link BundleMigrations}): the migrations of every other bundle that carries
 * its own run against this pool when that bundle starts; a failure is reported to health
 * ({@link HealthContributor}). Immediate, so that the extender watches from the start.
 */
@Component(service = {DataSource.class, HealthContributor.class}, property = "ruralinfo.db=main",
        configurationPid = "org.ruralinfo.store", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = StoreConfig.class)
@Capability(namespace = "osgi.extender", name = SchemaMigrations.EXTENDER, version = "1.0.0")
public class PooledDatabase implements DataSource, HealthContributor {
    /** Framework property naming the folder of data and logs. */
    static final String HOME = "ruralinfo.home";

    private final HikariDataSource pool;
    private final ServiceReference<DataSourceFactory> driverRef;
    private final BundleContext context;
    private final BundleMigrations bundles;

    @Activate
    public PooledDatabase(BundleContext context, StoreConfig config,
            @Reference(name = "dataSourceFactory", cardinality = ReferenceCardinality.AT_LEAST_ONE,
                    policyOption = ReferencePolicyOption.GREEDY) List<ServiceReference<DataSourceFactory>> factories)
            throws SQLException {
        String url = setting(config.url(), context, "ruralinfo.db.url", "RURALINFO_DB_URL");
        if (url.isBlank()) {
            url = embeddedUrl(context.getProperty(HOME));
        }
        String user = setting(config.user(), context, "ruralinfo.db.user", "RURALINFO_DB_USER");
        String password = setting(config.password(), context, "ruralinfo.db.password", "RURALINFO_DB_PASSWORD");
        String driver = url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver"
                : url.startsWith("jdbc:h2:") ? "org.h2.Driver" : null;
        if (driver == null) {
            throw new IllegalStateException("unsupported database URL (H2 or PostgreSQL): " + redact(url));
        }
        ServiceReference<DataSourceFactory> ref = factories.stream()
                .filter(r -> driver.equals(r.getProperty(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS))).findFirst()
                .orElseThrow(() -> new IllegalStateException("waiting for the JDBC driver bundle of " + driver));
        DataSourceFactory factory = context.getService(ref);
        this.driverRef = ref;
        this.context = context;
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!user.isBlank()) {
            props.setProperty(DataSourceFactory.JDBC_USER, user);
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("ruralinfo");
        hc.setDataSource(factory.createDataSource(props));
        hc.setMaximumPoolSize(Math.max(2, config.pool_size()));
        hc.setConnectionTimeout(10_000);
        hc.setAutoCommit(true);
        this.pool = new HikariDataSource(hc);
        try {
            List<Integer> applied = Migrations.bundled().migrate(pool);
            Logger.getLogger("org.ruralinfo.store").info("database " + redact(url)
                    + (applied.isEmpty() ? "" : ", schema migrations applied: " + applied));
        } catch (SQLException | RuntimeException e) {
            pool.close();
            context.ungetService(ref);
            throw e;
        }
        // every other bundle's own tables: those started already, then each as it starts (before it is active)
        this.bundles = new BundleMigrations(context, pool);
        bundles.open();
    }

    @Override
    public List<Problem> problems() {
        return bundles.problems();
    }

    /** @return the configured value, else the framework property, else the environment variable, else "" */
    static String setting(String configured, BundleContext context, String property, String environment) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String p = context.getProperty(property);
        if (p != null && !p.isBlank()) {
            return p.strip();
        }
        String e = System.getenv(environment);
        return e == null ? "" : e.strip();
    }

    /** A URL fit for a log: no password parameter. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * The embedded H2 file. {@code WRITE_DELAY=0}: a commit is written before it is acknowledged, so
     * an acknowledged record survives the process being killed; {@code DB_CLOSE_ON_EXIT=FALSE}: the
     * framework, not a JVM hook, closes the database. {@code QUERY_CACHE_SIZE=64}: each session keeps the
     * parsed form of its last 64 statements (H2's default is 8); a pooled connection serves every kind of
     * request, and one intake create alone prepares about ten different statements, so with 8 they were
     * parsed again on every use (19 % of the request threads' CPU under load).
     */
    static String embeddedUrl(String home) {
        Path dir = Path.of(home == null || home.isBlank() ? "data" : home).toAbsolutePath().resolve("db");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return "jdbc:h2:file:" + dir.resolve("ruralinfo") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";
    }

    @Deactivate
    void close() {
        bundles.close();
        pool.close();
        context.ungetService(driverRef);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has its own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("org.ruralinfo.store");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
