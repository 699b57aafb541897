package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;

/** The ECS ARNs of one account and region, and the inverse: the short name or id at the end of an ARN. */
public final class EcsArns {
    private final String prefix;
    private final String accountId;

    public EcsArns(AccountRegion key) {
        this.prefix = "arn:aws:ecs:" + key.region() + ":" + key.accountId() + ":";
        this.accountId = key.accountId();
    }

    public String cluster(String name) {
        return prefix + "cluster/" + name;
    }

    public String taskDefinition(String family, int revision) {
        return prefix + "task-definition/" + family + ":" + revision;
    }

    /** Long ARN format (the default since 2021): the cluster name is part of the task ARN. */
    public String task(String clusterName, String taskId) {
        return prefix + "task/" + clusterName + "/" + taskId;
    }

    /** Long ARN format: the cluster name is part of the service ARN. */
    public String service(String clusterName, String serviceName) {
        return prefix + "service/" + clusterName + "/" + serviceName;
    }

    public String container(String clusterName, String taskId, String containerId) {
        return prefix + "container/" + clusterName + "/" + taskId + "/" + containerId;
    }

    /** Long ARN format: the cluster name is part of the container instance ARN. */
    public String containerInstance(String clusterName, String id) {
        return prefix + "container-instance/" + clusterName + "/" + id;
    }

    public String capacityProvider(String name) {
        return prefix + "capacity-provider/" + name;
    }

    /** A task set of a service (EXTERNAL deployment controller); its id is {@code ecs-svc/} and 19 digits. */
    public String taskSet(String clusterName, String serviceName, String taskSetId) {
        return prefix + "task-set/" + clusterName + "/" + serviceName + "/" + taskSetId;
    }

    /** The start of every ECS ARN of this account and region. */
    public String prefix() {
        return prefix;
    }

    /** Task ENIs are described by this ARN in EC2. */
    public String attachment(String attachmentId) {
        return prefix + "attachment/" + attachmentId;
    }

    public String rootPrincipal() {
        return "arn:aws:iam::" + accountId + ":root";
    }

    public String accountId() {
        return accountId;
    }

    /** {@code name} for a name, the part after the last '/' for an ARN. */
    static String lastSegment(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }
}
