package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.ecs.Service;
import dev.ecsnet.domain.ecs.Services;
import dev.ecsnet.domain.ecs.Task;

/**
 * A task and a service exactly as DescribeTasks and DescribeServices answer them (tags included), for callers
 * outside the ECS API such as ecsnet's own UI, so that what the page shows is what the AWS CLI shows.
 */
public final class EcsDescriptions {
    private EcsDescriptions() {
    }

    public static ObjectNode task(Task task) {
        return EcsRender.task(task, true);
    }

    public static ObjectNode service(Services services, Service service) {
        return EcsServiceRender.service(services, service, true);
    }
}
