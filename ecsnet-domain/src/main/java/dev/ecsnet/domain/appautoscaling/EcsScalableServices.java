package dev.ecsnet.domain.appautoscaling;

import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.domain.ecs.Service;

import java.util.Optional;
import java.util.OptionalInt;

/** ECS services as Application Auto Scaling sees them; a new desired count goes through UpdateService's path. */
public final class EcsScalableServices implements ScalableServices {
    private final Ecs ecs;

    public EcsScalableServices(Ecs ecs) {
        this.ecs = ecs;
    }

    private Optional<Service> active(String cluster, String service) {
        return ecs.findCluster(cluster).filter(c -> c.isActive()).flatMap(c -> ecs.services().find(c, service))
                .filter(s -> s.status().equals(Service.ACTIVE));
    }

    @Override
    public OptionalInt desiredCount(String cluster, String service) {
        return active(cluster, service).map(s -> OptionalInt.of(s.config().desiredCount())).orElse(OptionalInt.empty());
    }

    @Override
    public void setDesiredCount(String cluster, String service, int count) {
        ecs.services().updateService(Optional.of(cluster), service, c -> c.withDesiredCount(count), false);
    }
}
