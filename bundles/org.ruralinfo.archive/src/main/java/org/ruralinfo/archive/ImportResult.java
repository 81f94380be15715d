package org.ruralinfo.archive;

import org.ruralinfo.api.ImportCounts;

/**
 * What an exchange package import did.
 *
 * @param alreadyImported true when this very package (by the SHA-256 of its manifest) was imported before:
 *                        nothing was changed
 * @param counts          the records written, null when already imported
 * @param attachments     attachment files added
 */
public record ImportResult(String packageSha256, String signer, boolean alreadyImported, ImportCounts counts,
        int attachments) {
}
