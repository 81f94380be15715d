package org.ruralinfo.api.scoring;

import java.time.LocalDate;

/**
 * An installed scoring policy.
 *
 * @param bundle the symbolic name of the bundle that provides it
 * @param active whether it is the policy in force today
 */
public record PolicyInfo(String id, String version, LocalDate effectiveFrom, String bundle, boolean active) {
}
