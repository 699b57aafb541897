package dev.ecsnet.domain.iam;

import java.util.Map;
import java.util.Optional;

/**
 * AWS managed policies that ECS stacks attach, by ARN, with their path. ecsnet stores attachments and never
 * evaluates policies; an ARN outside this catalogue under {@code arn:aws:iam::aws:policy/} is refused as AWS
 * refuses a policy that does not exist.
 */
public final class ManagedPolicies {
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("AmazonECSTaskExecutionRolePolicy", "/service-role/"),
            Map.entry("AmazonEC2ContainerServiceforEC2Role", "/service-role/"),
            Map.entry("AmazonEC2ContainerServiceRole", "/service-role/"),
            Map.entry("AmazonEC2ContainerServiceAutoscaleRole", "/service-role/"),
            Map.entry("AmazonECSInfrastructureRolePolicyForVolumes", "/service-role/"),
            Map.entry("AmazonECSServiceRolePolicy", "/aws-service-role/"),
            Map.entry("AmazonECS_FullAccess", "/"),
            Map.entry("AmazonEC2ContainerRegistryReadOnly", "/"),
            Map.entry("AmazonEC2ContainerRegistryPowerUser", "/"),
            Map.entry("AmazonEC2ContainerRegistryFullAccess", "/"),
            Map.entry("CloudWatchLogsFullAccess", "/"),
            Map.entry("CloudWatchAgentServerPolicy", "/"),
            Map.entry("AmazonSSMManagedInstanceCore", "/"),
            Map.entry("AmazonSSMReadOnlyAccess", "/"),
            Map.entry("SecretsManagerReadWrite", "/"),
            Map.entry("AmazonS3ReadOnlyAccess", "/"),
            Map.entry("AmazonDynamoDBFullAccess", "/"),
            Map.entry("AWSXRayDaemonWriteAccess", "/"),
            Map.entry("AdministratorAccess", "/"),
            Map.entry("ReadOnlyAccess", "/"));

    private ManagedPolicies() {
    }

    /** The policy name when {@code arn} is a known AWS managed policy (its path must match, as ARNs include it). */
    public static Optional<String> nameOf(String arn) {
        String prefix = "arn:aws:iam::aws:policy";
        if (arn == null || !arn.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = arn.substring(prefix.length());
        int slash = rest.lastIndexOf('/');
        String name = rest.substring(slash + 1);
        String path = rest.substring(0, slash + 1);
        return path.equals(PATHS.get(name)) ? Optional.of(name) : Optional.empty();
    }

    /** The ARNs of the AWS managed policies ecsnet knows, in name order. */
    public static java.util.List<String> arns() {
        return PATHS.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                .map(e -> "arn:aws:iam::aws:policy" + e.getValue() + e.getKey()).toList();
    }

    public static boolean isAwsManaged(String arn) {
        return arn != null && arn.startsWith("arn:aws:iam::aws:policy/");
    }
}
