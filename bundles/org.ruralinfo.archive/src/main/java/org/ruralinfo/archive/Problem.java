package org.ruralinfo.archive;

/** One thing wrong with a package: the file (path inside the ZIP) and what. */
public record Problem(String path, String message) {
}
