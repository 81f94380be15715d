package org.ruralinfo.api.scoring;

/**
 * One explained score line of a unit.
 *
 * @param unit     the unit id
 * @param category the ranking column it adds to
 * @param points   the points, negative for deductions
 * @param rule     the article it applies, e.g. {@code Art.19(1)}
 * @param ref      the record it came from, e.g. {@code item:I-1}, {@code quota:korla:2025-08}
 * @param reason   why, in words a unit can check
 */
public record PointLine(String unit, Category category, int points, String rule, String ref, String reason) {
}
