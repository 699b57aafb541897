package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.Instances;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ECS agent on an ECS-optimized AMI does for its instance: when the instance is running it registers
 * with the cluster its user data names ({@code ECS_CLUSTER=name}, as in {@code /etc/ecs/ecs.config}); without
 * one it registers with {@code default}, creating it, as the agent does. {@code ECS_ENABLE_HIGH_DENSITY_ENI=false}
 * turns trunking off. A named cluster that does not exist means no registration (the agent keeps failing). When
 * the instance shuts down, its tasks stop and the container instance is deregistered.
 */
final class EcsAgent implements Instances.Listener {
    private static final Pattern CLUSTER = Pattern.compile("ECS_CLUSTER=[\"']?([A-Za-z0-9_-]+)");
    private static final Pattern HIGH_DENSITY_OFF = Pattern.compile("ECS_ENABLE_HIGH_DENSITY_ENI=[\"']?false");

    private final Ecs ecs;

    EcsAgent(Ecs ecs, Instances instances) {
        this.ecs = ecs;
    }

    /** The cluster name the user data configures, if any. */
    static Optional<String> clusterName(String userData) {
        Matcher m = CLUSTER.matcher(userData);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public void running(Instance instance) {
        if (!dev.ecsnet.domain.ec2.Images.runsEcsAgent(instance.image())) {
            return;
        }
        Optional<String> name = clusterName(instance.userData());
        Optional<Cluster> cluster;
        if (name.isEmpty()) {
            cluster = Optional.of(ecs.createCluster(Optional.empty()));
        } else {
            cluster = ecs.findCluster(name.get()).filter(Cluster::isActive);
        }
        boolean highDensity = !HIGH_DENSITY_OFF.matcher(instance.userData()).find();
        cluster.ifPresent(c -> ecs.containerInstances().register(c, instance, highDensity, Map.of()));
    }

    @Override
    public void shuttingDown(Instance instance) {
        // the text ECS gives tasks whose host went away (from memory of real output; not confirmed by a source here)
        ecs.containerInstances().forInstance(instance.id())
                .ifPresent(ci -> ecs.hostTerminating(ci, "Host EC2 (instance " + instance.id() + ") stopped/terminated."));
    }
}
