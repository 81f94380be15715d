package org.ruralinfo.exchange.internal;

/**
 * Bounds that keep a hostile or broken input from exhausting the process: beyond them a document
 * is refused with a {@link org.ruralinfo.api.ValidationException}, never an out-of-memory error.
 *
 * @param maxProblems       problems listed before reading stops
 * @param maxNestingDepth   nesting of JSON arrays and objects (the format itself needs 3)
 * @param maxStringLength   length in characters of any JSON string, including ignored ones
 * @param maxDocumentLength length in bytes of the whole document
 */
public record Limits(int maxProblems, int maxNestingDepth, int maxStringLength, long maxDocumentLength) {

    /** Room for a region's year (~20 MB) several times over. */
    public static final Limits DEFAULT = new Limits(100, 64, 1_000_000, 256L * 1024 * 1024);

    public Limits {
        if (maxProblems < 1 || maxNestingDepth < 4 || maxStringLength < TextLimits.BODY || maxDocumentLength < 1) {
            throw new IllegalArgumentException("limits too small for the format: " + maxProblems + ", "
                    + maxNestingDepth + ", " + maxStringLength + ", " + maxDocumentLength);
        }
    }
}
