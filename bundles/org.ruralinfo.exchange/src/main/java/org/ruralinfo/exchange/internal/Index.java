package org.ruralinfo.exchange.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The records of one kind by key: those of the document first, then those the installation
 * already holds (each asked at most once).
 *
 * @param <K> the key, e.g. an id
 * @param <T> the record
 */
final class Index<K, T> {

    private record Entry<T>(int position, T record) {
    }

    private final Map<K, Entry<T>> own = new HashMap<>();
    private final Map<K, Optional<T>> stored = new HashMap<>();
    private final Function<K, Optional<T>> existing;

    /** @param existing the installation's lookup; it may return null for none */
    Index(Function<K, Optional<T>> existing) {
        this.existing = existing;
    }

    /**
     * Adds a record of the document.
     *
     * @return the position of an earlier record of the document with the same key (the duplicate is
     *         not added), or -1
     */
    int add(K key, T record, int position) {
        Entry<T> earlier = own.putIfAbsent(key, new Entry<>(position, record));
        return earlier == null ? -1 : earlier.position();
    }

    /** @return the record with this key, from the document or else the installation, or null */
    T find(K key) {
        Entry<T> e = own.get(key);
        if (e != null) {
            return e.record();
        }
        return stored.computeIfAbsent(key, k -> {
            Optional<T> found = existing.apply(k);
            return found == null ? Optional.empty() : found;
        }).orElse(null);
    }
}
