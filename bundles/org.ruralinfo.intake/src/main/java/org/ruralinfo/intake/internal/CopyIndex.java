package org.ruralinfo.intake.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MinHash signatures of every earlier item in memory, with an LSH band table to find the few that may
 * be similar to a new text (Art. 7(5)) without comparing it with all of them. Compact for tens of thousands
 * of items: signatures in one int array, the band table open-addressed on primitive arrays with chains
 * through a {@code next} array (about 1.5 KB per item). Thread-safe.
 */
final class CopyIndex {
    /** An indexed item that may be similar, with the signatures' estimate of the similarity. */
    record Candidate(String id, double estimate) {
    }

    private final Map<String, Integer> ordinals = new HashMap<>();
    private final BitSet dead = new BitSet();
    private String[] ids = new String[1024];
    private int[] sigs = new int[1024 * MinHash.BINS];
    private int[] next = new int[1024 * MinHash.BANDS];
    private int[] stamp = new int[1024];
    private int stampValue;
    private int count;
    // band key -> 1 + first entry of its chain (entry = ordinal * BANDS + band); 0 = free slot
    private long[] keys = new long[4096];
    private int[] heads = new int[4096];
    private int used;

    /** Adds (or replaces) the signature of an item; a null signature only removes it. */
    synchronized void put(String id, int[] sig) {
        Integer old = ordinals.remove(id);
        if (old != null) {
            dead.set(old);
        }
        if (sig == null) {
            return;
        }
        int ord = count++;
        grow(count);
        ids[ord] = id;
        System.arraycopy(sig, 0, sigs, ord * MinHash.BINS, MinHash.BINS);
        ordinals.put(id, ord);
        for (int b = 0; b < MinHash.BANDS; b++) {
            link(MinHash.band(sig, 0, b), ord * MinHash.BANDS + b);
        }
    }

    synchronized boolean contains(String id) {
        return ordinals.containsKey(id);
    }

    synchronized int size() {
        return ordinals.size();
    }

    /**
     * @return at most {@code limit} items sharing a band with {@code sig}, other than {@code exclude}, whose
     *         estimated similarity is at least {@code min}, most similar first
     */
    synchronized List<Candidate> candidates(int[] sig, String exclude, double min, int limit) {
        stampValue++;
        if (stampValue == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            stampValue = 1;
        }
        Integer self = exclude == null ? null : ordinals.get(exclude);
        List<Candidate> found = new ArrayList<>();
        for (int b = 0; b < MinHash.BANDS; b++) {
            int slot = slot(MinHash.band(sig, 0, b));
            if (heads[slot] == 0) {
                continue;
            }
            for (int e = heads[slot] - 1; e >= 0; e = next[e] - 1) {
                int ord = e / MinHash.BANDS;
                if (stamp[ord] == stampValue || dead.get(ord) || (self != null && self == ord)) {
                    continue;
                }
                stamp[ord] = stampValue;
                double est = MinHash.estimate(sig, 0, sigs, ord * MinHash.BINS);
                if (est >= min) {
                    found.add(new Candidate(ids[ord], est));
                }
            }
        }
        found.sort(Comparator.comparingDouble(Candidate::estimate).reversed().thenComparing(Candidate::id));
        return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
    }

    private void link(long key, int entry) {
        if ((used + 1) * 2 > keys.length) {
            rehash();
        }
        int slot = slot(key);
        if (heads[slot] == 0) {
            keys[slot] = key;
            used++;
        }
        next[entry] = heads[slot];
        heads[slot] = entry + 1;
    }

    /** @return the slot of {@code key}: where it is, or the free slot where it would go */
    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) MinHash.mix(key) & mask;
        while (heads[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != 0) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                heads[s] = oldHeads[i];
            }
        }
    }

    private void grow(int n) {
        if (n <= ids.length) {
            return;
        }
        int cap = Math.max(n, ids.length * 2);
        ids = Arrays.copyOf(ids, cap);
        sigs = Arrays.copyOf(sigs, cap * MinHash.BINS);
        next = Arrays.copyOf(next, cap * MinHash.BANDS);
        stamp = Arrays.copyOf(stamp, cap);
    }
}
