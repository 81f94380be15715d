package org.ruralinfo.archive;

import java.time.Instant;
import java.util.List;

/**
 * An item of a volume.
 *
 * @param reasons     why it is in the volume: {@code forwarded}, {@code region_publication},
 *                    {@code region_instruction}
 * @param adoptions   its adoption levels
 * @param attachments how many files it has
 */
public record VolumeItem(String id, String unit, String type, String title, Instant submittedAt,
        Instant forwardedAt, String forwardedBy, List<String> reasons, List<String> adoptions, int attachments) {
    public VolumeItem {
        reasons = List.copyOf(reasons);
        adoptions = List.copyOf(adoptions);
    }
}
