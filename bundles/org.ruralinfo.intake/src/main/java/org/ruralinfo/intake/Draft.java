package org.ruralinfo.intake;

import java.time.Instant;

import org.ruralinfo.api.ItemType;

/**
 * What an officer writes (API v1 {@code POST /api/v1/items}).
 *
 * @param unit       the unit, null for the officer's own
 * @param occurredAt when the meeting, decision or event happened (required for meeting and emergency)
 * @param notice     the notice a commissioned item answers (Art. 9)
 * @param group      the group a group summary is for (its lead unit only)
 * @param follows    the emergency of the same unit this one follows up (续报)
 */
public record Draft(String unit, ItemType type, String title, String body, Instant occurredAt, String notice,
        String group, String follows) {
}
