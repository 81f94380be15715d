package org.ruralinfo.api.scoring;

/** The id and version of the policy a report was scored with. */
public record PolicyRef(String id, String version) {
}
