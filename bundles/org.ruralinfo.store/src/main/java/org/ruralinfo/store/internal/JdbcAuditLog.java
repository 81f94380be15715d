package org.ruralinfo.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.Columns;
import org.ruralinfo.api.AuditEntry;
import org.ruralinfo.api.AuditLog;
import org.ruralinfo.api.AuditQuery;

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

    @Override
    public List<AuditEntry> query(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, target, detail FROM audit WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(q.actor());
        }
        if (q.actionPrefix() != null) {
            sql.append(" AND action LIKE ? ESCAPE '!'");
            args.add(q.actionPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (q.target() != null) {
            sql.append(" AND target = ?");
            args.add(q.target());
        }
        if (q.from() != null) {
            sql.append(" AND at >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND at < ?");
            args.add(q.to());
        }
        sql.append(" ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        args.add(Math.max(0, q.offset()));
        args.add(Math.max(1, Math.min(q.limit(), 10_000)));
        return Jdbc.read(ds, c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Object a = args.get(i);
                    if (a instanceof Instant t) {
                        Columns.instant(ps, i + 1, t);
                    } else {
                        ps.setObject(i + 1, a);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong("id"), Columns.instant(rs, "at"), rs.getString("actor"),
                                rs.getString("action"), rs.getString("target"), rs.getString("detail")));
                    }
                }
            }
            return out;
        });
    }

    /** Appends a row inside the caller's transaction, so the change and its audit row commit together. */
    static void insert(Connection c, String actor, String action, String target, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")) {
            Columns.instant(ps, 1, Instant.now());
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, target);
            ps.setString(5, detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail);
            ps.executeUpdate();
        }
    }
}
