package org.ruralinfo.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder the daily check suggests to the editor.
 *
 * @param subject what it is about ({@code quota:…}, {@code group:…}, {@code research:…}, {@code notice:…},
 *                {@code item:…}), the subject a reminder would name
 * @param due     the deadline or period end concerned, may be null
 */
public record Suggestion(long id, String unit, String subject, String reason, Instant due, LocalDate checkDate) {
}
