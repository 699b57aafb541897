package dev.ecsnet.domain.common;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A resource's tags (insertion-ordered, as before) that tell one observer of every change, whatever wrote it: the
 * tag calls, a create with tags, a propagation. That is what lets a {@link TagIndex} stay true without every
 * writer having to remember it. The observer is told the tags as they were just before the change. Entries read
 * through the views cannot be set; removals through them are observed.
 */
public final class ObservedTags extends AbstractMap<String, String> {
    private final Map<String, String> tags = new LinkedHashMap<>();
    private Consumer<Map<String, String>> observer;
    /** Where the observer files the resource among its kind (its place in its store), kept here rather than in a map. */
    private long order;
    private final Set<Entry<String, String>> entries = new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, String>> iterator() {
            Iterator<Entry<String, String>> it = tags.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Entry<String, String> next() {
                    return new SimpleImmutableEntry<>(it.next());
                }

                @Override
                public void remove() {
                    Map<String, String> before = before();
                    it.remove();
                    told(before);
                }
            };
        }

        @Override
        public int size() {
            return tags.size();
        }
    };

    /** The one observer (null: none), told the tags as they were before each change, and the resource's place for it. */
    public void observe(long order, Consumer<Map<String, String>> observer) {
        this.order = order;
        this.observer = observer;
    }

    long order() {
        return order;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return entries;
    }

    @Override
    public String get(Object key) {
        return tags.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return tags.containsKey(key);
    }

    @Override
    public int size() {
        return tags.size();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        tags.forEach(action);
    }

    @Override
    public String put(String key, String value) {
        if (tags.containsKey(key) && Objects.equals(tags.get(key), value)) {
            return value;
        }
        Map<String, String> before = before();
        String old = tags.put(key, value);
        told(before);
        return old;
    }

    @Override
    public String remove(Object key) {
        if (!tags.containsKey(key)) {
            return null;
        }
        Map<String, String> before = before();
        String old = tags.remove(key);
        told(before);
        return old;
    }

    @Override
    public void clear() {
        if (tags.isEmpty()) {
            return;
        }
        Map<String, String> before = before();
        tags.clear();
        told(before);
    }

    private Map<String, String> before() {
        return observer == null ? null : new LinkedHashMap<>(tags);
    }

    private void told(Map<String, String> before) {
        if (observer != null) {
            observer.accept(before);
        }
    }
}
