package org.ruralinfo.archive;

import java.util.List;

/**
 * The answer of a verification: {@code intact} when every file matches the manifest, the manifest
 * matches its signature and the signing key is trusted.
 *
 * @param signer the fingerprint the manifest names, or null when there is none
 * @param kind   the manifest's kind ({@code volume} or {@code exchange}), or null
 */
public record Verification(boolean intact, List<Problem> problems, String signer, String kind, int files) {
    public Verification {
        problems = List.copyOf(problems);
    }
}
