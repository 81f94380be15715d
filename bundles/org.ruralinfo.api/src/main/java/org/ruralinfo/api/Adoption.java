package org.ruralinfo.api;

import java.time.LocalDate;

/** An adoption of an item at one level, on a date; {@code issue} names the briefing issue where there is one. */
public record Adoption(String item, AdoptionLevel level, LocalDate at, String issue) {
}
