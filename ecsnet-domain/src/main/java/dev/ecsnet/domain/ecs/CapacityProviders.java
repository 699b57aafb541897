package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * Capacity providers: the two AWS-managed Fargate providers every account has ({@code FARGATE}, {@code
 * FARGATE_SPOT}), the Auto Scaling group providers users create ({@link AsgCapacityProviders}, scaled by
 * {@link ManagedScaling}), which of them a cluster has with its default
 * strategy (PutClusterCapacityProviders), the rules every strategy obeys, and how a strategy shares tasks between
 * its providers ({@link #pick}). A FARGATE_SPOT task is an ordinary Fargate task here: it is never interrupted.
 */
public final class CapacityProviders {
    public static final String FARGATE = "FARGATE";
    public static final String FARGATE_SPOT = "FARGATE_SPOT";
    static final int MAX_BASE = 100_000;
    static final int MAX_WEIGHT = 1_000;
    static final int MAX_STRATEGY_ITEMS = 20;

    public static final String EC2_AUTOSCALING = "EC2_AUTOSCALING";

    /** A capacity provider as DescribeCapacityProviders shows it; the Fargate ones are always ACTIVE and have no group. */
    public record CapacityProvider(String name, String arn, String type, Optional<AsgCapacityProvider> asg) {
        public String status() {
            return asg.map(AsgCapacityProvider::status).orElse("ACTIVE");
        }
    }

    /** A DescribeCapacityProviders answer: the providers found, in order, and the names that were not. */
    public record Described(List<CapacityProvider> providers, List<LaunchResult.Failure> failures) {
    }

    private final Ecs ecs;
    /** Timer kind: a cluster's attachments (key: its name, args: their generation) complete their update. */
    private static final String ATTACHMENTS_UPDATED = "ecs.cluster.attachments-updated";

    private final Timers timers;
    private long attachmentGenerations;
    private final TimingProfile timing;
    private final List<CapacityProvider> builtIn;
    private final AsgCapacityProviders groupProviders;
    private final ManagedScaling scaling;

    CapacityProviders(Ecs ecs, EcsArns arns, Timers timers, TimingProfile timing) {
        this.ecs = ecs;
        this.timers = timers;
        this.timing = timing;
        this.builtIn = List.of(new CapacityProvider(FARGATE, arns.capacityProvider(FARGATE), FARGATE, Optional.empty()),
                new CapacityProvider(FARGATE_SPOT, arns.capacityProvider(FARGATE_SPOT), FARGATE_SPOT, Optional.empty()));
        this.groupProviders = new AsgCapacityProviders(ecs);
        this.scaling = new ManagedScaling(ecs, groupProviders, timers, timing);
        timers.on(ATTACHMENTS_UPDATED, (name, generation) -> ecs.findCluster(name).ifPresent(c -> c.attachmentsUpdated(Long.parseLong(generation))));
    }

    /** Wires EC2 Auto Scaling in: Auto Scaling group providers find their groups and scale them through it. */
    public void connect(CapacityGroups groups) {
        groupProviders.connect(groups);
    }

    CapacityGroups groupsPort() {
        return groupProviders.groups();
    }

    /** Managed scaling of the Auto Scaling group providers. */
    ManagedScaling scaling() {
        return scaling;
    }

    AsgCapacityProviders groupProviders() {
        return groupProviders;
    }

    /** The last generation a cluster's attachment update was armed with (snapshots). */
    long attachmentGenerations() {
        return attachmentGenerations;
    }

    void attachmentGenerations(long last) {
        attachmentGenerations = last;
    }

    /** Every capacity provider of the account and region: the Fargate ones, then the groups' (INACTIVE ones too). */
    public List<CapacityProvider> all() {
        List<CapacityProvider> out = new ArrayList<>(builtIn);
        groupProviders.all().forEach(p -> out.add(view(p)));
        return out;
    }

    /** A provider by name or ARN (an INACTIVE group provider too, as DescribeCapacityProviders still shows it). */
    public Optional<CapacityProvider> find(String nameOrArn) {
        Optional<CapacityProvider> fargate = builtIn.stream().filter(p -> p.name().equals(nameOrArn) || p.arn().equals(nameOrArn)).findFirst();
        if (fargate.isPresent()) {
            return fargate;
        }
        return groupProviders.find(nameOrArn).filter(p -> p.name().equals(nameOrArn) || p.arn().equals(nameOrArn)).map(CapacityProviders::view);
    }

    /** An ACTIVE provider by name or ARN: one a cluster or a strategy can name. */
    Optional<CapacityProvider> findActive(String nameOrArn) {
        return find(nameOrArn).filter(p -> p.status().equals("ACTIVE"));
    }

    /** The ACTIVE Auto Scaling group provider of that name, if it is one. */
    public Optional<AsgCapacityProvider> groupProvider(String name) {
        return groupProviders.active(name);
    }

    private static CapacityProvider view(AsgCapacityProvider p) {
        return new CapacityProvider(p.name(), p.arn(), EC2_AUTOSCALING, Optional.of(p));
    }

    /** CreateCapacityProvider: an Auto Scaling group provider. */
    public CapacityProvider createCapacityProvider(String name, String groupRef, AsgCapacityProviders.Scaling managedScaling,
                                                   Optional<String> terminationProtection, Optional<String> draining, Map<String, String> tags) {
        return view(groupProviders.create(name, groupRef, managedScaling, terminationProtection, draining, tags));
    }

    /** UpdateCapacityProvider; managed scaling evaluates the group again with the new settings. */
    public CapacityProvider updateCapacityProvider(String nameOrArn, AsgCapacityProviders.Update update) {
        AsgCapacityProvider p = groupProviders.update(nameOrArn, update);
        scaling.kick(p);
        return view(p);
    }

    /** DeleteCapacityProvider: INACTIVE, or DELETE_FAILED (not an error) while a cluster has it. */
    public CapacityProvider deleteCapacityProvider(String nameOrArn) {
        if (builtIn.stream().anyMatch(p -> p.name().equals(nameOrArn) || p.arn().equals(nameOrArn))) {
            // the rule (Fargate providers are AWS's) is documented; the wording is ecsnet's
            throw invalidParameter("The FARGATE and FARGATE_SPOT capacity providers are reserved and cannot be deleted.");
        }
        return view(groupProviders.delete(nameOrArn));
    }

    /** DescribeCapacityProviders: the named ones (all without names), only the cluster's when a cluster is given. */
    public Described describe(List<String> refs, Optional<String> clusterRef) {
        if (refs.size() > 100) {
            throw invalidParameter("capacityProviders can have at most 100 items.");
        }
        Optional<Cluster> cluster = clusterRef.map(c -> ecs.cluster(Optional.of(c)));
        List<CapacityProvider> found = new ArrayList<>();
        List<LaunchResult.Failure> failures = new ArrayList<>();
        if (refs.isEmpty()) {
            found.addAll(all());
        }
        for (String ref : refs) {
            Optional<CapacityProvider> p = find(ref);
            if (p.isPresent()) {
                if (!found.contains(p.get())) {
                    found.add(p.get());
                }
            } else {
                failures.add(new LaunchResult.Failure(ref.startsWith("arn:") ? ref : ecs.arns().capacityProvider(ref), "MISSING"));
            }
        }
        cluster.ifPresent(c -> found.removeIf(p -> !c.capacityProviders().contains(p.name())));
        return new Described(found, failures);
    }

    // ---- the cluster's providers ------------------------------------------------------------------------------

    /**
     * PutClusterCapacityProviders: replaces the cluster's providers and default strategy. A provider a task or a
     * service still uses cannot be removed.
     */
    public Cluster putClusterCapacityProviders(String clusterRef, List<String> providers, List<CapacityProviderStrategyItem> defaultStrategy) {
        Cluster cluster = ecs.cluster(Optional.of(clusterRef));
        checkClusterProviders(providers, defaultStrategy);
        for (String removed : cluster.capacityProviders()) {
            if (!providers.contains(removed) && inUse(cluster, removed)) {
                throw DomainException.conflict("ResourceInUseException", "The specified capacity provider is in use and cannot be removed.");
            }
        }
        cluster.capacityProviders(providers, defaultStrategy);
        attachmentsChanged(cluster);
        providers.forEach(n -> groupProviders.active(n).ifPresent(scaling::kick));
        return cluster;
    }

    /** The providers and default strategy a cluster is created with or given. */
    void checkClusterProviders(List<String> providers, List<CapacityProviderStrategyItem> defaultStrategy) {
        Set<String> seen = new HashSet<>();
        for (String p : providers) {
            if (findActive(p).isEmpty()) {
                throw invalidParameter("The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
            }
            if (!seen.add(p)) {
                throw invalidParameter("The specified capacity providers cannot contain duplicates.");
            }
        }
        checkItems(defaultStrategy);
        checkNotMixed(defaultStrategy);
        for (CapacityProviderStrategyItem item : defaultStrategy) {
            if (!providers.contains(item.capacityProvider())) {
                throw notAssociated();
            }
        }
    }

    /** Marks the cluster's attachments as updating; they complete one provisioning step later. */
    void attachmentsChanged(Cluster cluster) {
        long generation = ++attachmentGenerations;
        cluster.attachmentsUpdating(generation);
        timers.schedule(timing.provisioning(), ATTACHMENTS_UPDATED, cluster.name(), Long.toString(generation));
    }

    /** A provider is in use while a task of the cluster that is not STOPPED, or a service that is not INACTIVE, uses it. */
    boolean inUse(Cluster cluster, String provider) {
        for (Task t : ecs.tasksOf(cluster)) {
            if (t.lastStatus() != TaskLifecycle.STOPPED && provider.equals(t.spec().capacityProviderName())) {
                return true;
            }
        }
        for (Service s : ecs.services().of(cluster)) {
            if (!s.status().equals(Service.INACTIVE) && s.usesCapacityProvider(provider)) {
                return true;
            }
        }
        return false;
    }

    // ---- strategies -------------------------------------------------------------------------------------------

    /**
     * A strategy used to place tasks (RunTask, CreateService, UpdateService, CreateTaskSet): its items obey the
     * value rules, each provider is one of the cluster's, and at least one has a weight above zero.
     * {@code clusterDefault} says whether it is the cluster's default strategy (AWS's message names it).
     */
    void checkPlacementStrategy(Cluster cluster, List<CapacityProviderStrategyItem> strategy, boolean clusterDefault) {
        checkItems(strategy);
        checkNotMixed(strategy);
        for (CapacityProviderStrategyItem item : strategy) {
            if (!cluster.capacityProviders().contains(item.capacityProvider())) {
                throw notAssociated();
            }
        }
        if (!strategy.isEmpty() && strategy.stream().noneMatch(i -> i.weight() > 0)) {
            String which = clusterDefault ? "default capacity provider strategy" : "capacity provider strategy";
            throw invalidParameter("There are no capacity providers with a weight value greater than zero defined in the " + which
                    + ". At least one capacity provider must have a weight value greater than zero specified. Update the cluster's "
                    + "default capacity provider strategy or specify a valid capacity provider strategy and try again.");
        }
    }

    private static void checkItems(List<CapacityProviderStrategyItem> strategy) {
        if (strategy.size() > MAX_STRATEGY_ITEMS) {
            throw invalidParameter("A capacity provider strategy can contain a maximum of " + MAX_STRATEGY_ITEMS + " capacity providers.");
        }
        Set<String> seen = new LinkedHashSet<>();
        int withBase = 0;
        for (int i = 0; i < strategy.size(); i++) {
            CapacityProviderStrategyItem item = strategy.get(i);
            if (item.base() < 0 || item.base() > MAX_BASE) {
                throw invalidParameter("1 validation error detected: Value '" + item.base() + "' at 'capacityProviderStrategy." + (i + 1)
                        + ".member.base' failed to satisfy constraint: Member must have value between 0 and " + MAX_BASE);
            }
            if (item.weight() < 0 || item.weight() > MAX_WEIGHT) {
                throw invalidParameter("1 validation error detected: Value '" + item.weight() + "' at 'capacityProviderStrategy." + (i + 1)
                        + ".member.weight' failed to satisfy constraint: Member must have value between 0 and " + MAX_WEIGHT);
            }
            if (!seen.add(item.capacityProvider())) {
                throw invalidParameter("The specified capacity provider strategy cannot contain duplicate capacity providers.");
            }
            if (item.base() > 0) {
                withBase++;
            }
        }
        if (withBase > 1) {
            throw invalidParameter("Only one capacity provider in a capacity provider strategy can have a base defined.");
        }
    }

    private void checkNotMixed(List<CapacityProviderStrategyItem> strategy) {
        if (groupProviders.mixesWithFargate(strategy.stream().map(CapacityProviderStrategyItem::capacityProvider).toList())) {
            throw invalidParameter("The specified capacity provider strategy cannot contain a mix of capacity providers using Auto "
                    + "Scaling groups and Fargate providers. Specify one or the other and try again.");
        }
    }

    /**
     * Whether a (checked) strategy places on Fargate: it names only FARGATE and FARGATE_SPOT. Strategies never mix
     * Fargate with Auto Scaling group providers, so any other name means EC2.
     */
    public static boolean isFargateStrategy(List<CapacityProviderStrategyItem> strategy) {
        return !strategy.isEmpty() && strategy.stream().allMatch(i -> i.capacityProvider().equals(FARGATE) || i.capacityProvider().equals(FARGATE_SPOT));
    }

    /** Whether the strategy places on Auto Scaling groups (EC2) rather than Fargate; strategies never mix the two. */
    boolean usesGroups(List<CapacityProviderStrategyItem> strategy) {
        return strategy.stream().anyMatch(i -> groupProviders.active(i.capacityProvider()).isPresent());
    }

    static DomainException notAssociated() {
        return invalidParameter("The specified capacity provider strategy cannot contain a capacity provider that is not "
                + "associated with the cluster. Associate the capacity provider with the cluster or specify a valid "
                + "capacity provider and try again.");
    }

    /**
     * The provider the next task goes to, given how many tasks each provider already has: the provider with a base
     * until it holds that many; then, of the tasks beyond the bases, each provider keeps its share by weight: the
     * next one goes to the provider furthest below its share once it is placed (the first in strategy order on a
     * tie), so no provider is ever a whole task away from its share. Providers with weight 0 take only their base.
     * Pure.
     */
    public static String pick(List<CapacityProviderStrategyItem> strategy, Map<String, Integer> placed) {
        for (CapacityProviderStrategyItem item : strategy) {
            if (item.base() > 0 && placed.getOrDefault(item.capacityProvider(), 0) < item.base()) {
                return item.capacityProvider();
            }
        }
        int totalWeight = strategy.stream().mapToInt(CapacityProviderStrategyItem::weight).sum();
        if (totalWeight <= 0) {
            throw new IllegalArgumentException("a placement strategy has a provider with a weight above zero");
        }
        int beyondBases = 0;
        for (CapacityProviderStrategyItem item : strategy) {
            beyondBases += Math.max(0, placed.getOrDefault(item.capacityProvider(), 0) - item.base());
        }
        CapacityProviderStrategyItem best = null;
        double bestDeficit = Double.MAX_VALUE;
        for (CapacityProviderStrategyItem item : strategy) {
            if (item.weight() <= 0) {
                continue;
            }
            int beyondBase = Math.max(0, placed.getOrDefault(item.capacityProvider(), 0) - item.base());
            double deficit = beyondBase - (beyondBases + 1) * (double) item.weight() / totalWeight;
            if (deficit < bestDeficit) {
                best = item;
                bestDeficit = deficit;
            }
        }
        return best.capacityProvider();
    }
}
