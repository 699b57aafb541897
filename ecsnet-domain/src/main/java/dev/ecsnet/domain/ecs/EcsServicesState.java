package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ecs.EcsServicesRecord.CapacityRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.ClusterServicesRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.ConfigRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.DeploymentConfigurationRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.DeploymentRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.EndpointRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.EventRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.GroupProviderRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.LoadBalancerRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.NetworkRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.PlacementConstraintRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.PlacementStrategyRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.RegistryRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.ScalingRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.ServiceConnectRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.ServiceConnectResourceRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.ServiceRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.StrategyItemRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.TaskSetRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord.TaskSetSpecRecord;
import dev.ecsnet.domain.ecs.placement.PlacementRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Snapshots of the service side of ECS: services and their controller, task sets, capacity providers, Service Connect. */
public final class EcsServicesState {
    private EcsServicesState() {
    }

    /** The service side's whole state; changes nothing. */
    public static EcsServicesRecord export(Ecs ecs) {
        Services services = ecs.services();
        List<ClusterServicesRecord> out = new ArrayList<>();
        services.byCluster().forEach((cluster, byName) -> {
            List<ServiceRecord> of = new ArrayList<>();
            byName.values().forEach(s -> of.add(service(s)));
            out.add(new ClusterServicesRecord(cluster, of));
        });
        CapacityProviders cp = ecs.capacityProviders();
        List<GroupProviderRecord> providers = new ArrayList<>();
        cp.groupProviders().all().forEach(p -> providers.add(groupProvider(p)));
        return new EcsServicesRecord(out,
                services.controller().export(s -> services.find(s.cluster(), s.name()).filter(found -> found == s).isPresent()),
                new CapacityRecord(cp.attachmentGenerations(), cp.scaling().evaluations(), providers),
                new LinkedHashMap<>(ecs.serviceConnect().owners()));
    }

    /**
     * On a freshly built ECS, after {@link Ecs#restore}: the clusters, task definitions and tasks the record names
     * exist. Draws no id and arms no timer (the engine restores the pending ones).
     */
    public static void restore(Ecs ecs, EcsServicesRecord record) {
        CapacityProviders cp = ecs.capacityProviders();
        for (GroupProviderRecord p : record.capacity().groupProviders()) {
            cp.groupProviders().restore(groupProvider(p));
        }
        cp.attachmentGenerations(record.capacity().attachmentGenerations());
        cp.scaling().evaluations(record.capacity().evaluations());
        ecs.serviceConnect().restoreOwners(record.serviceConnectOwners());

        Services services = ecs.services();
        Map<String, Service> byArn = new HashMap<>();
        for (ClusterServicesRecord c : record.clusters()) {
            List<Service> of = new ArrayList<>();
            for (ServiceRecord r : c.services()) {
                Service s = service(ecs, r);
                of.add(s);
                byArn.put(s.arn(), s);
            }
            services.restore(c.cluster(), of);
        }
        services.controller().restore(record.controller(), arn -> {
            Service s = byArn.get(arn);
            if (s == null) {
                throw new IllegalArgumentException("the controller's record names service " + arn + ", which the record does not hold");
            }
            return s;
        });
    }

    // ---- services ---------------------------------------------------------------------------------------------

    private static ServiceRecord service(Service s) {
        List<DeploymentRecord> deployments = new ArrayList<>();
        for (Deployment d : s.deployments()) {
            deployments.add(new DeploymentRecord(d.id(), config(d.config()), d.createdAt(),
                    d.serviceConnectResources().stream().map(x -> new ServiceConnectResourceRecord(x.discoveryName(), x.discoveryArn())).toList(),
                    d.status(), d.updatedAt(), d.rolloutState(), d.rolloutStateReason().orElse(null)));
        }
        List<TaskSetRecord> taskSets = new ArrayList<>();
        for (TaskSet t : s.taskSets()) {
            taskSets.add(new TaskSetRecord(t.id(), t.arn(), spec(t.spec()), t.createdAt(), t.clientToken().orElse(null),
                    new LinkedHashMap<>(t.tags()), t.scale(), t.status(), t.updatedAt(), t.stabilityStatus(), t.stabilityStatusAt(),
                    t.isGone()));
        }
        List<EventRecord> events = s.events().stream().map(e -> new EventRecord(e.id(), e.createdAt(), e.message())).toList();
        return new ServiceRecord(s.name(), s.arn(), s.cluster().name(), s.createdAt(), s.createdBy(), s.clientToken().orElse(null),
                new LinkedHashMap<>(s.tags()), s.schedulingStrategy(), config(s.config()), s.status(), deployments, taskSets, events,
                new LinkedHashMap<>(s.openConditions()), s.steady, s.throttleLevel, s.retryAt, s.failuresSeen, s.resyncArmed,
                s.retryArmed, new LinkedHashMap<>(s.registered), new ArrayList<>(s.tasks.keySet()));
    }

    private static Service service(Ecs ecs, ServiceRecord r) {
        Cluster cluster = ecs.findCluster(r.cluster()).orElseThrow(() -> new IllegalArgumentException(
                "service " + r.arn() + " names cluster " + r.cluster() + ", which ECS does not hold"));
        Service s = new Service(r.name(), r.arn(), cluster, config(r.config()), r.schedulingStrategy(), r.tags(), r.createdAt(),
                r.createdBy(), Optional.ofNullable(r.clientToken()));
        s.status(r.status());
        List<Deployment> deployments = new ArrayList<>();
        for (DeploymentRecord d : r.deployments()) {
            deployments.add(new Deployment(d.id(), config(d.config()), d.createdAt(),
                    d.serviceConnectResources().stream().map(x -> new ServiceConnect.Resource(x.discoveryName(), x.discoveryArn())).toList(),
                    d.status(), d.updatedAt(), d.rolloutState(), d.rolloutStateReason()));
        }
        List<TaskSet> taskSets = new ArrayList<>();
        for (TaskSetRecord t : r.taskSets()) {
            taskSets.add(new TaskSet(t.id(), t.arn(), spec(t.spec()), t.createdAt(), Optional.ofNullable(t.clientToken()), t.tags(),
                    t.scale(), t.status(), t.updatedAt(), t.stabilityStatus(), t.stabilityStatusAt(), t.gone()));
        }
        List<ServiceEvent> events = r.events().stream().map(e -> new ServiceEvent(e.id(), e.createdAt(), e.message())).toList();
        s.restoreHistory(deployments, taskSets, events, r.openConditions());
        s.steady = r.steady();
        s.throttleLevel = r.throttleLevel();
        s.retryAt = r.retryAt();
        s.failuresSeen = r.failuresSeen();
        s.resyncArmed = r.resyncArmed();
        s.retryArmed = r.retryArmed();
        s.registered.putAll(r.registered());
        for (String taskId : r.taskIds()) {
            Task t = ecs.findTask(cluster, taskId).orElseThrow(() -> new IllegalArgumentException(
                    "service " + r.arn() + " names task " + taskId + ", which ECS does not hold"));
            s.tasks.put(taskId, t);
        }
        return s;
    }

    // ---- configurations ---------------------------------------------------------------------------------------

    private static ConfigRecord config(ServiceConfig c) {
        ServiceConfig.DeploymentConfiguration d = c.deployment();
        return new ConfigRecord(c.taskDefinitionArn(), c.desiredCount(), c.launchType().orElse(null), strategy(c.capacityProviderStrategy()),
                c.platformVersion().orElse(null), c.network().map(EcsServicesState::network).orElse(null),
                new DeploymentConfigurationRecord(d.maximumPercent(), d.minimumHealthyPercent(), d.circuitBreakerEnable(),
                        d.circuitBreakerRollback()),
                loadBalancers(c.loadBalancers()), registries(c.serviceRegistries()), c.healthCheckGracePeriodSeconds().orElse(null),
                c.placementConstraints().stream().map(x -> new PlacementConstraintRecord(x.type(), x.expression().orElse(null))).toList(),
                c.placementStrategy().stream().map(x -> new PlacementStrategyRecord(x.type(), x.field().orElse(null))).toList(),
                c.enableEcsManagedTags(), c.propagateTags(), c.enableExecuteCommand(), c.availabilityZoneRebalancing(),
                c.vpcLatticeConfigurations().stream().map(ClientDocument::deepCopy).toList(), c.deploymentController(),
                c.roleArn().orElse(null), c.serviceConnect().map(EcsServicesState::serviceConnect).orElse(null));
    }

    private static ServiceConfig config(ConfigRecord r) {
        DeploymentConfigurationRecord d = r.deploymentConfiguration();
        return new ServiceConfig(r.taskDefinitionArn(), r.desiredCount(), Optional.ofNullable(r.launchType()),
                strategyItems(r.capacityProviderStrategy()), Optional.ofNullable(r.platformVersion()),
                Optional.ofNullable(r.network()).map(EcsServicesState::network),
                new ServiceConfig.DeploymentConfiguration(d.maximumPercent(), d.minimumHealthyPercent(), d.circuitBreakerEnable(),
                        d.circuitBreakerRollback()),
                loadBalancerRefs(r.loadBalancers()), registryRefs(r.serviceRegistries()), Optional.ofNullable(r.healthCheckGracePeriodSeconds()),
                r.placementConstraints().stream().map(x -> new PlacementRequest.Constraint(x.type(), Optional.ofNullable(x.expression()))).toList(),
                r.placementStrategy().stream().map(x -> new PlacementRequest.Strategy(x.type(), Optional.ofNullable(x.field()))).toList(),
                r.enableEcsManagedTags(), r.propagateTags(), r.enableExecuteCommand(), r.availabilityZoneRebalancing(),
                r.vpcLatticeConfigurations().stream().map(ClientDocument::deepCopy).toList(), r.deploymentController(),
                Optional.ofNullable(r.roleArn()),
                Optional.ofNullable(r.serviceConnect()).map(EcsServicesState::serviceConnect));
    }

    private static TaskSetSpecRecord spec(TaskSet.Spec s) {
        return new TaskSetSpecRecord(s.taskDefinitionArn(), s.launchType().orElse(null), strategy(s.capacityProviderStrategy()),
                s.platformVersion().orElse(null), s.network().map(EcsServicesState::network).orElse(null), loadBalancers(s.loadBalancers()),
                registries(s.serviceRegistries()), s.externalId().orElse(null));
    }

    private static TaskSet.Spec spec(TaskSetSpecRecord r) {
        return new TaskSet.Spec(r.taskDefinitionArn(), Optional.ofNullable(r.launchType()), strategyItems(r.capacityProviderStrategy()),
                Optional.ofNullable(r.platformVersion()), Optional.ofNullable(r.network()).map(EcsServicesState::network),
                loadBalancerRefs(r.loadBalancers()), registryRefs(r.serviceRegistries()), Optional.ofNullable(r.externalId()));
    }

    private static List<StrategyItemRecord> strategy(List<CapacityProviderStrategyItem> items) {
        return items.stream().map(i -> new StrategyItemRecord(i.capacityProvider(), i.weight(), i.base())).toList();
    }

    private static List<CapacityProviderStrategyItem> strategyItems(List<StrategyItemRecord> items) {
        return items.stream().map(i -> new CapacityProviderStrategyItem(i.capacityProvider(), i.weight(), i.base())).toList();
    }

    private static NetworkRecord network(TaskLaunch.AwsvpcConfiguration n) {
        return new NetworkRecord(n.subnets(), n.securityGroups(), n.assignPublicIp().orElse(null));
    }

    private static TaskLaunch.AwsvpcConfiguration network(NetworkRecord r) {
        return new TaskLaunch.AwsvpcConfiguration(r.subnets(), r.securityGroups(), Optional.ofNullable(r.assignPublicIp()));
    }

    private static List<LoadBalancerRecord> loadBalancers(List<ServiceConfig.LoadBalancerRef> refs) {
        return refs.stream().map(x -> new LoadBalancerRecord(x.targetGroupArn().orElse(null), x.loadBalancerName().orElse(null),
                x.containerName(), x.containerPort())).toList();
    }

    private static List<ServiceConfig.LoadBalancerRef> loadBalancerRefs(List<LoadBalancerRecord> records) {
        return records.stream().map(x -> new ServiceConfig.LoadBalancerRef(Optional.ofNullable(x.targetGroupArn()),
                Optional.ofNullable(x.loadBalancerName()), x.containerName(), x.containerPort())).toList();
    }

    private static List<RegistryRecord> registries(List<ServiceConfig.RegistryRef> refs) {
        return refs.stream().map(x -> new RegistryRecord(x.registryArn(), x.port().orElse(null), x.containerName().orElse(null),
                x.containerPort().orElse(null))).toList();
    }

    private static List<ServiceConfig.RegistryRef> registryRefs(List<RegistryRecord> records) {
        return records.stream().map(x -> new ServiceConfig.RegistryRef(x.registryArn(), Optional.ofNullable(x.port()),
                Optional.ofNullable(x.containerName()), Optional.ofNullable(x.containerPort()))).toList();
    }

    private static ServiceConnectRecord serviceConnect(ServiceConnectConfiguration c) {
        return new ServiceConnectRecord(c.enabled(), c.namespace().orElse(null),
                c.services().stream().map(e -> new EndpointRecord(e.portName(), e.discoveryName().orElse(null),
                        e.ingressPortOverride().orElse(null), e.clientAliasPorts())).toList(),
                ClientDocument.deepCopy(c.document()));
    }

    private static ServiceConnectConfiguration serviceConnect(ServiceConnectRecord r) {
        return new ServiceConnectConfiguration(r.enabled(), Optional.ofNullable(r.namespace()),
                r.services().stream().map(e -> new ServiceConnectConfiguration.Endpoint(e.portName(), Optional.ofNullable(e.discoveryName()),
                        Optional.ofNullable(e.ingressPortOverride()), e.clientAliasPorts())).toList(),
                r.document());
    }

    // ---- capacity providers -----------------------------------------------------------------------------------

    private static GroupProviderRecord groupProvider(AsgCapacityProvider p) {
        AsgCapacityProvider.Settings s = p.settings();
        AsgCapacityProvider.Scaling m = s.managedScaling();
        return new GroupProviderRecord(p.name(), p.arn(), p.groupName(), s.autoScalingGroupArn(),
                new ScalingRecord(m.status(), m.targetCapacity(), m.minimumScalingStepSize(), m.maximumScalingStepSize(),
                        m.instanceWarmupPeriod()),
                s.managedTerminationProtection(), s.managedDraining(), new LinkedHashMap<>(p.tags()), p.status(),
                p.updateStatus().orElse(null), p.updateStatusReason().orElse(null), p.lastScaleOut(),
                p.aboveNeedSince().orElse(null), p.evaluationScheduled());
    }

    private static AsgCapacityProvider groupProvider(GroupProviderRecord r) {
        ScalingRecord m = r.managedScaling();
        AsgCapacityProvider p = new AsgCapacityProvider(r.name(), r.arn(), r.groupName(), new AsgCapacityProvider.Settings(
                r.autoScalingGroupArn(), new AsgCapacityProvider.Scaling(m.status(), m.targetCapacity(), m.minimumScalingStepSize(),
                m.maximumScalingStepSize(), m.instanceWarmupPeriod()), r.managedTerminationProtection(), r.managedDraining()), r.tags());
        p.restoreState(r.status(), r.updateStatus(), r.updateStatusReason(), r.lastScaleOut(), r.aboveNeedSince(),
                r.evaluationScheduled());
        return p;
    }
}
