package dev.ecsnet.domain.ecs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks of one cluster name, stopped ones included: by id, in launch order (a list, so a page can resume at a
 * position), and counted by last status as tasks move (DescribeClusters' counts without a scan).
 */
final class ClusterTasks {
    private final Map<String, Task> byId = new LinkedHashMap<>();
    private final List<Task> inLaunchOrder = new ArrayList<>();
    private final Map<TaskLifecycle, Integer> byStatus = new EnumMap<>(TaskLifecycle.class);

    void add(Task task) {
        if (byId.putIfAbsent(task.id(), task) == null) {
            inLaunchOrder.add(task);
            moved(null, task.lastStatus());
            task.countIn(this);
        }
    }

    void moved(TaskLifecycle from, TaskLifecycle to) {
        if (from != null) {
            byStatus.merge(from, -1, Integer::sum);
        }
        byStatus.merge(to, 1, Integer::sum);
    }

    Optional<Task> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Collection<Task> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** Random access, for paging by position. */
    List<Task> inLaunchOrder() {
        return Collections.unmodifiableList(inLaunchOrder);
    }

    int count(TaskLifecycle status) {
        return byStatus.getOrDefault(status, 0);
    }
}
