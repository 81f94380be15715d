package org.ruralinfo.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.RecordStore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Benchmarks only (bench module, outside OSGi): the store's own classes on an H2 file database with the
 * product's durable settings ({@link PooledDatabase#embeddedUrl}: WRITE_DELAY=0) and its migrations.
 */
public final class BenchStores {
    private BenchStores() {
    }

    /** @return a pool on the H2 file database under {@code home}/db, migrated */
    public static HikariDataSource open(Path home) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(PooledDatabase.embeddedUrl(home.toString()));
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("bench");
        hc.setDataSource(h2);
        hc.setMaximumPoolSize(4);
        hc.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(hc);
        Migrations.bundled().migrate(pool);
        String raw = System.getProperty("bench.sql", "");
        // '_' stands for ' ' (a shell-friendly property), unless the experiment uses '~' for it instead
        String experiment = raw.indexOf('~') >= 0 ? raw.replace('~', ' ') : raw.replace('_', ' ');
        if (!experiment.isBlank()) {
            // an experiment on the schema ('_' for ' ', ';' between statements), e.g.
            // -Dbench.sql=ALTER_TABLE_items_ALTER_COLUMN_body_SET_DATA_TYPE_VARCHAR(1000000)
            try (var c = pool.getConnection(); var st = c.createStatement()) {
                for (String sql : experiment.split(";")) {
                    st.execute(sql);
                }
            }
        }
        return pool;
    }

    public static RecordStore recordStore(DataSource ds) {
        return new JdbcRecordStore(ds);
    }

    public static Database database(DataSource ds) {
        return new JdbcDatabase(ds);
    }
}
