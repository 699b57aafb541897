package dev.ecsnet.domain.state;

import dev.ecsnet.domain.analysis.NetworkInsights;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScaling;
import dev.ecsnet.domain.appautoscaling.EcsScalableServices;
import dev.ecsnet.domain.autoscaling.AutoScaling;
import dev.ecsnet.domain.autoscaling.EcsCapacityGroups;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Notices;
import dev.ecsnet.domain.common.Scheduler;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.discovery.CloudMap;
import dev.ecsnet.domain.discovery.EcsServiceConnect;
import dev.ecsnet.domain.discovery.EcsServiceDiscovery;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.ec2.LaunchTemplates;
import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.domain.ecs.EcsServicesState;
import dev.ecsnet.domain.elb.EcsLoadBalancing;
import dev.ecsnet.domain.elb.Elb;
import dev.ecsnet.domain.logs.Logs;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.ssm.ParameterStore;

/**
 * Everything one account holds in one region. Each service's state is its own object; services reach each other
 * only through these domain objects (ECS creates its task ENIs through {@link Network}).
 */
public final class RegionState {
    private final AccountRegion key;
    private final AccountState account;
    private final IdSource ids;
    private final Timers timers;
    private final Network network;
    private final Ecs ecs;
    private final Instances instances;
    private final Logs logs;
    private final NetworkInsights insights;
    private final Elb elb;
    private final CloudMap cloudMap;
    private final ParameterStore parameters;
    private final ApplicationAutoScaling applicationAutoScaling;
    private final LaunchTemplates launchTemplates;
    private final AutoScaling autoScaling;

    public RegionState(AccountRegion key, AccountState account, long seed, Clock clock, Scheduler scheduler, TimingProfile timing,
                       EgressPolicy egress) {
        this(key, account, seed, clock, scheduler, timing, egress, Notices.NONE);
    }

    /** As above; the region's explaining events (a task stopped for egress, a full subnet) go to {@code notices}. */
    public RegionState(AccountRegion key, AccountState account, long seed, Clock clock, Scheduler scheduler, TimingProfile timing,
                       EgressPolicy egress, Notices notices) {
        this.key = key;
        this.account = account;
        this.ids = new IdSource(seed ^ (key.accountId() + "/" + key.region()).hashCode() * 0x9E3779B97F4A7C15L);
        this.timers = new Timers(scheduler);
        this.network = new Network(key.accountId(), key.region(), ids, clock, timers, timing);
        this.instances = new Instances(network, ids, clock, timers, timing);
        this.logs = new Logs(key, clock);
        this.ecs = new Ecs(key, ids, clock, timers, timing, network, logs, egress, instances);
        this.insights = new NetworkInsights(network, ids, clock, timers, timing);
        this.elb = new Elb(key, ids, clock, timing, network);
        this.cloudMap = new CloudMap(key, ids, clock, network);
        this.ecs.notices(notices);
        this.ecs.services().connect(new EcsLoadBalancing(elb), new EcsServiceDiscovery(cloudMap));
        this.ecs.serviceConnect().connect(new EcsServiceConnect(cloudMap));
        this.parameters = new ParameterStore(key, ids, clock, timers);
        this.ecs.connect(parameters::missing);
        this.applicationAutoScaling = new ApplicationAutoScaling(key, ids, clock, timers, new EcsScalableServices(ecs));
        this.launchTemplates = new LaunchTemplates(network, ids, clock);
        this.autoScaling = new AutoScaling(key, ids, clock, timers, timing, network, instances, launchTemplates);
        this.ecs.capacityProviders().connect(new EcsCapacityGroups(autoScaling, launchTemplates));
    }

    /** The region's timer kinds and their handlers: what a pending timer of this region does when it falls due. */
    public Timers timers() {
        return timers;
    }

    /** SSM Parameter Store: the account's parameters and the public ones (ECS reads task secrets from it). */
    public ParameterStore parameters() {
        return parameters;
    }

    /** Application Auto Scaling of the region's ECS services. */
    public ApplicationAutoScaling applicationAutoScaling() {
        return applicationAutoScaling;
    }

    /** The account's global state (IAM), shared by all its regions. */
    public AccountState account() {
        return account;
    }

    /** EC2 Reachability Analyzer paths and analyses. */
    public NetworkInsights insights() {
        return insights;
    }

    public Logs logs() {
        return logs;
    }

    public AccountRegion key() {
        return key;
    }

    public Network network() {
        return network;
    }

    public Ecs ecs() {
        return ecs;
    }

    /** The region's EC2 instances (the ECS agent registers them as container instances). */
    public Instances instances() {
        return instances;
    }

    /** Elastic Load Balancing v2: load balancers, listeners, target groups and target health. */
    public Elb elb() {
        return elb;
    }

    /** EC2 launch templates and their versions. */
    public LaunchTemplates launchTemplates() {
        return launchTemplates;
    }

    /** EC2 Auto Scaling groups, which launch instances from launch templates. */
    public AutoScaling autoScaling() {
        return autoScaling;
    }

    /** Cloud Map: namespaces, services and instances, and the DNS answers for them. */
    public CloudMap cloudMap() {
        return cloudMap;
    }

    /**
     * The region's whole state as plain records, on the engine thread. Pending timers are the engine's and are not
     * in it (see {@code Engine.timers()}).
     */
    public RegionRecord export() {
        return new RegionRecord(key.accountId(), key.region(), ids.streamState(), network.export(), instances.export(),
                launchTemplates.export(), autoScaling.export(), logs.export(), parameters.export(), cloudMap.export(),
                elb.export(), ecs.export(), EcsServicesState.export(ecs), insights.export(),
                applicationAutoScaling.export());
    }

    /**
     * On a region just built (with its seed), the state {@link #export()} gave: each aggregate after those it refers
     * to, then the shared id stream where it stood. Arms no timers and draws no ids.
     */
    public void restore(RegionRecord record) {
        if (!record.accountId().equals(key.accountId()) || !record.region().equals(key.region())) {
            throw new IllegalArgumentException("the record of " + record.accountId() + "/" + record.region()
                    + " restored into " + key);
        }
        network.restore(record.network());
        instances.restore(record.instances());
        launchTemplates.restore(record.launchTemplates());
        autoScaling.restore(record.autoScaling());
        logs.restore(record.logs());
        parameters.restore(record.parameters());
        cloudMap.restore(record.cloudMap());
        elb.restore(record.elb());
        ecs.restore(record.ecs());
        EcsServicesState.restore(ecs, record.ecsServices());
        insights.restore(record.insights());
        applicationAutoScaling.restore(record.applicationAutoScaling());
        ids.resume(record.idStream());
    }
}
