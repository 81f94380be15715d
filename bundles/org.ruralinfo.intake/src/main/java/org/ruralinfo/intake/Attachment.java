package org.ruralinfo.intake;

import java.time.Instant;

/** A stored photo or scan of an item; the file is named by its SHA-256. */
public record Attachment(int seq, String name, String mediaType, long size, String sha256, Instant createdAt,
        String createdBy) {
}
