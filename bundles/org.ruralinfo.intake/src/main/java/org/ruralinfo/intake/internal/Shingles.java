package org.ruralinfo.intake.internal;

import java.util.Arrays;

/**
 * The character 3-grams of a text with punctuation and whitespace removed (Art. 7(5) copy check): fit for
 * Chinese without a word segmenter. A 3-gram of UTF-16 chars is its own 48-bit number, so sets compare
 * exactly, without hash collisions.
 */
final class Shingles {
    static final int K = 3;

    /** The letters and digits of a text, lower-cased, and where each came from in the original. */
    record Normalized(char[] chars, int[] positions) {
        int length() {
            return chars.length;
        }
    }

    private Shingles() {
    }

    static Normalized normalize(String text) {
        char[] out = new char[text.length()];
        int[] pos = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                out[n] = Character.toLowerCase(ch);
                pos[n] = i;
                n++;
            }
        }
        return new Normalized(Arrays.copyOf(out, n), Arrays.copyOf(pos, n));
    }

    /** @return the 3-gram at {@code i} as a number */
    static long gram(char[] c, int i) {
        return ((long) c[i] << 32) | ((long) c[i + 1] << 16) | c[i + 2];
    }

    /** @return the distinct 3-grams, sorted */
    static long[] set(Normalized n) {
        int count = Math.max(0, n.length() - K + 1);
        long[] g = new long[count];
        for (int i = 0; i < count; i++) {
            g[i] = gram(n.chars(), i);
        }
        Arrays.sort(g);
        int d = 0;
        for (int i = 0; i < g.length; i++) {
            if (d == 0 || g[i] != g[d - 1]) {
                g[d++] = g[i];
            }
        }
        return Arrays.copyOf(g, d);
    }

    /** @return the Jaccard similarity of two sorted distinct sets */
    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /**
     * @return the longest passage of {@code text} (as written, punctuation included) whose consecutive
     *         3-grams all occur in {@code other}, at most {@code max} characters; empty when none
     */
    static String overlap(String text, Normalized n, long[] other, int max) {
        int count = n.length() - K + 1;
        int bestStart = -1;
        int bestLen = 0;
        int runStart = -1;
        for (int i = 0; i <= count; i++) {
            boolean hit = i < count && Arrays.binarySearch(other, gram(n.chars(), i)) >= 0;
            if (hit && runStart < 0) {
                runStart = i;
            } else if (!hit && runStart >= 0) {
                if (i - runStart > bestLen) {
                    bestLen = i - runStart;
                    bestStart = runStart;
                }
                runStart = -1;
            }
        }
        if (bestStart < 0) {
            return "";
        }
        int from = n.positions()[bestStart];
        int to = n.positions()[bestStart + bestLen - 1 + K - 1] + 1;
        String s = text.substring(from, to);
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
