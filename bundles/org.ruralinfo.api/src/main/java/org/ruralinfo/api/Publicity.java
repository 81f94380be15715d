package org.ruralinfo.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A publicity report of a unit (附件二 news, 附件三 online).
 *
 * @param level      the level the unit reported, or null; the outlet table overrides it for known outlets
 * @param manuscript the manuscript the article is from, or null (then it is a manuscript of its own)
 */
public record Publicity(String id, String unit, Channel channel, String outlet, OutletLevel level, String title,
        String manuscript, LocalDate published, Instant reportedAt) {
}
