package org.ruralinfo.commissioning;

import java.time.Instant;
import java.util.List;

/**
 * A notice to issue.
 *
 * @param title        the topic
 * @param requirements the writing requirements, may be null
 * @param deadline     the instant by which an item must be submitted (the instant itself is on time)
 * @param units        the addressed units, at least one
 */
public record NewNotice(String title, String requirements, Instant deadline, List<String> units) {
    public NewNotice {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
