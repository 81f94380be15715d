package org.ruralinfo.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.AuditLog;

/** The audit trail in the {@code audit} table: rows are only ever inserted. */
@Component(service = AuditLog.class)
public class JdbcAuditLog implements AuditLog {
    private final DataSource ds;

    @Activate
    public JdbcAuditLog(@Reference(target = "(ruralinfo.db=main)") DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void record(String actor, String action, String target, String detail) {
        Jdbc.inTransaction(ds, c -> {
            insert(c, actor, action, target, detail);
            return null;
        });
    }

    /** Appends a row inside the caller's transaction, so the change and its audit row commit together. */
    static void insert(Connection c, String actor, String action, String target, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")) {
            Jdbc.setInstant(ps, 1, Instant.now());
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, target);
            ps.setString(5, detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail);
            ps.executeUpdate();
        }
    }
}
