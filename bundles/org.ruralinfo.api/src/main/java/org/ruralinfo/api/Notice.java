package org.ruralinfo.api;

import java.time.Instant;
import java.util.List;

/** A commissioning notice (约稿通知, Art. 9) addressed to some units. */
public record Notice(String id, String title, String requirements, Instant issuedAt, Instant deadline,
        List<String> units) {
    public Notice {
        units = List.copyOf(units);
    }
}
