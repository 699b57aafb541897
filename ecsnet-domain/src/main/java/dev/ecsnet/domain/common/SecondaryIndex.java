package dev.ecsnet.domain.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Resources by the values of one field, kept by the single writer as resources are created, changed and deleted.
 * Answers come in creation order (the order of the store's own insertion-ordered map), so a lookup lists exactly what a
 * scan of the store filtered on the field would, in the same order. {@code keys} gives a resource's current values
 * (several for a multi-valued field); a change of them must be told through {@link #changed}.
 */
public final class SecondaryIndex<T> {
    private final Function<T, String> id;
    private final Function<T, Collection<String>> keys;
    private final Map<String, TreeMap<Long, T>> byKey = new HashMap<>();
    /** id → (creation sequence, the keys it is filed under). */
    private final Map<String, Entry> entries = new HashMap<>();
    private long next;

    private record Entry(long seq, List<String> keys) {
    }

    public SecondaryIndex(Function<T, String> id, Function<T, Collection<String>> keys) {
        this.id = id;
        this.keys = keys;
    }

    /** A single-valued field (a null value files nothing). */
    public static <T> SecondaryIndex<T> of(Function<T, String> id, Function<T, String> key) {
        return new SecondaryIndex<>(id, r -> {
            String k = key.apply(r);
            return k == null ? List.of() : List.of(k);
        });
    }

    public void added(T resource) {
        Entry e = new Entry(next++, List.copyOf(keys.apply(resource)));
        entries.put(id.apply(resource), e);
        file(resource, e);
    }

    public void removed(T resource) {
        Entry e = entries.remove(id.apply(resource));
        if (e != null) {
            unfile(e);
        }
    }

    /** The resource's field values changed; it keeps its place in creation order. */
    public void changed(T resource) {
        Entry old = entries.get(id.apply(resource));
        if (old == null) {
            return;
        }
        unfile(old);
        Entry e = new Entry(old.seq(), List.copyOf(keys.apply(resource)));
        entries.put(id.apply(resource), e);
        file(resource, e);
    }

    /** The resources with any of these values, each once, in creation order. */
    public List<T> lookup(Collection<String> values) {
        if (values.size() == 1) {
            TreeMap<Long, T> hit = byKey.get(values.iterator().next());
            return hit == null ? List.of() : List.copyOf(hit.values());
        }
        TreeMap<Long, T> merged = new TreeMap<>();
        for (String v : values) {
            TreeMap<Long, T> hit = byKey.get(v);
            if (hit != null) {
                merged.putAll(hit);
            }
        }
        return new ArrayList<>(merged.values());
    }

    private void file(T resource, Entry e) {
        for (String k : e.keys()) {
            byKey.computeIfAbsent(k, x -> new TreeMap<>(Comparator.naturalOrder())).put(e.seq(), resource);
        }
    }

    private void unfile(Entry e) {
        for (String k : e.keys()) {
            TreeMap<Long, T> at = byKey.get(k);
            if (at != null) {
                at.remove(e.seq());
                if (at.isEmpty()) {
                    byKey.remove(k);
                }
            }
        }
    }
}
