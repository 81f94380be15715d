package org.ruralinfo.commissioning;

import java.time.Instant;
import java.util.List;

/**
 * A notice as its reader may see it.
 *
 * @param issuedBy who issued it through the API, or null (it came by exchange import)
 * @param units    the addressed units the reader may see, each with its delivery status
 */
public record NoticeView(String id, String title, String requirements, Instant issuedAt, Instant deadline,
        String issuedBy, List<UnitDelivery> units) {
    public NoticeView {
        units = List.copyOf(units);
    }
}
