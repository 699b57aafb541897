package dev.ecsnet.domain.appautoscaling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Things a scalable target owns by name (its scaling policies, its scheduled actions), in creation order. */
final class PerTarget<T> {
    private final Function<T, String> name;
    /** resource id → name → item. */
    private final Map<String, Map<String, T>> items = new LinkedHashMap<>();

    PerTarget(Function<T, String> name) {
        this.name = name;
    }

    Optional<T> get(String resourceId, String itemName) {
        return Optional.ofNullable(items.getOrDefault(resourceId, Map.of()).get(itemName));
    }

    void put(String resourceId, T item) {
        items.computeIfAbsent(resourceId, k -> new LinkedHashMap<>()).put(name.apply(item), item);
    }

    /** The items of one target (or of all), optionally only those named. */
    List<T> list(Optional<String> resourceId, List<String> names) {
        return items.entrySet().stream().filter(e -> resourceId.isEmpty() || e.getKey().equals(resourceId.get()))
                .flatMap(e -> e.getValue().values().stream())
                .filter(i -> names.isEmpty() || names.contains(name.apply(i))).toList();
    }

    boolean remove(String resourceId, String itemName) {
        Map<String, T> ofTarget = items.get(resourceId);
        return ofTarget != null && ofTarget.remove(itemName) != null;
    }

    void removeAll(String resourceId) {
        items.remove(resourceId);
    }

    /** Every target's items, targets in the order their groups were made; a group emptied by deletes is kept (it keeps its place). */
    Map<String, List<T>> groups() {
        Map<String, List<T>> out = new LinkedHashMap<>();
        items.forEach((resourceId, ofTarget) -> out.put(resourceId, List.copyOf(ofTarget.values())));
        return out;
    }

    /** For a restore: the groups {@link #groups()} gave replace these. */
    void restore(Map<String, List<T>> groups) {
        items.clear();
        groups.forEach((resourceId, ofTarget) -> {
            Map<String, T> byName = items.computeIfAbsent(resourceId, k -> new LinkedHashMap<>());
            ofTarget.forEach(item -> byName.put(name.apply(item), item));
        });
    }
}
