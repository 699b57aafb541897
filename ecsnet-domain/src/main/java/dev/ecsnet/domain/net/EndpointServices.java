package dev.ecsnet.domain.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The AWS services a VPC endpoint can reach in a region, named as AWS names them
 * ({@code com.amazonaws.us-east-1.ecr.dkr}), with the endpoint types each supports, their private DNS names, and
 * the AWS-managed prefix lists of the gateway services (S3, DynamoDB).
 */
public final class EndpointServices {

    /** One endpoint service. {@code privateDnsName} is null for services without one (S3 interface). */
    public record Service(String name, String shortName, boolean interfaceType, boolean gatewayType, String privateDnsName,
                          String serviceId) {
    }

    /** An AWS-managed prefix list: the public ranges of a gateway service (data only; never contacted). */
    public record PrefixList(String id, String name, List<String> cidrs) {
    }

    private static final String[] INTERFACE_ONLY = {"ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "ssmmessages",
            "ec2messages", "ecs", "ecs-agent", "ecs-telemetry", "sts", "kms", "elasticloadbalancing", "servicediscovery",
            "ec2", "monitoring", "sqs", "sns", "xray", "elasticfilesystem", "application-autoscaling", "execute-api"};

    private EndpointServices() {
    }

    public static List<Service> of(String region) {
        List<Service> out = new ArrayList<>();
        out.add(service(region, "dynamodb", true, true, null));
        out.add(service(region, "s3", true, true, null));
        for (String s : INTERFACE_ONLY) {
            out.add(service(region, s, true, false, privateDnsName(region, s)));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(out);
    }

    public static Optional<Service> find(String region, String name) {
        return of(region).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static Service service(String region, String shortName, boolean iface, boolean gateway, String dns) {
        String id = "vpce-svc-" + String.format("%017x", (long) (region + "/" + shortName).hashCode() & 0xffffffffffL);
        return new Service("com.amazonaws." + region + "." + shortName, shortName, iface, gateway, dns, id);
    }

    private static String privateDnsName(String region, String shortName) {
        return switch (shortName) {
            case "ecr.api" -> "api.ecr." + region + ".amazonaws.com";
            case "ecr.dkr" -> "*.dkr.ecr." + region + ".amazonaws.com";
            case "elasticloadbalancing" -> "elasticloadbalancing." + region + ".amazonaws.com";
            default -> shortName + "." + region + ".amazonaws.com";
        };
    }

    /** The prefix lists of the gateway services; us-east-1 uses AWS's real ids, other regions stable made-up ones. */
    public static List<PrefixList> prefixLists(String region) {
        boolean east = region.equals("us-east-1");
        String s3Id = east ? "pl-63a5400a" : "pl-" + String.format("%08x", (region + "/s3").hashCode());
        String ddbId = east ? "pl-02cd2c6b" : "pl-" + String.format("%08x", (region + "/dynamodb").hashCode());
        List<String> s3 = east ? List.of("16.15.176.0/20", "16.182.0.0/16", "18.34.0.0/19", "18.34.232.0/21", "3.5.0.0/19",
                "52.216.0.0/15", "54.231.0.0/16") : List.of("3.5.0.0/19");
        List<String> ddb = east ? List.of("3.218.180.0/22", "3.218.184.0/22", "52.94.0.0/22", "52.119.224.0/20")
                : List.of("52.94.0.0/22");
        return List.of(new PrefixList(ddbId, "com.amazonaws." + region + ".dynamodb", ddb),
                new PrefixList(s3Id, "com.amazonaws." + region + ".s3", s3));
    }

    public static Optional<PrefixList> prefixListFor(String region, String serviceName) {
        return prefixLists(region).stream().filter(p -> p.name().equals(serviceName)).findFirst();
    }
}
