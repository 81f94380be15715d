package org.ruralinfo.archive.internal;

/**
 * What a package read from outside may be: the body, the files uncompressed (in total and each), their
 * number, and the compression ratio past {@link #RATIO_FLOOR} bytes (a zip bomb).
 */
record Limits(long packageBytes, long totalBytes, long entryBytes, int entries, int ratio) {
    /** Below this many uncompressed bytes the ratio is not judged (tiny files compress well). */
    static final long RATIO_FLOOR = 1L << 20;

    static final Limits DEFAULT = new Limits(512L << 20, 1L << 30, 256L << 20, 20_000, 100);

    static Limits of(ArchiveConfig c) {
        if (c.package_max__bytes() < 1 || c.uncompressed_max__bytes() < 1 || c.entry_max__bytes() < 1
                || c.entries_max() < 1 || c.ratio_max() < 2) {
            throw new IllegalArgumentException("org.ruralinfo.archive: a limit is out of range");
        }
        return new Limits(c.package_max__bytes(), c.uncompressed_max__bytes(), c.entry_max__bytes(), c.entries_max(),
                c.ratio_max());
    }
}
