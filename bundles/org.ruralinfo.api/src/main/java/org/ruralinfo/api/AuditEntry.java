package org.ruralinfo.api;

import java.time.Instant;

/** One row of the audit trail. @since 1.1 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
}
