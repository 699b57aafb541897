package dev.ecsnet.domain.ecs;

/** Snapshots of the service side of ECS: services and their controller, task sets, capacity providers, Service Connect. */
public final class EcsServicesState {
    private EcsServicesState() {
    }

    /** SKELETON (issue 12, to be filled). */
    public static EcsServicesRecord export(Ecs ecs) {
        return new EcsServicesRecord();
    }

    /** SKELETON (issue 12, to be filled): called after {@link Ecs#restore}, so the clusters and tasks exist. */
    public static void restore(Ecs ecs, EcsServicesRecord record) {
    }
}
