package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ecs.placement.PlacementRequest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a service is asked to be: everything CreateService takes and UpdateService changes. Each deployment keeps
 * the configuration it was made from. Members a client may send but ecsnet does not act on
 * ({@code vpcLatticeConfigurations}, {@code availabilityZoneRebalancing}) are kept as sent so they read back.
 * {@code taskDefinitionArn} is always the full ARN of a revision (a family or {@code family:revision} is resolved
 * once, when the service is created or updated); it is empty for a service with the EXTERNAL deployment controller,
 * whose task sets have their own.
 */
public record ServiceConfig(String taskDefinitionArn, int desiredCount, Optional<String> launchType,
                            List<CapacityProviderStrategyItem> capacityProviderStrategy, Optional<String> platformVersion,
                            Optional<TaskLaunch.AwsvpcConfiguration> network, DeploymentConfiguration deployment,
                            List<LoadBalancerRef> loadBalancers, List<RegistryRef> serviceRegistries,
                            Optional<Integer> healthCheckGracePeriodSeconds, List<PlacementRequest.Constraint> placementConstraints,
                            List<PlacementRequest.Strategy> placementStrategy, boolean enableEcsManagedTags, String propagateTags,
                            boolean enableExecuteCommand, String availabilityZoneRebalancing,
                            List<Map<String, Object>> vpcLatticeConfigurations, String deploymentController, Optional<String> roleArn,
                            Optional<ServiceConnectConfiguration> serviceConnect) {

    public ServiceConfig {
        capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        loadBalancers = List.copyOf(loadBalancers);
        serviceRegistries = List.copyOf(serviceRegistries);
        placementConstraints = List.copyOf(placementConstraints);
        placementStrategy = List.copyOf(placementStrategy);
        vpcLatticeConfigurations = vpcLatticeConfigurations.stream()
                .map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
    }

    /** {@code deploymentConfiguration}: the rolling-update bounds and the circuit breaker. */
    public record DeploymentConfiguration(int maximumPercent, int minimumHealthyPercent, boolean circuitBreakerEnable,
                                          boolean circuitBreakerRollback) {
        public static final DeploymentConfiguration DEFAULT = new DeploymentConfiguration(200, 100, false, false);
    }

    /** One {@code loadBalancers} entry (ALB/NLB target group; {@code loadBalancerName} only for classic ELB). */
    public record LoadBalancerRef(Optional<String> targetGroupArn, Optional<String> loadBalancerName, String containerName,
                                  int containerPort) {
    }

    /** One {@code serviceRegistries} entry (a Cloud Map service). */
    public record RegistryRef(String registryArn, Optional<Integer> port, Optional<String> containerName,
                              Optional<Integer> containerPort) {
    }

    public ServiceConfig withDesiredCount(int count) {
        return new ServiceConfig(taskDefinitionArn, count, launchType, capacityProviderStrategy, platformVersion, network, deployment,
                loadBalancers, serviceRegistries, healthCheckGracePeriodSeconds, placementConstraints, placementStrategy,
                enableEcsManagedTags, propagateTags, enableExecuteCommand, availabilityZoneRebalancing, vpcLatticeConfigurations,
                deploymentController, roleArn, serviceConnect);
    }

    public ServiceConfig withTaskDefinition(String arn) {
        return new ServiceConfig(arn, desiredCount, launchType, capacityProviderStrategy, platformVersion, network, deployment,
                loadBalancers, serviceRegistries, healthCheckGracePeriodSeconds, placementConstraints, placementStrategy,
                enableEcsManagedTags, propagateTags, enableExecuteCommand, availabilityZoneRebalancing, vpcLatticeConfigurations,
                deploymentController, roleArn, serviceConnect);
    }

    ServiceConfig withServiceConnect(Optional<ServiceConnectConfiguration> sc) {
        return new ServiceConfig(taskDefinitionArn, desiredCount, launchType, capacityProviderStrategy, platformVersion, network, deployment,
                loadBalancers, serviceRegistries, healthCheckGracePeriodSeconds, placementConstraints, placementStrategy,
                enableEcsManagedTags, propagateTags, enableExecuteCommand, availabilityZoneRebalancing, vpcLatticeConfigurations,
                deploymentController, roleArn, sc);
    }

    /** The same configuration placing tasks by a launch type, or else by a capacity provider strategy. */
    ServiceConfig withCapacity(Optional<String> type, List<CapacityProviderStrategyItem> strategy) {
        return new ServiceConfig(taskDefinitionArn, desiredCount, type, strategy, platformVersion, network, deployment,
                loadBalancers, serviceRegistries, healthCheckGracePeriodSeconds, placementConstraints, placementStrategy,
                enableEcsManagedTags, propagateTags, enableExecuteCommand, availabilityZoneRebalancing, vpcLatticeConfigurations,
                deploymentController, roleArn, serviceConnect);
    }

    /** The EXTERNAL deployment controller: task sets carry the task definition, launch type and network. */
    public boolean isExternal() {
        return "EXTERNAL".equals(deploymentController);
    }

    /** The members that belong to the task sets of an EXTERNAL service, for comparing two configurations. */
    List<Object> taskSetLevel() {
        return List.of(taskDefinitionArn, launchType, capacityProviderStrategy, platformVersion, network, loadBalancers,
                serviceRegistries, serviceConnect);
    }

    /** FARGATE when the launch type or a capacity provider says so; EC2 otherwise. */
    public boolean isFargate() {
        return launchType.map("FARGATE"::equals).orElse(CapacityProviders.isFargateStrategy(capacityProviderStrategy));
    }

    /** The grace period during which load balancer health does not count (AWS's default: 0). */
    public int gracePeriodSeconds() {
        return healthCheckGracePeriodSeconds.orElse(0);
    }

    /**
     * True when a change from {@code other} to this starts a new deployment: the members UpdateService documents as
     * triggering one (task definition, network configuration, platform version, load balancers, service
     * registries, Service Connect, VPC Lattice). The others (count, capacity provider strategy, deployment
     * configuration, placement, tags, ...) change the service and take effect from then on, or, for the capacity
     * provider strategy, with the next deployment.
     */
    public boolean needsNewDeployment(ServiceConfig other) {
        return !taskDefinitionArn.equals(other.taskDefinitionArn) || !network.equals(other.network)
                || !platformVersion.equals(other.platformVersion) || !loadBalancers.equals(other.loadBalancers)
                || !serviceRegistries.equals(other.serviceRegistries) || !serviceConnect.equals(other.serviceConnect)
                || !vpcLatticeConfigurations.equals(other.vpcLatticeConfigurations);
    }
}
