package dev.ecsnet.domain.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One resource type's resources by tag key and by tag key and value, kept by the single writer: a resource is filed
 * when it joins its store ({@link #added}) and follows its own {@link ObservedTags} from then on, so every write of
 * its tags, wherever it happens, moves it. Answers are in the order resources were added, which is their store's
 * insertion order and so the order of a scan.
 */
public final class TagIndex<T extends Taggable> {
    /** Separates key and value in a pair's index key; a tag key cannot contain it (EC2 keys are printable text). */
    private static final char PAIR = '\u0000';
    private long next;
    private final SecondaryIndex<T> byKey = new SecondaryIndex<>(r -> List.copyOf(r.tags().keySet()), this::orderOf);
    private final SecondaryIndex<T> byPair = new SecondaryIndex<>(r -> pairs(r.tags()), this::orderOf);

    /** Files a resource that has just joined its store (with the tags it already has) and follows its tags. */
    public void added(T resource) {
        ObservedTags tags = observed(resource);
        tags.observe(next++, before -> {
            byKey.changed(resource, List.copyOf(before.keySet()));
            byPair.changed(resource, pairs(before));
        });
        if (!tags.isEmpty()) {
            byKey.added(resource);
            byPair.added(resource);
        }
    }

    /** Forgets a resource that has left its store. */
    public void removed(T resource) {
        ObservedTags tags = observed(resource);
        if (!tags.isEmpty()) {
            byKey.removed(resource);
            byPair.removed(resource);
        }
        tags.observe(0, null);
    }

    /** The resources with tag {@code key} set to any of {@code values} (exact), in store order. */
    public List<T> withTag(String key, Collection<String> values) {
        return byPair.lookup(values.stream().map(v -> key + PAIR + v).toList());
    }

    /** The resources that have any of these tag keys, in store order. */
    public List<T> withKeys(Collection<String> keys) {
        return byKey.lookup(keys);
    }

    private long orderOf(T resource) {
        return observed(resource).order();
    }

    private static List<String> pairs(Map<String, String> tags) {
        List<String> out = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> out.add(k + PAIR + v));
        return out;
    }

    private static ObservedTags observed(Taggable resource) {
        if (resource.tags() instanceof ObservedTags tags) {
            return tags;
        }
        throw new IllegalStateException(resource.id() + " keeps its tags in a map that cannot be observed");
    }
}
