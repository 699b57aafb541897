package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Notice;
import dev.ecsnet.domain.common.Notices;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.Subnet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves tasks through their lifecycle on timers from the {@link TimingProfile}:
 * <pre>
 *   PROVISIONING --provisioning()--> PENDING --pending()--> RUNNING          (ENI created and attached on the first step)
 *   RUNNING  --stop--> DEACTIVATING --deactivating()--> STOPPING --stopping()--> DEPROVISIONING --deprovisioning()--> STOPPED
 *   PENDING  --stop--> STOPPING ...;  PROVISIONING --stop or no address--> DEPROVISIONING ... STOPPED
 * </pre>
 * Every step first checks that the task is still where the step expects it, because a stop can overtake a step
 * that was already scheduled; a stale step does nothing. The ENI is deleted (and its address freed) in the same
 * step that makes the task STOPPED, so a STOPPED task never holds an address.
 */
final class TaskLifecycleDriver {
    /** The AWS-owned account that requests and hosts Fargate task ENIs (shown as RequesterId / InstanceOwnerId). */
    static final String FARGATE_ACCOUNT = "578734482556";

    private final EcsArns arns;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    /** A task of any cluster by ARN: the key of its lifecycle timers. */
    private final java.util.function.Function<String, Optional<Task>> tasks;
    private final TimingProfile timing;
    private final Network network;
    private final TaskEgress egress;
    private final AccountSettings settings;
    private java.util.function.Consumer<Task> onChange = t -> {
    };
    private Notices notices = Notices.NONE;

    TaskLifecycleDriver(EcsArns arns, IdSource ids, Clock clock, Timers timers, TimingProfile timing, Network network,
                        TaskEgress egress, AccountSettings settings, java.util.function.Function<String, Optional<Task>> tasks) {
        this.arns = arns;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.tasks = tasks;
        this.timing = timing;
        this.network = network;
        this.egress = egress;
        this.settings = settings;
        step(TaskLifecycle.PROVISIONING, this::provision);
        step(TaskLifecycle.PENDING, this::start);
        step(TaskLifecycle.DEACTIVATING, this::stopContainers);
        step(TaskLifecycle.STOPPING, this::deprovision);
        step(TaskLifecycle.DEPROVISIONING, this::finishStop);
    }

    /** The timer kind of the step a task still in {@code status} takes when the timer falls due. */
    private static String kind(TaskLifecycle status) {
        return switch (status) {
            case PROVISIONING -> "ecs.task.provision";
            case PENDING -> "ecs.task.start";
            case DEACTIVATING -> "ecs.task.stop-containers";
            case STOPPING -> "ecs.task.deprovision";
            case DEPROVISIONING -> "ecs.task.finish-stop";
            default -> throw new IllegalArgumentException("no timed step leaves " + status);
        };
    }

    private void step(TaskLifecycle expected, java.util.function.Consumer<Task> step) {
        timers.on(kind(expected), (arn, args) -> tasks.apply(arn).filter(t -> t.lastStatus() == expected).ifPresent(t -> {
            step.accept(t);
            onChange.accept(t);
        }));
    }

    /** Adds a listener told after every step that changed a task (the service scheduler, managed scaling). */
    void onChange(java.util.function.Consumer<Task> listener) {
        this.onChange = this.onChange.andThen(listener);
    }

    /** Told when a task stops for a reason a user should see without asking (egress, a full subnet). */
    void notices(Notices sink) {
        this.notices = sink;
    }

    void launched(Task task) {
        after(timing.provisioning(), task, TaskLifecycle.PROVISIONING);
    }

    /** Starts the stop path from wherever the task is; a task already stopping keeps its course. */
    void stopRequested(Task task) {
        stopRequested(task, Duration.ZERO);
    }

    /**
     * As {@link #stopRequested(Task)}; a RUNNING task stays DEACTIVATING for at least {@code draining}, while its
     * load balancer targets drain.
     */
    void stopRequested(Task task, Duration draining) {
        stop(task, draining);
        onChange.accept(task);
    }

    private void stop(Task task, Duration draining) {
        switch (task.lastStatus()) {
            case PROVISIONING -> {
                task.moveTo(TaskLifecycle.DEPROVISIONING);
                task.containersStopped(clock.now());
                after(timing.deprovisioning(), task, TaskLifecycle.DEPROVISIONING);
            }
            case PENDING -> {
                task.moveTo(TaskLifecycle.STOPPING);
                after(timing.stopping(), task, TaskLifecycle.STOPPING);
            }
            case ACTIVATING, RUNNING -> {
                task.moveTo(TaskLifecycle.DEACTIVATING);
                Duration d = timing.deactivating().compareTo(draining) >= 0 ? timing.deactivating() : draining;
                after(d, task, TaskLifecycle.DEACTIVATING);
            }
            default -> {
                // DEACTIVATING and later: already on the stop path
            }
        }
    }

    /** After {@code delay}, the task takes the step out of {@code expected} if it is still there (and still exists). */
    private void after(Duration delay, Task task, TaskLifecycle expected) {
        timers.schedule(delay, kind(expected), task.arn());
    }

    private void provision(Task task) {
        Task.Spec spec = task.spec();
        if (!task.hasNetworkInterface()) {
            // bridge, host and none tasks on EC2 use the instance's network: nothing to provision
            task.moveTo(TaskLifecycle.PENDING);
            after(timing.pending(), task, TaskLifecycle.PENDING);
            return;
        }
        Optional<Subnet> subnet = network.findSubnet(spec.subnetId());
        if (subnet.isEmpty()) {
            failToStart(task, "InvalidSubnetID.NotFound");
            return;
        }
        if (subnet.get().assignableIpAddressCount() == 0) {
            failToStart(task, "InsufficientFreeAddressesInSubnet");
            return;
        }
        NetworkInterface eni;
        Optional<Ec2Placement> ec2 = task.ec2();
        String interfaceType = ec2.map(p -> p.branchEni() ? "branch" : "interface").orElse("interface");
        // dualStackIPv6: a task in a subnet with an IPv6 /64 gets one IPv6 address; otherwise none, whatever the subnet assigns
        boolean dualStack = "enabled".equals(settings.effective(arns.rootPrincipal(), "dualStackIPv6")) && subnet.get().ipv6Cidr().isPresent();
        try {
            eni = network.createNetworkInterface(new Network.EniRequest(spec.subnetId(),
                    arns.attachment(task.attachment().id()), spec.securityGroupIds(), null, interfaceType, FARGATE_ACCOUNT, Map.of(),
                    dualStack ? 1 : 0, null));
        } catch (DomainException e) {
            // e.g. a security group deleted since RunTask; ECS reports the EC2 error code
            failToStart(task, e.code());
            return;
        }
        if (ec2.isPresent()) {
            // EC2 launch type: the ENI goes on the task's container instance (a branch ENI rides on the trunk)
            network.attach(eni.id(), ec2.get().containerInstance().ec2InstanceId(), arns.accountId(), ec2.get().deviceIndex());
        } else {
            network.attach(eni.id(), null, FARGATE_ACCOUNT, 1);
        }
        if (spec.assignPublicIp()) {
            network.assignPublicIp(eni.id());
        }
        TaskAttachment a = task.attachment();
        a.putDetail("networkInterfaceId", eni.id());
        a.putDetail("macAddress", eni.macAddress());
        a.putDetail("privateDnsName", eni.privateDnsName());
        a.putDetail("privateIPv4Address", eni.privateIpAddress());
        eni.ipv6Addresses().stream().findFirst().ifPresent(ip -> a.putDetail("ipv6Address", ip.toString()));
        a.setStatus(AttachmentStatus.ATTACHED);
        task.networkAttached(eni.id(), eni.privateIpAddress(), clock.now());
        task.moveTo(TaskLifecycle.PENDING);
        after(timing.pending(), task, TaskLifecycle.PENDING);
    }

    private void start(Task task) {
        Optional<TaskEgress.Failure> blocked = egress.firstFailure(task);
        if (blocked.isPresent()) {
            // AWS retries the pull, auth or log stream for a while and then gives up; here that is the PENDING step
            task.requestStop("TaskFailedToStart", blocked.get().stoppedReason(), clock.now());
            notices.notice(new Notice("task-stopped", task.arn(), "task " + task.id() + " stopped (TaskFailedToStart): "
                    + blocked.get().stoppedReason() + " -- run: bin/ecsnet diagnose " + task.id()));
            deprovision(task);
            return;
        }
        List<String> runtimeIds = new ArrayList<>();
        for (int i = 0; i < task.containers().size(); i++) {
            runtimeIds.add(task.id() + "-" + ids.hex(10));
        }
        task.containersStarted(clock.now(), runtimeIds);
        task.moveTo(TaskLifecycle.RUNNING);
    }

    private void stopContainers(Task task) {
        task.moveTo(TaskLifecycle.STOPPING);
        after(timing.stopping(), task, TaskLifecycle.STOPPING);
    }

    private void deprovision(Task task) {
        task.containersStopped(clock.now());
        task.attachment().setStatus(AttachmentStatus.DETACHING);
        task.moveTo(TaskLifecycle.DEPROVISIONING);
        after(timing.deprovisioning(), task, TaskLifecycle.DEPROVISIONING);
    }

    private void finishStop(Task task) {
        task.networkInterfaceId().flatMap(network::findNetworkInterface)
                .ifPresent(eni -> network.deleteManagedNetworkInterface(eni.id()));
        task.attachment().setStatus(AttachmentStatus.DELETED);
        task.ec2().ifPresent(p -> p.containerInstance().release(task.arn()));
        task.stopped(clock.now());
    }

    /** The ENI could not be created: the task stops without ever running, and RunTask has already answered 200. */
    private void failToStart(Task task, String ec2ErrorCode) {
        String where = task.spec().assignPublicIp() ? "Create Network Interface with public IP assignment enabled in subnet '"
                : "Create Network Interface in subnet '";
        task.requestStop("TaskFailedToStart", "Unexpected EC2 error while attempting to " + where + task.spec().subnetId()
                + "': " + ec2ErrorCode, clock.now());
        task.attachment().setStatus(AttachmentStatus.FAILED);
        if (ec2ErrorCode.equals("InsufficientFreeAddressesInSubnet")) {
            notices.notice(new Notice("subnet-full", task.spec().subnetId(), "subnet " + task.spec().subnetId()
                    + " has no free address: task " + task.id() + " stopped (TaskFailedToStart) -- run: bin/ecsnet diagnose " + task.id()));
        }
        task.containersStopped(clock.now());
        task.moveTo(TaskLifecycle.DEPROVISIONING);
        after(timing.deprovisioning(), task, TaskLifecycle.DEPROVISIONING);
    }
}
