package org.ruralinfo.api;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The product's database for the capability bundles (intake, commissioning, supervision, archive):
 * one transaction per unit of work, the audit row in the same transaction as the change, and the
 * revision that tells the scoring engine its cached rankings are stale.
 */
@ProviderType
public interface Database {
    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     * A {@link RuntimeException} of the work (e.g. a {@link ValidationException}) is rethrown as is.
     *
     * @throws IllegalStateException wrapping an {@link SQLException}
     */
    <T> T transaction(SqlWork<T> work);

    /** Runs a read with a connection in auto-commit mode. */
    <T> T read(SqlWork<T> work);

    /**
     * Marks, inside the caller's transaction, that records scoring reads (items, adoptions, notices,
     * publicity, units, calendar, outlets) changed: cached rankings become stale when it commits.
     */
    void factsChanged(Connection connection) throws SQLException;

    /**
     * Marks, inside the caller's transaction, that one item changed (its row, or its adoptions), and
     * nothing else that scoring reads: like {@link #factsChanged} the cached rankings become stale when
     * it commits, but scoring may then read back only this item ({@link RecordStore#changesSince})
     * instead of the whole year (issue #9). A transaction that changes anything else calls
     * {@link #factsChanged}.
     *
     * @since 1.2
     */
    void itemChanged(Connection connection, String item) throws SQLException;

    /**
     * Writes a consistent online backup of the whole database to {@code zip} (the embedded H2's
     * {@code BACKUP TO}); with an external database (PostgreSQL) use its own tools instead.
     *
     * @throws UnsupportedOperationException when the database is not the embedded one
     * @since 1.1
     */
    void backup(java.nio.file.Path zip);

    /** Appends an audit row inside the caller's transaction (see {@link AuditLog#record}). */
    void audit(Connection connection, String actor, String action, String target, String detail)
            throws SQLException;
}
