package org.ruralinfo.intake;

import java.time.Instant;

/** Who did a step and when, with the note it carries (a verdict, a reason), or null. */
public record Signoff(String by, Instant at, String note) {
}
