package org.ruralinfo.archive;

import java.time.Instant;

/**
 * A public key whose packages this installation accepts.
 *
 * @param source {@code own} (the installation's key), {@code config} (configured) or {@code registered}
 */
public record TrustedKey(String fingerprint, String pem, String label, String source, Instant addedAt,
        String addedBy) {
}
