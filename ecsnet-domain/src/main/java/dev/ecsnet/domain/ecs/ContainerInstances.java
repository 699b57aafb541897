package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.InstanceState;
import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * The container instances of every cluster of one account and region. Registration fixes what an instance
 * offers: CPU (1,024 per vCPU), memory (less {@link ContainerInstance#RESERVED_MEMORY_MIB}), the agent's
 * reserved ports, and its awsvpc task slots — ECS's with-trunking figure when {@code awsvpcTrunking} is enabled at
 * that moment and the type supports it (the instance then gets a trunk ENI and is REGISTERING until it is
 * attached), else max ENIs − 1. Later setting changes do not touch registered instances, as in AWS.
 */
public final class ContainerInstances {
    /** Capabilities the ECS-optimized AMI's agent reports; task definitions' requiresAttributes are checked against them. */
    static final List<String> AGENT_CAPABILITIES = List.of(
            "com.amazonaws.ecs.capability.privileged-container",
            "com.amazonaws.ecs.capability.docker-remote-api.1.17", "com.amazonaws.ecs.capability.docker-remote-api.1.18",
            "com.amazonaws.ecs.capability.docker-remote-api.1.19", "com.amazonaws.ecs.capability.docker-remote-api.1.20",
            "com.amazonaws.ecs.capability.docker-remote-api.1.21", "com.amazonaws.ecs.capability.docker-remote-api.1.22",
            "com.amazonaws.ecs.capability.docker-remote-api.1.23", "com.amazonaws.ecs.capability.docker-remote-api.1.24",
            "com.amazonaws.ecs.capability.docker-remote-api.1.25", "com.amazonaws.ecs.capability.docker-remote-api.1.44",
            "com.amazonaws.ecs.capability.logging-driver.json-file", "com.amazonaws.ecs.capability.logging-driver.awslogs",
            "com.amazonaws.ecs.capability.logging-driver.none", "com.amazonaws.ecs.capability.ecr-auth",
            "com.amazonaws.ecs.capability.task-iam-role", "com.amazonaws.ecs.capability.task-iam-role-network-host",
            "ecs.capability.execution-role-awslogs", "ecs.capability.execution-role-ecr-pull",
            "ecs.capability.container-health-check", "ecs.capability.task-eni");

    /** Timer kind: a registering instance (key: its id) whose trunk interface is attached becomes ACTIVE. */
    private static final String ACTIVE = "ecs.container-instance.active";

    private final EcsArns arns;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final TimingProfile timing;
    private final Network network;
    private final AccountSettings settings;
    private final Map<String, ContainerInstance> byId = new LinkedHashMap<>();
    /** Told the cluster whenever one of its instances registers, changes status or is deregistered. */
    private java.util.function.Consumer<Cluster> onChange = c -> {
    };

    ContainerInstances(EcsArns arns, IdSource ids, Clock clock, Timers timers, TimingProfile timing, Network network,
                       AccountSettings settings) {
        this.arns = arns;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.timing = timing;
        this.network = network;
        this.settings = settings;
        timers.on(ACTIVE, (id, args) -> Optional.ofNullable(byId.get(id)).filter(ci -> ci.status() == ContainerInstance.Status.REGISTERING)
                .ifPresent(ci -> {
                    ci.setStatus(ContainerInstance.Status.ACTIVE, null);
                    onChange.accept(ci.cluster());
                }));
    }

    /** Adds a listener: the service scheduler (DAEMON services follow their cluster's instances), managed scaling. */
    void onChange(java.util.function.Consumer<Cluster> listener) {
        this.onChange = this.onChange.andThen(listener);
    }

    /** Every container instance of the cluster, INACTIVE ones included, in registration order. */
    public List<ContainerInstance> of(Cluster cluster) {
        return byId.values().stream().filter(ci -> ci.cluster() == cluster).toList();
    }

    public Collection<ContainerInstance> all() {
        return byId.values();
    }

    public Optional<ContainerInstance> find(Cluster cluster, String idOrArn) {
        return Optional.ofNullable(byId.get(EcsArns.lastSegment(idOrArn))).filter(ci -> ci.cluster() == cluster);
    }

    /** The registration of an instance that is not INACTIVE, in any cluster. */
    public Optional<ContainerInstance> forInstance(String ec2InstanceId) {
        return byId.values().stream()
                .filter(ci -> ci.ec2InstanceId().equals(ec2InstanceId) && ci.status() != ContainerInstance.Status.INACTIVE).findFirst();
    }

    /**
     * Registers a running instance, as its agent does at start. An instance already registered (and not INACTIVE)
     * is answered as it is. {@code highDensityEni} is the agent's ECS_ENABLE_HIGH_DENSITY_ENI (default true).
     */
    public ContainerInstance register(Cluster cluster, Instance instance, boolean highDensityEni, Map<String, String> customAttributes) {
        Optional<ContainerInstance> existing = forInstance(instance.id());
        if (existing.isPresent()) {
            if (existing.get().cluster() != cluster) {
                throw invalidParameter("The instance " + instance.id() + " is already registered with cluster "
                        + existing.get().cluster().name() + ".");
            }
            return existing.get();
        }
        if (instance.state() != InstanceState.RUNNING) {
            throw invalidParameter("Instance " + instance.id() + " is not running.");
        }
        InstanceType type = instance.type();
        boolean trunkingOn = "enabled".equals(settings.effective(arns.rootPrincipal(), "awsvpcTrunking"));
        boolean trunked = trunkingOn && highDensityEni && type.supportsTrunking();
        String id = ids.hex(32);
        ContainerInstance.Trunk trunk = null;
        if (trunked) {
            NetworkInterface eni = network.createNetworkInterface(new Network.EniRequest(instance.subnetId(), "",
                    instance.groupIds(), null, "trunk", null, Map.of()));
            network.attach(eni.id(), instance.id(), network.accountId(), 1, true);
            trunk = new ContainerInstance.Trunk(ids.uuid(), ids.uuid(), eni.id(), eni.macAddress(), eni.privateIpAddress(),
                    instance.subnetId());
        }
        ContainerInstance ci = new ContainerInstance(id, arns.containerInstance(cluster.name(), id), cluster, instance,
                type.cpuUnits(), Math.max(0, type.memoryMib() - ContainerInstance.RESERVED_MEMORY_MIB), type.awsvpcTasks(trunked),
                trunk, clock.now(), trunked ? ContainerInstance.Status.REGISTERING : ContainerInstance.Status.ACTIVE);
        for (String capability : AGENT_CAPABILITIES) {
            ci.putAttribute(capability, null);
        }
        if (highDensityEni) {
            ci.putAttribute("ecs.capability.task-eni-trunking", null);
        }
        ci.putAttribute("ecs.ami-id", instance.image().imageId());
        ci.putAttribute("ecs.availability-zone", instance.zone().name());
        ci.putAttribute("ecs.instance-type", type.name());
        ci.putAttribute("ecs.os-type", "linux");
        ci.putAttribute("ecs.os-family", "LINUX");
        ci.putAttribute("ecs.cpu-architecture", type.architecture());
        ci.putAttribute("ecs.vpc-id", instance.vpcId());
        ci.putAttribute("ecs.subnet-id", instance.subnetId());
        if (trunk != null) {
            ci.putAttribute("ecs.awsvpc-trunk-id", trunk.trunkId());
        }
        customAttributes.forEach(ci::putAttribute);
        byId.put(id, ci);
        if (trunked) {
            timers.schedule(timing.provisioning(), ACTIVE, id);
        }
        onChange.accept(cluster);
        return ci;
    }

    /** Deregistration: the instance becomes INACTIVE and its trunk ENI is deleted; tasks are the caller's business. */
    void deactivate(ContainerInstance ci) {
        ci.setStatus(ContainerInstance.Status.INACTIVE, null);
        ci.trunk().flatMap(t -> network.findNetworkInterface(t.networkInterfaceId()))
                .ifPresent(eni -> network.deleteManagedNetworkInterface(eni.id()));
        onChange.accept(ci.cluster());
    }

    /** UpdateContainerInstancesState: only ACTIVE and DRAINING can be asked for. */
    public void updateState(ContainerInstance ci, String status) {
        ContainerInstance.Status next = switch (status) {
            case "ACTIVE" -> ContainerInstance.Status.ACTIVE;
            case "DRAINING" -> ContainerInstance.Status.DRAINING;
            // AWS's wording for other values is not known
            default -> throw invalidParameter("Container instance status can only be updated to ACTIVE or DRAINING.");
        };
        if (ci.status() == ContainerInstance.Status.ACTIVE || ci.status() == ContainerInstance.Status.DRAINING) {
            if (ci.status() != next) {
                ci.setStatus(next, null);
                onChange.accept(ci.cluster());
            }
        }
    }

    public void putAttribute(ContainerInstance ci, String name, String value) {
        if (name == null || name.isEmpty() || name.length() > 128) {
            throw invalidParameter("Attribute name must be between 1 and 128 characters.");
        }
        ci.putAttribute(name, value);
    }

    public void deleteAttribute(ContainerInstance ci, String name) {
        if (!ci.attributes().containsKey(name)) {
            throw DomainException.notFound("TargetNotFoundException", "The specified target could not be found: attribute " + name
                    + " on " + ci.arn() + ".");
        }
        ci.removeAttribute(name);
    }

    /** On restore: a container instance as it was (its timer, if any, is the engine's to restore). */
    void restore(ContainerInstance ci) {
        if (byId.putIfAbsent(ci.id(), ci) != null) {
            throw new IllegalStateException("container instance " + ci.id() + " restored twice");
        }
    }

    /** Container instances of the cluster that placement may use. */
    List<ContainerInstance> placeable(Cluster cluster) {
        List<ContainerInstance> out = new ArrayList<>();
        for (ContainerInstance ci : of(cluster)) {
            if (ci.isActive()) {
                out.add(ci);
            }
        }
        return out;
    }
}
