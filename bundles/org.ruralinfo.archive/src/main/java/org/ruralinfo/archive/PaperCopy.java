package org.ruralinfo.archive;

import java.time.Instant;
import java.time.LocalDate;

/** A registered paper copy (see {@link PaperRequest}). */
public record PaperCopy(long id, int year, String item, String box, String volume, String piece, String shelf,
        String filedBy, LocalDate filedOn, String note, Instant registeredAt, String registeredBy) {
}
