package org.ruralinfo.api;

import java.time.Instant;

/**
 * An information item as scoring and exchange see it.
 *
 * @param occurredAt when the meeting, decision or event happened (meeting and emergency items), else null
 * @param notice     the notice a commissioned item answers, else null
 * @param group      the group a group summary is for, else null
 * @param follows    the emergency item this one follows up (续报), else null
 */
public record Item(String id, String unit, ItemType type, String title, String body, Instant submittedAt,
        Instant occurredAt, String notice, String group, String follows, ItemStatus status,
        boolean researchQualified) {
}
