package org.ruralinfo.supervision.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Database;

/**
 * A named lease in the {@code leases} table: at most one holder at a time across every node of one database,
 * until it expires or is released. Taking it is one conditional UPDATE (the holder renews, anyone takes an
 * expired one), else an INSERT of a lease not there yet; a concurrent INSERT of the same name fails on the
 * primary key and that contender does not hold it. Portable SQL (H2 and PostgreSQL).
 */
final class Lease {
    private final Database db;
    private final String name;
    private final String holder;
    private final Duration ttl;
    private final Clock clock;

    Lease(Database db, String name, String holder, Duration ttl, Clock clock) {
        this.db = db;
        this.name = name;
        this.holder = holder;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @return whether this holder holds the lease now (taken, or renewed) until now + ttl */
    boolean acquire() {
        Instant now = clock.instant();
        int updated = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE leases SET holder = ?, expires_at = ? "
                    + "WHERE name = ? AND (holder = ? OR expires_at < ?)")) {
                ps.setString(1, holder);
                Columns.instant(ps, 2, now.plus(ttl));
                ps.setString(3, name);
                ps.setString(4, holder);
                Columns.instant(ps, 5, now);
                return ps.executeUpdate();
            }
        });
        if (updated > 0) {
            return true;
        }
        try {
            return db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, name);
                    ps.setString(2, holder);
                    Columns.instant(ps, 3, now.plus(ttl));
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException) {
                // the row exists (another holder's, not expired) or another node inserted it first
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease up if this holder holds it, so another node may take it at once. */
    void release() {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?")) {
                Columns.instant(ps, 1, clock.instant().minusSeconds(1));
                ps.setString(2, name);
                ps.setString(3, holder);
                return ps.executeUpdate();
            }
        });
    }

    String holder() {
        return holder;
    }
}
