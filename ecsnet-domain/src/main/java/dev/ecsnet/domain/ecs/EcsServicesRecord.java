package dev.ecsnet.domain.ecs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The service side of ECS as plain data (see docs/design-state.md, "Snapshot records"): the services with their
 * deployments, task sets, events and scheduler memory, the controller's pending work, the Auto Scaling group
 * capacity providers with the region's arming counters, and which Cloud Map services Service Connect created for
 * which ECS service. Tasks, clusters and task definitions are named by id, ARN or name; they are {@link EcsRecord}'s.
 * Absent values are null.
 *
 * @param clusters              every service, INACTIVE ones too, by cluster name (in the order the clusters were
 *                              first looked at for services, some with none yet), each in creation order
 * @param controller            the scheduler's work queue and counters
 * @param capacity              capacity providers and their counters
 * @param serviceConnectOwners  Cloud Map service ARN → the ARN of the ECS service that created it, in creation order
 */
public record EcsServicesRecord(List<ClusterServicesRecord> clusters, ControllerRecord controller, CapacityRecord capacity,
                                Map<String, String> serviceConnectOwners) {

    /** The services of one cluster name, in creation order. */
    public record ClusterServicesRecord(String cluster, List<ServiceRecord> services) {
    }

    /**
     * One service.
     *
     * @param cluster         the name of its cluster
     * @param clientToken     the CreateService client token, null without one
     * @param openConditions  event message → when it was last written, for causes that still hold
     * @param retryAt         until when launches are throttled, null when they are not
     * @param resyncArmed     the token of the pending resync timer, 0 without one (so are the others)
     * @param registered      task id → the IP registered with its target groups and Cloud Map services, in order
     * @param taskIds         the ids of the tasks the service holds, in launch order
     */
    public record ServiceRecord(String name, String arn, String cluster, Instant createdAt, String createdBy, String clientToken,
                                Map<String, String> tags, String schedulingStrategy, ConfigRecord config, String status,
                                List<DeploymentRecord> deployments, List<TaskSetRecord> taskSets, List<EventRecord> events,
                                Map<String, Instant> openConditions, boolean steady, int throttleLevel, Instant retryAt,
                                int failuresSeen, long resyncArmed, long retryArmed, Map<String, String> registered,
                                List<String> taskIds) {
    }

    /** A service's configuration (its own, or the one a deployment rolls out); absent members are null. */
    public record ConfigRecord(String taskDefinitionArn, int desiredCount, String launchType,
                               List<StrategyItemRecord> capacityProviderStrategy, String platformVersion, NetworkRecord network,
                               DeploymentConfigurationRecord deploymentConfiguration, List<LoadBalancerRecord> loadBalancers,
                               List<RegistryRecord> serviceRegistries, Integer healthCheckGracePeriodSeconds,
                               List<PlacementConstraintRecord> placementConstraints,
                               List<PlacementStrategyRecord> placementStrategy, boolean enableEcsManagedTags, String propagateTags,
                               boolean enableExecuteCommand, String availabilityZoneRebalancing,
                               List<Map<String, Object>> vpcLatticeConfigurations, String deploymentController, String roleArn,
                               ServiceConnectRecord serviceConnect) {
    }

    public record StrategyItemRecord(String capacityProvider, int weight, int base) {
    }

    /** awsvpcConfiguration; {@code assignPublicIp} null when not given. */
    public record NetworkRecord(List<String> subnets, List<String> securityGroups, String assignPublicIp) {
    }

    public record DeploymentConfigurationRecord(int maximumPercent, int minimumHealthyPercent, boolean circuitBreakerEnable,
                                                boolean circuitBreakerRollback) {
    }

    public record LoadBalancerRecord(String targetGroupArn, String loadBalancerName, String containerName, int containerPort) {
    }

    public record RegistryRecord(String registryArn, Integer port, String containerName, Integer containerPort) {
    }

    public record PlacementConstraintRecord(String type, String expression) {
    }

    public record PlacementStrategyRecord(String type, String field) {
    }

    /** serviceConnectConfiguration: the parts acted on and {@code document}, the client's JSON as sent. */
    public record ServiceConnectRecord(boolean enabled, String namespace, List<EndpointRecord> services,
                                       Map<String, Object> document) {
    }

    public record EndpointRecord(String portName, String discoveryName, Integer ingressPortOverride, List<Integer> clientAliasPorts) {
    }

    /** One deployment, PRIMARY first in its service's list. */
    public record DeploymentRecord(String id, ConfigRecord config, Instant createdAt,
                                   List<ServiceConnectResourceRecord> serviceConnectResources, String status, Instant updatedAt,
                                   String rolloutState, String rolloutStateReason) {
    }

    public record ServiceConnectResourceRecord(String discoveryName, String discoveryArn) {
    }

    /** A task set of an EXTERNAL service, in creation order. */
    public record TaskSetRecord(String id, String arn, TaskSetSpecRecord spec, Instant createdAt, String clientToken,
                                Map<String, String> tags, double scale, String status, Instant updatedAt, String stabilityStatus,
                                Instant stabilityStatusAt, boolean gone) {
    }

    public record TaskSetSpecRecord(String taskDefinitionArn, String launchType, List<StrategyItemRecord> capacityProviderStrategy,
                                    String platformVersion, NetworkRecord network, List<LoadBalancerRecord> loadBalancers,
                                    List<RegistryRecord> serviceRegistries, String externalId) {
    }

    /** One service event, newest first in its service's list. */
    public record EventRecord(String id, Instant createdAt, String message) {
    }

    /**
     * The service controller.
     *
     * @param queue           ARNs of the services waiting for a pass, in the order they will get it
     * @param drainScheduled  whether the {@code ecs.services.drain} timer is pending
     * @param armings         the last token a resync or retry timer was armed with
     * @param passInstant     the instant the pass counts are for, null before the first pass
     * @param passes          service ARN → passes it had at {@code passInstant}
     * @param ownerByTaskId   task id → the ARN of the service that launched it
     */
    public record ControllerRecord(List<String> queue, boolean drainScheduled, long armings, Instant passInstant,
                                   Map<String, Integer> passes, Map<String, String> ownerByTaskId) {
    }

    /**
     * Capacity providers.
     *
     * @param attachmentGenerations  the last generation a cluster's attachment update was armed with
     * @param evaluations            the last token a managed scaling evaluation was armed with
     * @param groupProviders         the Auto Scaling group providers, INACTIVE ones too, in creation order
     */
    public record CapacityRecord(long attachmentGenerations, long evaluations, List<GroupProviderRecord> groupProviders) {
    }

    /**
     * An Auto Scaling group capacity provider.
     *
     * @param groupName            the Auto Scaling group it is linked to
     * @param aboveNeedSince       since when the group has been above what its tasks need, null when it is not
     * @param evaluationScheduled  the token of the pending evaluation timer, 0 without one
     */
    public record GroupProviderRecord(String name, String arn, String groupName, String autoScalingGroupArn, ScalingRecord managedScaling,
                                      String managedTerminationProtection, String managedDraining, Map<String, String> tags,
                                      String status, String updateStatus, String updateStatusReason, Instant lastScaleOut,
                                      Instant aboveNeedSince, long evaluationScheduled) {
    }

    public record ScalingRecord(String status, int targetCapacity, int minimumScalingStepSize, int maximumScalingStepSize,
                                int instanceWarmupPeriod) {
    }
}
