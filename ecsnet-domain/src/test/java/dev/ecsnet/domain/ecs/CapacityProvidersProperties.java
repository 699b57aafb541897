package dev.ecsnet.domain.ecs;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a capacity provider strategy shares tasks ({@link CapacityProviders#pick}): the provider with a base gets its
 * base first, and beyond the base every provider stays within one task of its share by weight.
 */
class CapacityProvidersProperties {

    @Provide
    Arbitrary<List<CapacityProviderStrategyItem>> strategies() {
        return Arbitraries.integers().between(1, 4).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, 10).list().ofSize(n),
                Arbitraries.integers().between(-1, n - 1),
                Arbitraries.integers().between(1, 20)).as((weights, baseAt, base) -> {
                    List<CapacityProviderStrategyItem> items = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        int w = weights.get(i);
                        // at least one provider takes a share by weight
                        if (i == n - 1 && items.stream().allMatch(x -> x.weight() == 0) && w == 0) {
                            w = 1;
                        }
                        items.add(new CapacityProviderStrategyItem("p" + i, w, i == baseAt ? base : 0));
                    }
                    return items;
                }));
    }

    @Property(tries = 500)
    void baseFirstThenWithinOneTaskOfEachShare(@ForAll("strategies") List<CapacityProviderStrategyItem> strategy,
                                               @ForAll @IntRange(min = 1, max = 200) int tasks) {
        Map<String, Integer> placed = new HashMap<>();
        for (int n = 1; n <= tasks; n++) {
            placed.merge(CapacityProviders.pick(strategy, placed), 1, Integer::sum);
            int baseTotal = 0;
            for (CapacityProviderStrategyItem i : strategy) {
                int count = placed.getOrDefault(i.capacityProvider(), 0);
                assertThat(count).as("base of %s after %d tasks", i, n).isGreaterThanOrEqualTo(Math.min(i.base(), n));
                baseTotal += Math.min(i.base(), count);
            }
            int beyond = n - baseTotal;
            int weights = strategy.stream().mapToInt(CapacityProviderStrategyItem::weight).sum();
            for (CapacityProviderStrategyItem i : strategy) {
                int count = Math.max(0, placed.getOrDefault(i.capacityProvider(), 0) - i.base());
                double share = beyond * (double) i.weight() / weights;
                assertThat(Math.abs(count - share)).as("share of %s after %d tasks (%s)", i, n, placed).isLessThan(1.0);
            }
        }
    }

    @Example
    void theDocumentedExampleSharesOneToFour() {
        List<CapacityProviderStrategyItem> strategy = List.of(new CapacityProviderStrategyItem("A", 1, 0),
                new CapacityProviderStrategyItem("B", 4, 0));
        Map<String, Integer> placed = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            placed.merge(CapacityProviders.pick(strategy, placed), 1, Integer::sum);
        }
        assertThat(placed).containsEntry("A", 2).containsEntry("B", 8);
    }

    @Example
    void aBaseOfOneComesFirst() {
        List<CapacityProviderStrategyItem> strategy = List.of(new CapacityProviderStrategyItem("FARGATE_SPOT", 4, 0),
                new CapacityProviderStrategyItem("FARGATE", 1, 1));
        assertThat(CapacityProviders.pick(strategy, Map.of())).isEqualTo("FARGATE");
        assertThat(CapacityProviders.pick(strategy, Map.of("FARGATE", 1))).isEqualTo("FARGATE_SPOT");
    }
}
