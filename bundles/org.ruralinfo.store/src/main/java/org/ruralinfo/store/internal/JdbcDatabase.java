package org.ruralinfo.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.SqlWork;

/** Transactions, audit rows and the facts revision on the pooled database. */
@Component(service = Database.class)
public class JdbcDatabase implements Database {
    private final DataSource ds;

    @Activate
    public JdbcDatabase(@Reference(target = "(ruralinfo.db=main)") DataSource ds) {
        this.ds = ds;
    }

    @Override
    public <T> T transaction(SqlWork<T> work) {
        return Jdbc.inTransaction(ds, work::run);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return Jdbc.read(ds, work::run);
    }

    @Override
    public void factsChanged(Connection c) throws SQLException {
        bump(c);
    }

    /**
     * Bumps the revision and records the item under the new revision (V8 {@code fact_changes}). Every
     * {@value #PRUNE_EVERY}th revision drops the rows older than {@value #KEEP} revisions: a reader that
     * old finds a gap and reads its year again.
     */
    @Override
    public void itemChanged(Connection c, String item) throws SQLException {
        bump(c);
        long rev = revision(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fact_changes (rev, item) VALUES (?, ?)")) {
            ps.setLong(1, rev);
            ps.setString(2, item);
            ps.executeUpdate();
        }
        if (rev % PRUNE_EVERY == 0) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM fact_changes WHERE rev < ?")) {
                ps.setLong(1, rev - KEEP);
                ps.executeUpdate();
            }
        }
    }

    static final int PRUNE_EVERY = 1024;
    static final int KEEP = 8192;

    /** An online backup with H2's {@code BACKUP TO}: a consistent zip of the database while it runs. */
    @Override
    public void backup(java.nio.file.Path zip) {
        String file = zip.toAbsolutePath().toString();
        if (file.contains("'")) {
            throw new IllegalArgumentException("a backup file name must not contain a quote: " + file);
        }
        Jdbc.read(ds, c -> {
            if (!c.getMetaData().getURL().startsWith("jdbc:h2:")) {
                throw new UnsupportedOperationException(
                        "online backup is for the embedded H2 database; back up PostgreSQL with pg_dump");
            }
            try {
                java.nio.file.Files.createDirectories(zip.toAbsolutePath().getParent());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create the folder of " + file + ": " + e.getMessage(), e);
            }
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + file + "'");
            }
            return null;
        });
    }

    @Override
    public void audit(Connection c, String actor, String action, String target, String detail) throws SQLException {
        JdbcAuditLog.insert(c, actor, action, target, detail);
    }

    static void bump(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE revision SET rev = rev + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }

    static long revision(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rev FROM revision WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
