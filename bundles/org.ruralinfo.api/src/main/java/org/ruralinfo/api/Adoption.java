package org.ruralinfo.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An adoption of an item at one level, on a date.
 *
 * @param item   the adopted item's id
 * @param level  where it was adopted
 * @param at     the adoption's date
 * @param issue  the briefing issue where there is one, else null
 * @param units  for a combined (综合) adoption, the units it credits (besides the item's own unit, which
 *               is always credited and may be listed too); empty: the item's own unit alone. Never null.
 * @param leader for a {@code region_instruction}, the level of the leader who instructed on it, a code
 *               such as {@code secretary}, {@code deputy_secretary}, {@code chairman},
 *               {@code vice_chairman}; null when unknown
 * @since 1.1
 */
public record Adoption(String item, AdoptionLevel level, LocalDate at, String issue, List<String> units,
        String leader) {

    public Adoption {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /** An adoption that credits the item's own unit alone, with no leader level. */
    public Adoption(String item, AdoptionLevel level, LocalDate at, String issue) {
        this(item, level, at, issue, List.of(), null);
    }
}
