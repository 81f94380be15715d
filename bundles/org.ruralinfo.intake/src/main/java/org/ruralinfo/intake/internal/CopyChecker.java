package org.ruralinfo.intake.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ruralinfo.intake.CopyCheck;

/**
 * The copy check of Art. 7(5) (不得照抄照搬): a new body is compared with every earlier item of every unit.
 * Its MinHash signature finds, through the LSH bands, the few earlier items that may be similar; their
 * bodies are then read and compared exactly (Jaccard similarity of the 3-gram sets). At or above the
 * threshold the closest one is reported, with the longest passage the two share.
 */
final class CopyChecker {
    /** Reads the bodies of some items by id. */
    @FunctionalInterface
    interface Bodies {
        Map<String, String> of(List<String> ids);
    }

    /** How many candidates are compared exactly, at most. */
    static final int EXACT = 5;
    /** How far below the threshold a signature estimate may be and still be compared exactly. */
    static final double SLACK = 0.15;
    static final int OVERLAP_MAX = 300;

    private final CopyIndex index;
    private final double threshold;

    CopyChecker(CopyIndex index, double threshold) {
        this.index = index;
        this.threshold = threshold;
    }

    /** @return the closest earlier item at or above the threshold, or null */
    CopyCheck check(String id, String body, Bodies bodies, Instant now) {
        if (body == null) {
            return null;
        }
        Shingles.Normalized n = Shingles.normalize(body);
        long[] grams = Shingles.set(n);
        int[] sig = MinHash.signature(grams);
        if (sig == null) {
            return null;
        }
        List<CopyIndex.Candidate> candidates = index.candidates(sig, id, threshold - SLACK, EXACT);
        if (candidates.isEmpty()) {
            return null;
        }
        Map<String, String> texts = bodies.of(candidates.stream().map(CopyIndex.Candidate::id).toList());
        String best = null;
        double bestSim = -1;
        long[] bestGrams = null;
        for (CopyIndex.Candidate c : candidates) {
            String other = texts.get(c.id());
            if (other == null) {
                continue;
            }
            long[] og = Shingles.set(Shingles.normalize(other));
            double sim = Shingles.jaccard(grams, og);
            if (sim > bestSim) {
                best = c.id();
                bestSim = sim;
                bestGrams = og;
            }
        }
        if (best == null || bestSim < threshold) {
            return null;
        }
        double rounded = Math.round(bestSim * 10_000) / 10_000.0;
        return new CopyCheck(best, rounded, Shingles.overlap(body, n, bestGrams, OVERLAP_MAX), now);
    }

    /** Adds (or replaces) an item's body in the index, for the checks of later items. */
    void add(String id, String body) {
        index.put(id, body == null ? null : MinHash.signature(Shingles.set(Shingles.normalize(body))));
    }

    void remove(String id) {
        index.put(id, null);
    }

    CopyIndex index() {
        return index;
    }
}
