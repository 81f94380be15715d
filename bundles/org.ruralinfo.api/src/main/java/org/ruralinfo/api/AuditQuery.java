package org.ruralinfo.api;

import java.time.Instant;

/**
 * A filter of the audit trail; null fields do not filter. Rows come newest first.
 *
 * @param actionPrefix e.g. {@code login} matches {@code login}, {@code login.failed}, {@code login.throttled}
 * @since 1.1
 */
public record AuditQuery(String actor, String actionPrefix, String target, Instant from, Instant to, int offset,
        int limit) {
}
