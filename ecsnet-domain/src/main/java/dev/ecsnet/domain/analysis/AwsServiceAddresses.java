package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.EndpointServices;
import dev.ecsnet.domain.net.Ipv4;

import java.util.Map;

/**
 * Where the AWS services a task talks to live, as data: a hostname as the agent dials it, and one public address to
 * reason about routes with. The addresses are never contacted; S3's comes from its prefix list so that a gateway
 * endpoint's route matches it, the others from ranges outside every private CIDR.
 */
public final class AwsServiceAddresses {
    /** An address for the registry a non-ECR image comes from (Docker Hub's registry, as data). */
    public static final int PUBLIC_REGISTRY = (int) Ipv4.parse("54.236.113.205");

    private static final Map<String, String> ADDRESSES = Map.of(
            "ecr.api", "52.46.148.12",
            "ecr.dkr", "52.46.148.20",
            "logs", "52.46.157.7",
            "secretsmanager", "52.46.152.3",
            "ssm", "52.46.159.14",
            "sts", "52.46.150.9");

    private AwsServiceAddresses() {
    }

    public static int address(String service, String region) {
        if (service.equals("s3") || service.equals("dynamodb")) {
            String cidr = EndpointServices.prefixListFor(region, "com.amazonaws." + region + "." + service).orElseThrow().cidrs().get(0);
            return Cidr.parse(cidr).orElseThrow().addressAt(10);
        }
        return (int) Ipv4.parse(ADDRESSES.getOrDefault(service, "52.46.150.1"));
    }

    /** The hostname the ECS agent dials for a service, as AWS's own error messages show it. */
    public static String hostname(String service, String region, String accountId) {
        return switch (service) {
            case "ecr.api" -> "api.ecr." + region + ".amazonaws.com";
            case "ecr.dkr" -> accountId + ".dkr.ecr." + region + ".amazonaws.com";
            case "s3" -> "prod-" + region + "-starport-layer-bucket.s3." + region + ".amazonaws.com";
            default -> service + "." + region + ".amazonaws.com";
        };
    }
}
