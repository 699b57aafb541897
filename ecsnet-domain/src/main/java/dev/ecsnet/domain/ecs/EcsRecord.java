package dev.ecsnet.domain.ecs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * ECS of one account in one region, the service side aside ({@link EcsServicesRecord}), as plain data (see
 * docs/design-state.md, "Snapshot records"): clusters, task definitions, account settings, container instances,
 * tasks, and the placement state that decides where the next tasks go.
 *
 * <p>A cluster deleted and created again under its name is a new cluster; tasks and container instances of the
 * earlier one still refer to it. Those earlier clusters are {@code retiredClusters}, and a reference to one is its
 * index there ({@code retiredCluster}; null means the cluster the name names now). Documents the client sent
 * (task definitions, cluster configuration, task overrides) are JSON-shaped maps of strings, numbers, booleans,
 * lists and maps, kept as sent.
 */
public record EcsRecord(List<ClusterRecord> clusters, List<ClusterRecord> retiredClusters,
                        List<TaskDefinitionRecord> taskDefinitions, AccountSettingsRecord accountSettings,
                        List<ContainerInstanceRecord> containerInstances, List<ClusterTasksRecord> tasks,
                        FargatePlacementRecord fargatePlacement, Ec2LauncherRecord ec2Launcher) {

    /** {@code attachmentsGeneration} is what a pending "attachments updated" timer must still match. */
    public record ClusterRecord(String name, String arn, String status, Map<String, String> tags, Map<String, String> settings,
                                List<String> capacityProviders, List<StrategyItemRecord> defaultCapacityProviderStrategy,
                                Map<String, Object> configuration, String serviceConnectNamespaceArn,
                                List<AttachmentRecord> attachments, String attachmentsStatus, long attachmentsGeneration) {
    }

    public record StrategyItemRecord(String capacityProvider, int weight, int base) {
    }

    public record AttachmentRecord(String id, String type, String status) {
    }

    /** Every revision of every family, families in name order, revisions from 1 up without gaps. */
    public record TaskDefinitionRecord(String arn, String family, int revision, String status, Map<String, Object> document,
                                       List<ContainerDefinitionRecord> containers, String networkMode, String cpu, String memory,
                                       List<String> requiresCompatibilities, List<String> compatibilities,
                                       List<String> requiresAttributes, Instant registeredAt, String registeredBy,
                                       Instant deregisteredAt, Map<String, String> tags, Instant deleteRequestedAt) {
    }

    public record ContainerDefinitionRecord(String name, String image, Integer cpu, Integer memory, Integer memoryReservation) {
    }

    /** The root user's values (the account defaults) and other principals' own values. */
    public record AccountSettingsRecord(Map<String, String> accountDefaults, Map<String, Map<String, String>> byPrincipal) {
    }

    /** Attributes with a null value are name-only (capabilities); {@code trunk} is null without trunking. */
    public record ContainerInstanceRecord(String id, String arn, String clusterName, Integer retiredCluster, String ec2InstanceId,
                                          int registeredCpu, int registeredMemory, int eniSlots, TrunkRecord trunk,
                                          Instant registeredAt, Map<String, String> attributes, Map<String, String> tags,
                                          List<ReservationRecord> reservations, ContainerInstance.Status status,
                                          String statusReason, long version) {
    }

    public record TrunkRecord(String trunkId, String attachmentId, String networkInterfaceId, String macAddress,
                              String privateIpAddress, String subnetId) {
    }

    /** What a task holds on its container instance; ports in ascending order. */
    public record ReservationRecord(String taskArn, String group, int cpu, int memory, List<Integer> tcpPorts,
                                    List<Integer> udpPorts, boolean eni, int deviceIndex) {
    }

    /** The tasks kept under one cluster name, stopped ones included, in launch order. */
    public record ClusterTasksRecord(String clusterName, List<TaskRecord> tasks) {
    }

    public record TaskRecord(TaskSpecRecord spec, List<TaskContainerRecord> containers, TaskAttachmentRecord attachment,
                             Map<String, String> tags, TaskLifecycle lastStatus, String desiredStatus, long version,
                             String networkInterfaceId, String privateIpv4Address, String stopCode, String stoppedReason,
                             Instant stoppingAt, Instant stoppedAt, Instant executionStoppedAt, Instant pullStartedAt,
                             Instant pullStoppedAt, Instant startedAt, Instant connectivityAt, Ec2PlacementRecord ec2) {
    }

    /**
     * What placement decided and the request asked for ({@code requestTags}: the tags RunTask gave, which the task's
     * own tags start as). {@code taskDefinitionAsLaunched} is null when the task holds the revision as it is now; else
     * the revision's changing parts as they were at launch (it was deregistered, deleted or retagged since).
     */
    public record TaskSpecRecord(String id, String arn, Integer retiredCluster, String taskDefinitionArn,
                                 TaskDefinitionAsLaunched taskDefinitionAsLaunched, String launchType,
                                 String capacityProviderName, String subnetId, String availabilityZone,
                                 List<String> securityGroupIds, boolean assignPublicIp, String group, String startedBy,
                                 Map<String, Object> overrides, Map<String, String> requestTags, boolean enableExecuteCommand,
                                 Instant createdAt) {
    }

    public record TaskDefinitionAsLaunched(String status, Instant deregisteredAt, Instant deleteRequestedAt,
                                           Map<String, String> tags) {
    }

    /** {@code name} is the container definition's, in the task's revision. */
    public record TaskContainerRecord(String arn, String name, String lastStatus, Integer exitCode, String runtimeId) {
    }

    /** Details in AWS's order. */
    public record TaskAttachmentRecord(String id, AttachmentStatus status, Map<String, String> details) {
    }

    public record Ec2PlacementRecord(String containerInstanceId, List<PortBindingRecord> bindings, boolean branchEni,
                                     int deviceIndex) {
    }

    public record PortBindingRecord(String containerName, int containerPort, int hostPort, String protocol) {
    }

    /**
     * Fargate subnet spreading: the zone rotation's next start, and per zone where the next search for its roomiest
     * subnet starts.
     */
    public record FargatePlacementRecord(int rotation, Map<String, Integer> turns) {
    }

    /**
     * EC2 placement: the random stream's state (random placement strategies), the next subnet per zone, and the
     * tasks waiting in PROVISIONING for capacity with what they were asked with, oldest first.
     */
    public record Ec2LauncherRecord(long randomState, Map<String, Integer> subnetRotation, List<WaitingTaskRecord> waiting) {
    }

    /** {@code network} is null for a task definition whose network mode is not awsvpc. */
    public record WaitingTaskRecord(String taskArn, TaskLaunchRecord request, List<ConstraintRecord> constraints,
                                    List<PlacementStrategyRecord> strategies, CheckedNetworkRecord network) {
    }

    public record TaskLaunchRecord(String cluster, String taskDefinition, int count, String launchType,
                                   List<StrategyItemRecord> capacityProviderStrategy, AwsvpcRecord networkConfiguration,
                                   String startedBy, String group, Map<String, Object> overrides, Map<String, String> tags,
                                   boolean enableExecuteCommand) {
    }

    public record AwsvpcRecord(List<String> subnets, List<String> securityGroups, String assignPublicIp) {
    }

    public record ConstraintRecord(String type, String expression) {
    }

    public record PlacementStrategyRecord(String type, String field) {
    }

    /** A checked awsvpcConfiguration: subnet ids by zone (in the request's order), and the groups for the ENI. */
    public record CheckedNetworkRecord(Map<String, List<String>> subnetIdsByZone, List<String> securityGroupIds,
                                       boolean assignPublicIp) {
    }
}
