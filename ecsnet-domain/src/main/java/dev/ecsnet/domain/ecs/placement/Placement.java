package dev.ecsnet.domain.ecs.placement;

import dev.ecsnet.domain.common.RandomStream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a host for one task: every host goes through the {@link Checks#PIPELINE}; feasible hosts are ordered
 * by the strategies in turn (each breaks the previous one's ties), and the host order given breaks what is left.
 * Every rejection is recorded with its reason and how far the host got, so callers can report RunTask failures
 * and the "closest matching" instance of a service event. Pure: no state, randomness from the caller's seed.
 */
public final class Placement {

    /** A host that could not take the task, the reason, and the number of checks it passed first. */
    public record Rejection(Host host, String reason, int passed) {
    }

    /** The chosen host, or none, and every rejection. */
    public record Decision(Optional<Host> chosen, List<Rejection> rejections) {
        /** The rejected host that passed the most checks (first one on a tie): the one service events name. */
        public Optional<Rejection> closest() {
            return rejections.stream().reduce((a, b) -> b.passed() > a.passed() ? b : a);
        }
    }

    private Placement() {
    }

    public static Decision decide(PlacementRequest request, List<Host> hosts, RandomStream random) {
        List<Host> feasible = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Host h : hosts) {
            Optional<Rejection> r = check(h, request);
            if (r.isPresent()) {
                rejections.add(r.get());
            } else {
                feasible.add(h);
            }
        }
        if (feasible.isEmpty()) {
            return new Decision(Optional.empty(), rejections);
        }
        List<PlacementRequest.Strategy> strategies = request.strategies().isEmpty()
                ? PlacementRequest.DEFAULT_STRATEGIES : request.strategies();
        Map<Host, Integer> randomKey = new HashMap<>();
        feasible.forEach(h -> randomKey.put(h, random.nextInt()));
        Comparator<Host> order = (a, b) -> 0;
        for (PlacementRequest.Strategy s : strategies) {
            order = order.thenComparing(scorer(s, request.group(), hosts, randomKey));
        }
        List<Host> sorted = new ArrayList<>(feasible);
        sorted.sort(order);
        return new Decision(Optional.of(sorted.get(0)), rejections);
    }

    private static Optional<Rejection> check(Host host, PlacementRequest request) {
        int passed = 0;
        for (FeasibilityCheck c : Checks.PIPELINE) {
            Optional<String> reason = c.reject(host, request);
            if (reason.isPresent()) {
                return Optional.of(new Rejection(host, reason.get(), passed));
            }
            passed++;
        }
        return Optional.empty();
    }

    /** Lower sorts first. */
    private static Comparator<Host> scorer(PlacementRequest.Strategy s, String group, List<Host> all, Map<Host, Integer> randomKey) {
        String field = s.field().orElse("");
        return switch (s.type()) {
            case "random" -> Comparator.comparing(randomKey::get);
            case "binpack" -> field.equalsIgnoreCase("cpu") ? Comparator.comparingInt(Host::remainingCpu)
                    : Comparator.comparingInt(Host::remainingMemory);
            case "spread" -> {
                Map<String, Integer> tasksByValue = new HashMap<>();
                for (Host h : all) {
                    tasksByValue.merge(spreadValue(h, field), h.tasksOf(group), Integer::sum);
                }
                yield Comparator.comparingInt(h -> tasksByValue.getOrDefault(spreadValue(h, field), 0));
            }
            default -> (a, b) -> 0;
        };
    }

    private static String spreadValue(Host h, String field) {
        if (field.equals("instanceId") || field.equals("host")) {
            return h.ec2InstanceId();
        }
        if (field.startsWith("attribute:")) {
            return h.attributes().getOrDefault(field.substring("attribute:".length()), "");
        }
        return "";
    }
}
