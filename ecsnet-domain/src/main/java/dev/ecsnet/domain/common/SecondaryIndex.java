package dev.ecsnet.domain.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Resources by the values of one field, kept by the single writer as resources are created, changed and deleted.
 * Each value's resources are held sorted by their creation order (the order of the store's own insertion-ordered
 * map), so a lookup lists exactly what a scan of the store filtered on the field would, in the same order. One tree
 * node per resource and value; nothing else per resource.
 */
public final class SecondaryIndex<T> {
    private final Function<T, Collection<String>> keys;
    private final Comparator<T> order;
    private final Map<String, TreeSet<T>> byKey = new HashMap<>();

    /** {@code keys}: a resource's current values of the field; {@code order}: its creation order, unique and fixed. */
    public SecondaryIndex(Function<T, Collection<String>> keys, ToLongFunction<T> order) {
        this.keys = keys;
        this.order = Comparator.comparingLong(order);
    }

    /** A single-valued field (a null value files nothing). */
    public static <T> SecondaryIndex<T> of(Function<T, String> key, ToLongFunction<T> order) {
        return new SecondaryIndex<>(r -> {
            String k = key.apply(r);
            return k == null ? List.of() : List.of(k);
        }, order);
    }

    public void added(T resource) {
        for (String k : keys.apply(resource)) {
            byKey.computeIfAbsent(k, x -> new TreeSet<>(order)).add(resource);
        }
    }

    /** Forgets a resource, under the values it has now. */
    public void removed(T resource) {
        unfile(resource, keys.apply(resource));
    }

    /** The resource's values changed from {@code before} to what it has now; it keeps its place in creation order. */
    public void changed(T resource, Collection<String> before) {
        unfile(resource, before);
        added(resource);
    }

    /** The resources with any of these values, each once, in creation order. */
    public List<T> lookup(Collection<String> values) {
        if (values.size() == 1) {
            TreeSet<T> hit = byKey.get(values.iterator().next());
            return hit == null ? List.of() : new ArrayList<>(hit);
        }
        TreeSet<T> merged = new TreeSet<>(order);
        for (String v : values) {
            TreeSet<T> hit = byKey.get(v);
            if (hit != null) {
                merged.addAll(hit);
            }
        }
        return new ArrayList<>(merged);
    }

    private void unfile(T resource, Collection<String> from) {
        for (String k : from) {
            TreeSet<T> at = byKey.get(k);
            if (at != null) {
                at.remove(resource);
                if (at.isEmpty()) {
                    byKey.remove(k);
                }
            }
        }
    }
}
