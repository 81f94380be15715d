package org.ruralinfo.intake;

import java.time.LocalDate;

import org.ruralinfo.api.AdoptionLevel;

/** An adoption the editor records (Art. 19(1)); {@code issue} names the briefing issue, e.g. 2025年第12期. */
public record AdoptionRequest(AdoptionLevel level, LocalDate at, String issue) {
}
