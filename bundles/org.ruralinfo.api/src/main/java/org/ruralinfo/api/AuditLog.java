package org.ruralinfo.api;

import org.osgi.annotation.versioning.ProviderType;

/** The append-only audit trail of every state change and every login. */
@ProviderType
public interface AuditLog {
    /**
     * Appends a row.
     *
     * @param actor  who (a username, or {@code system})
     * @param action what, e.g. {@code user.create}, {@code login.failed}, {@code exchange.import}
     * @param target the record, e.g. {@code user:alice}
     * @param detail free text, may be null
     */
    void record(String actor, String action, String target, String detail);

    /**
     * @return the rows that match, newest first
     * @since 1.1
     */
    java.util.List<AuditEntry> query(AuditQuery query);
}
