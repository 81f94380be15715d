package org.ruralinfo.intake.internal;

/**
 * MinHash signatures of 3-gram sets by one-permutation hashing with rotation densification (Li, Owen and
 * Zhang 2012; Shrivastava and Li 2014): each 3-gram is hashed once and falls into one of {@link #BINS} bins,
 * each bin keeps its minimum; an empty bin borrows from the next non-empty one. Two signatures agree in a
 * bin with probability (about) the Jaccard similarity of the sets, as with 128 independent hash functions,
 * at the cost of one hash per 3-gram instead of 128: a region's year of items is signed in well under a
 * second when the index is rebuilt.
 */
final class MinHash {
    static final int BINS = 128;
    /** LSH banding: 32 bands of 4 bins; a pair at Jaccard 0.6 shares a band with probability 0.99. */
    static final int BANDS = 32;
    static final int ROWS = BINS / BANDS;

    private MinHash() {
    }

    /** @return the signature of a 3-gram set, or null for an empty set */
    static int[] signature(long[] grams) {
        if (grams.length == 0) {
            return null;
        }
        long[] min = new long[BINS];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (long g : grams) {
            long h = mix(g);
            int bin = (int) (h >>> 57); // the top 7 bits: 128 bins
            long v = h & 0x01FF_FFFF_FFFF_FFFFL;
            if (v < min[bin]) {
                min[bin] = v;
            }
        }
        int[] sig = new int[BINS];
        for (int b = 0; b < BINS; b++) {
            int src = b;
            int step = 0;
            while (min[src] == Long.MAX_VALUE) {
                src = (src + 1) % BINS;
                step++;
            }
            long v = min[src];
            sig[b] = (int) (mix(v + step * 0x9E37_79B9_7F4A_7C15L) >>> 32);
        }
        return sig;
    }

    /** @return the fraction of bins in which two signatures agree: an estimate of their Jaccard similarity */
    static double estimate(int[] a, int aBase, int[] sigs, int base) {
        int same = 0;
        for (int b = 0; b < BINS; b++) {
            if (a[aBase + b] == sigs[base + b]) {
                same++;
            }
        }
        return (double) same / BINS;
    }

    /** @return the key of band {@code band} of a signature */
    static long band(int[] sig, int base, int band) {
        long h = 0x632B_E59B_D9B4_E019L + band;
        for (int r = 0; r < ROWS; r++) {
            h = mix(h ^ (sig[base + band * ROWS + r] & 0xFFFF_FFFFL));
        }
        return h;
    }

    /** SplitMix64's finalizer: a fast, well-mixing 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
