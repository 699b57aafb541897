package dev.ecsnet.domain.ec2;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.AvailabilityZone;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterfaceChanges;
import dev.ecsnet.domain.net.NetworkTags;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EC2 instances of one account in one region. Each instance's primary ENI (device index 0) takes an address
 * from its subnet's pool. State moves pending → running and shutting-down → terminated on the clock; listeners
 * (the ECS agent) hear when an instance is running and when it starts shutting down. Used only on the engine thread.
 */
public final class Instances {

    /** Hears instance state changes; the ECS agent registers container instances through this. */
    public interface Listener {
        void running(Instance instance);

        void shuttingDown(Instance instance);

        /** The instance is terminated: its interfaces are gone (Auto Scaling drops it from its group). */
        default void terminated(Instance instance) {
        }
    }

    /**
     * A RunInstances request in domain terms; {@code subnetId} null means the default subnet of the first zone.
     * {@code tags} keep the order given (the instance lists them so), not {@code Map.copyOf}'s per-JVM order.
     */
    public record Launch(String imageId, String instanceType, int minCount, int maxCount, String subnetId,
                         List<String> securityGroupIds, String userData, String iamInstanceProfileArn, String keyName,
                         String availabilityZone, Map<String, String> tags, InstanceSettings settings) {
        public Launch {
            securityGroupIds = List.copyOf(securityGroupIds);
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
            java.util.Objects.requireNonNull(settings, "settings");
        }

        /** A launch with EC2's default settings. */
        public Launch(String imageId, String instanceType, int minCount, int maxCount, String subnetId,
                      List<String> securityGroupIds, String userData, String iamInstanceProfileArn, String keyName,
                      String availabilityZone, Map<String, String> tags) {
            this(imageId, instanceType, minCount, maxCount, subnetId, securityGroupIds, userData, iamInstanceProfileArn, keyName,
                    availabilityZone, tags, InstanceSettings.DEFAULT);
        }
    }

    /** Timer kinds: a pending instance runs; a shutting-down one is terminated and frees its interfaces. */
    private static final String BOOT = "ec2.instance.boot";
    private static final String SHUT_DOWN = "ec2.instance.shut-down";

    private final Network network;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final TimingProfile timing;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();

    public Instances(Network network, IdSource ids, Clock clock, Timers timers, TimingProfile timing) {
        this.network = network;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.timing = timing;
        network.tags().add(new NetworkTags.TaggableSource("i", this::get, this::all));
        timers.on(BOOT, (id, args) -> find(id).ifPresent(this::boot));
        timers.on(SHUT_DOWN, (id, args) -> find(id).filter(i -> i.state() == InstanceState.SHUTTING_DOWN).ifPresent(this::finishTermination));
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public Collection<Instance> all() {
        return instances.values();
    }

    public Optional<Instance> find(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    public Instance get(String id) {
        return find(id).orElseThrow(() -> DomainException.notFound("InvalidInstanceID.NotFound",
                "The instance ID '" + id + "' does not exist"));
    }

    /** RunInstances: validates everything first, then launches {@code maxCount} instances (or fails). */
    public List<Instance> run(Launch launch) {
        if (launch.minCount() < 1 || launch.maxCount() < launch.minCount()) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + launch.maxCount()
                    + ") for parameter maxCount is invalid. Must be greater than or equal to minCount.");
        }
        Image image = Images.find(launch.imageId()).orElseThrow(() -> DomainException.invalid("InvalidAMIID.NotFound",
                "The image id '[" + launch.imageId() + "]' does not exist"));
        InstanceType type = InstanceTypes.find(launch.instanceType()).orElseThrow(() -> DomainException.invalid(
                "InvalidParameterValue", "Invalid value '" + launch.instanceType() + "' for InstanceType."));
        if (!type.architecture().equals(image.architecture())) {
            throw DomainException.invalid("InvalidParameterValue", "The architecture '" + type.architecture()
                    + "' of the specified instance type does not match the architecture '" + image.architecture()
                    + "' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. "
                    + "You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.");
        }
        Subnet subnet = subnetFor(launch);
        for (String g : launch.securityGroupIds()) {
            if (!network.securityGroup(g).vpcId().equals(subnet.vpcId())) {
                throw DomainException.invalid("InvalidParameter", "Security group " + g + " and subnet " + subnet.id()
                        + " belong to different networks.");
            }
        }
        if (subnet.availableIpAddressCount() < launch.minCount()) {
            throw DomainException.capacity("InsufficientFreeAddressesInSubnet", "There are not enough free addresses in subnet '"
                    + subnet.id() + "' to satisfy the requested number of instances.");
        }
        int count = Math.min(launch.maxCount(), subnet.availableIpAddressCount());
        network.gate().open();
        String reservationId = ids.resourceId("r");
        List<Instance> launched = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = ids.resourceId("i");
            NetworkInterface eni = network.createNetworkInterface(new Network.EniRequest(subnet.id(), "", launch.securityGroupIds(),
                    null, "interface", null, Map.of()));
            network.attach(eni.id(), id, network.accountId(), 0, true);
            if (launch.settings().associatePublicIpAddress()) {
                // asked for on the primary interface: EC2 gives one whatever the subnet's MapPublicIpOnLaunch says
                network.assignPublicIp(eni.id());
            }
            Instance instance = new Instance(id, reservationId, type, image, subnet.id(), subnet.vpcId(), subnet.zone(), eni.groupIds(),
                    eni.id(), eni.privateIpAddress(), eni.privateDnsName(), launch.userData() == null ? "" : launch.userData(),
                    launch.iamInstanceProfileArn(), launch.keyName(), i, clock.now(), launch.settings());
            instance.tags().putAll(launch.tags());
            instances.put(id, instance);
            launched.add(instance);
            timers.schedule(timing.instancePending(), BOOT, id);
        }
        return launched;
    }

    private Subnet subnetFor(Launch launch) {
        if (launch.subnetId() != null) {
            Subnet s = network.subnet(launch.subnetId());
            if (launch.availabilityZone() != null && !launch.availabilityZone().equals(s.zone().name())) {
                throw DomainException.invalid("InvalidParameterValue", "Value (" + launch.availabilityZone()
                        + ") for parameter availabilityZone is invalid. Subnet '" + s.id() + "' is in the availability zone "
                        + s.zone().name());
            }
            return s;
        }
        String vpc = network.defaultVpc().orElseThrow(() -> DomainException.invalid("VPCIdNotSpecified",
                "No default VPC for this user")).id();
        return network.subnets().stream().filter(s -> s.vpcId().equals(vpc) && s.defaultForAz())
                .filter(s -> launch.availabilityZone() == null || s.zone().name().equals(launch.availabilityZone()))
                .findFirst().orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                        "Value (" + launch.availabilityZone() + ") for parameter availabilityZone is invalid."));
    }

    private void boot(Instance instance) {
        if (instance.state() != InstanceState.PENDING) {
            return;
        }
        instance.moveTo(InstanceState.RUNNING, "");
        listeners.forEach(l -> l.running(instance));
    }

    /**
     * AttachNetworkInterface: an instance that is pending or running takes an interface of its Availability Zone at a
     * free device index, up to its type's interface limit.
     */
    public dev.ecsnet.domain.net.EniAttachment attachNetworkInterface(String eniId, String instanceId, int deviceIndex, int networkCardIndex) {
        Instance instance = get(instanceId);
        network.networkInterface(eniId);
        if (instance.state() != InstanceState.PENDING && instance.state() != InstanceState.RUNNING) {
            throw DomainException.invalid("IncorrectInstanceState", "The instance '" + instanceId + "' is not in a valid state for this operation.");
        }
        return network.interfaceChanges().attach(eniId, new NetworkInterfaceChanges.Host(instance.id(), instance.zone(),
                instance.type().name(), instance.type().maxEnis()), deviceIndex, networkCardIndex);
    }

    /**
     * The interface an Elastic IP goes to when AssociateAddress names an instance: its primary one, and only while it
     * has no other (EC2 then asks for the interface).
     */
    public String interfaceForAddress(String instanceId) {
        Instance instance = get(instanceId);
        if (instance.state() != InstanceState.PENDING && instance.state() != InstanceState.RUNNING) {
            throw DomainException.invalid("IncorrectInstanceState", "The instance '" + instanceId + "' is not in a valid state for this operation.");
        }
        if (network.interfaceChanges().attachedTo(instanceId).size() > 1) {
            throw DomainException.invalid("InvalidInstanceID", "There are multiple interfaces attached to instance '" + instanceId
                    + "'. Please specify an interface ID for the operation instead.");
        }
        return instance.primaryEniId();
    }

    /** TerminateInstances: answers the state change of each; terminating twice changes nothing. */
    public List<StateChange> terminate(List<String> instanceIds) {
        List<Instance> targets = instanceIds.stream().distinct().map(this::get).toList();
        network.gate().open();
        List<StateChange> changes = new ArrayList<>();
        for (Instance instance : targets) {
            InstanceState before = instance.state();
            if (before == InstanceState.PENDING || before == InstanceState.RUNNING) {
                instance.moveTo(InstanceState.SHUTTING_DOWN, "User initiated (" + clock.now().toString().replace('T', ' ')
                        .replaceAll("\\.\\d+", "").replace("Z", " GMT") + ")");
                listeners.forEach(l -> l.shuttingDown(instance));
                timers.schedule(timing.instanceShuttingDown(), SHUT_DOWN, instance.id());
            }
            changes.add(new StateChange(instance.id(), before, instance.state()));
        }
        return changes;
    }

    public record StateChange(String instanceId, InstanceState previous, InstanceState current) {
    }

    /** Frees every ENI still attached to the instance (the primary one always; others are deleted if managed). */
    private void finishTermination(Instance instance) {
        List<NetworkInterface> attached = network.networkInterfaces().stream()
                .filter(n -> n.attachment().map(a -> instance.id().equals(a.instanceId())).orElse(false)).toList();
        for (NetworkInterface eni : attached) {
            boolean delete = eni.attachment().map(a -> a.deleteOnTermination()).orElse(false) || eni.requesterManaged()
                    || !"interface".equals(eni.interfaceType());
            if (delete) {
                network.deleteManagedNetworkInterface(eni.id());
            } else {
                network.detach(eni.id());
            }
        }
        instance.moveTo(InstanceState.TERMINATED, instance.stateTransitionReason());
        listeners.forEach(l -> l.terminated(instance));
    }

    /** Every instance as plain data, in launch order. */
    public InstancesRecord export() {
        List<InstancesRecord.InstanceRecord> out = new ArrayList<>(instances.size());
        for (Instance i : instances.values()) {
            out.add(new InstancesRecord.InstanceRecord(i.id(), i.reservationId(), i.type().name(), i.image().imageId(), i.subnetId(),
                    i.vpcId(), i.zone().name(), i.groupIds(), i.primaryEniId(), i.privateIpAddress(), i.privateDnsName(), i.userData(),
                    i.iamInstanceProfileArn().orElse(null), i.keyName().orElse(null), i.launchIndex(), i.launchTime(), i.state(),
                    i.stateTransitionReason(), new LinkedHashMap<>(i.tags()), i.settings()));
        }
        return new InstancesRecord(out);
    }

    /**
     * Replaces the instances with the recorded ones, in their states. Their interfaces are the network's, restored
     * before; the boot and shut-down timers the engine restores find the instances here by id. Listeners hear nothing:
     * what they did when the instances changed state is in their own records.
     */
    public void restore(InstancesRecord record) {
        instances.clear();
        for (InstancesRecord.InstanceRecord r : record.instances()) {
            InstanceType type = InstanceTypes.find(r.instanceType()).orElseThrow(() -> new IllegalArgumentException(
                    "instance " + r.id() + " has the unknown instance type " + r.instanceType()));
            Image image = Images.find(r.imageId()).orElseThrow(() -> new IllegalArgumentException(
                    "instance " + r.id() + " has the unknown image " + r.imageId()));
            AvailabilityZone zone = network.zones().stream().filter(z -> z.name().equals(r.availabilityZone())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("instance " + r.id() + " is in the unknown zone " + r.availabilityZone()));
            Instance instance = new Instance(r.id(), r.reservationId(), type, image, r.subnetId(), r.vpcId(), zone, r.groupIds(),
                    r.primaryEniId(), r.privateIpAddress(), r.privateDnsName(), r.userData(), r.iamInstanceProfileArn(), r.keyName(),
                    r.launchIndex(), r.launchTime(), r.settings() == null ? InstanceSettings.DEFAULT : r.settings());
            instance.restoreState(r.state(), r.stateTransitionReason());
            instance.tags().putAll(r.tags());
            instances.put(r.id(), instance);
        }
    }
}
