package dev.ecsnet.domain.ecs;

import java.util.List;

/**
 * What ECS needs from SSM Parameter Store: which of a task's secrets ({@code valueFrom}: a parameter name or ARN)
 * name no parameter, as the agent finds when it fetches them at launch. The region wires Parameter Store in;
 * without it every parameter counts as present.
 */
public interface SecretParameters {

    /** The parameters among {@code valueFroms} that do not exist, named as the agent reports them. */
    List<String> missing(List<String> valueFroms);

    SecretParameters NONE = valueFroms -> List.of();
}
