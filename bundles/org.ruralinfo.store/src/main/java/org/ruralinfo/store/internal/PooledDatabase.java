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

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The product's database as a pooled {@link DataSource} service ({@code ruralinfo.db=main}), registered
 * only once the schema migrations have run. The JDBC driver comes from an OSGi
 * {@link DataSourceFactory} (H2 by default); the pool is HikariCP.
 */
@Component(service = DataSource.class, property = "ruralinfo.db=main", configurationPid = "org.ruralinfo.store",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfig.class)
public class PooledDatabase implements DataSource {
    /** Framework property naming the folder of data and logs. */
    static final String HOME = "ruralinfo.home";

    private final HikariDataSource pool;

    @Activate
    public PooledDatabase(BundleContext context, StoreConfig config,
            @Reference(name = "dataSourceFactory") DataSourceFactory factory) throws SQLException {
        String url = config.url().isBlank() ? embeddedUrl(context.getProperty(HOME)) : config.url();
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!config.user().isBlank()) {
            props.setProperty(DataSourceFactory.JDBC_USER, config.user());
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, config.password());
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("ruralinfo");
        hc.setDataSource(factory.createDataSource(props));
        hc.setMaximumPoolSize(Math.max(2, config.pool_size()));
        hc.setConnectionTimeout(10_000);
        hc.setAutoCommit(true);
        this.pool = new HikariDataSource(hc);
        try {
            List<Integer> applied = new Migrations(p -> PooledDatabase.class.getClassLoader().getResourceAsStream(p))
                    .migrate(pool);
            if (!applied.isEmpty()) {
                Logger.getLogger("org.ruralinfo.store").info("schema migrations applied: " + applied);
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * The embedded H2 file. {@code WRITE_DELAY=0}: a commit is written before it is acknowledged, so
     * an acknowledged record survives the process being killed; {@code DB_CLOSE_ON_EXIT=FALSE}: the
     * framework, not a JVM hook, closes the database.
     */
    static String embeddedUrl(String home) {
        Path dir = Path.of(home == null || home.isBlank() ? "data" : home).toAbsolutePath().resolve("db");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return "jdbc:h2:file:" + dir.resolve("ruralinfo") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    @Deactivate
    void close() {
        pool.close();
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
