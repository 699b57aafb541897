package dev.ecsnet.domain.ssm;

import dev.ecsnet.domain.ec2.Image;
import dev.ecsnet.domain.ec2.Images;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The public parameters AWS publishes under {@code /aws/service/} that ECS stacks read, built from ecsnet's own AMI
 * catalogue so that every image id they name is one DescribeImages and RunInstances know:
 * <ul>
 *   <li>{@code /aws/service/ecs/optimized-ami/<family>/recommended} (the JSON AWS publishes), each of its keys as
 *       {@code .../recommended/<key>}, and the same per release under {@code .../<family>/<image name>};</li>
 *   <li>{@code /aws/service/ami-amazon-linux-latest/<alias>}, the AMI id, under the alias names AWS uses;</li>
 *   <li>{@code /aws/service/aws-for-fluent-bit/<tag>}, the region's ECR image of that tag.</li>
 * </ul>
 * Public parameters have no account in their ARN, are String parameters of data type {@code text}, and are read
 * only.
 */
final class PublicParameters {
    static final String ECS_AMI = "/aws/service/ecs/optimized-ami/";
    static final String AMAZON_LINUX = "/aws/service/ami-amazon-linux-latest/";
    static final String FLUENT_BIT = "/aws/service/aws-for-fluent-bit/";
    /** The account AWS publishes the aws-for-fluent-bit images from in the commercial regions. */
    static final String FLUENT_BIT_REGISTRY = "906394416424";
    static final List<String> FLUENT_BIT_TAGS = List.of("2.32.4", "2.32.5", "stable", "latest");
    private static final Instant FLUENT_BIT_PUBLISHED = Instant.parse("2025-01-10T00:00:00Z");

    /** An ECS-optimized AMI family: its path under {@code optimized-ami/}, the images it holds, and what it says of them. */
    private record Family(String path, Predicate<String> images, String os, String runtime) {
    }

    private static final List<Family> ECS_FAMILIES = List.of(
            new Family("amazon-linux-2", n -> n.matches("amzn2-ami-ecs-hvm-.*-x86_64-ebs"), "Amazon Linux 2", "Docker version 25.0.6"),
            new Family("amazon-linux-2/arm64", n -> n.matches("amzn2-ami-ecs-hvm-.*-arm64-ebs"), "Amazon Linux 2", "Docker version 25.0.6"),
            new Family("amazon-linux-2/kernel-5.10", n -> n.matches("amzn2-ami-ecs-kernel-5\\.10-hvm-.*-x86_64-ebs"), "Amazon Linux 2",
                    "Docker version 25.0.6"),
            new Family("amazon-linux-2023", n -> n.matches("al2023-ami-ecs-hvm-.*-x86_64"), "Amazon Linux 2023", "Docker version 25.0.6"),
            new Family("amazon-linux-2023/arm64", n -> n.matches("al2023-ami-ecs-hvm-.*-arm64"), "Amazon Linux 2023", "Docker version 25.0.6"));
    private static final String ECS_AGENT_VERSION = "1.89.2";

    /** The ami-amazon-linux-latest aliases and the plain images they stand for. */
    private static final Map<String, Predicate<String>> AMAZON_LINUX_ALIASES = aliases();

    private PublicParameters() {
    }

    private static Map<String, Predicate<String>> aliases() {
        Map<String, Predicate<String>> out = new LinkedHashMap<>();
        Predicate<String> al2023x86 = n -> n.matches("al2023-ami-2023\\..*-kernel-6\\.1-x86_64");
        Predicate<String> al2023arm = n -> n.matches("al2023-ami-2023\\..*-kernel-6\\.1-arm64");
        Predicate<String> amzn2x86 = n -> n.matches("amzn2-ami-hvm-2\\.0\\..*-x86_64-gp2");
        Predicate<String> amzn2k510 = n -> n.matches("amzn2-ami-kernel-5\\.10-hvm-2\\.0\\..*-x86_64-gp2");
        Predicate<String> amzn2arm = n -> n.matches("amzn2-ami-hvm-2\\.0\\..*-arm64-gp2");
        out.put("al2023-ami-kernel-default-x86_64", al2023x86);
        out.put("al2023-ami-kernel-6.1-x86_64", al2023x86);
        out.put("al2023-ami-kernel-default-arm64", al2023arm);
        out.put("al2023-ami-kernel-6.1-arm64", al2023arm);
        out.put("amzn2-ami-hvm-x86_64-gp2", amzn2x86);
        out.put("amzn2-ami-kernel-4.14-hvm-x86_64-gp2", amzn2x86);
        out.put("amzn2-ami-kernel-5.10-hvm-x86_64-gp2", amzn2k510);
        out.put("amzn2-ami-kernel-default-hvm-x86_64-gp2", amzn2k510);
        out.put("amzn2-ami-hvm-arm64-gp2", amzn2arm);
        out.put("amzn2-ami-kernel-4.14-hvm-arm64-gp2", amzn2arm);
        return out;
    }

    /** Every public parameter of {@code region}, by name. */
    static Map<String, Parameter> forRegion(String region) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        String arnPrefix = "arn:aws:ssm:" + region + "::parameter";
        for (Family f : ECS_FAMILIES) {
            List<Image> images = Images.all().stream().filter(i -> f.images().test(i.name())).toList();
            newest(images).ifPresent(img -> publishRelease(out, arnPrefix, ECS_AMI + f.path() + "/recommended", img, f));
            images.forEach(img -> publishRelease(out, arnPrefix, ECS_AMI + f.path() + "/" + img.name(), img, f));
        }
        AMAZON_LINUX_ALIASES.forEach((alias, images) -> newest(Images.all().stream().filter(i -> images.test(i.name())).toList())
                .ifPresent(img -> put(out, arnPrefix, AMAZON_LINUX + alias, img.imageId(), created(img))));
        for (String tag : FLUENT_BIT_TAGS) {
            put(out, arnPrefix, FLUENT_BIT + tag, FLUENT_BIT_REGISTRY + ".dkr.ecr." + region + ".amazonaws.com/aws-for-fluent-bit:" + tag,
                    FLUENT_BIT_PUBLISHED);
        }
        return out;
    }

    private static Optional<Image> newest(List<Image> images) {
        return images.stream().max(Comparator.comparing(Image::creationDate));
    }

    /** An ECS-optimized release: the JSON AWS publishes, and each of its keys as a parameter of its own. */
    private static void publishRelease(Map<String, Parameter> out, String arnPrefix, String path, Image img, Family f) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("schema_version", "1");
        keys.put("image_name", img.name());
        keys.put("image_id", img.imageId());
        keys.put("os", f.os());
        keys.put("ecs_runtime_version", f.runtime());
        keys.put("ecs_agent_version", ECS_AGENT_VERSION);
        StringBuilder json = new StringBuilder("{");
        keys.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(k.equals("schema_version") ? v : "\"" + v + "\""));
        Instant at = created(img);
        put(out, arnPrefix, path, json.append('}').toString(), at);
        keys.forEach((k, v) -> put(out, arnPrefix, path + "/" + k, v, at));
    }

    private static Instant created(Image img) {
        return Instant.parse(img.creationDate());
    }

    private static void put(Map<String, Parameter> out, String arnPrefix, String name, String value, Instant at) {
        Parameter p = new Parameter(name, arnPrefix + name);
        p.add(new ParameterVersion(name, ParameterType.STRING, value, value, Optional.empty(), Optional.empty(), Optional.empty(),
                ParameterTier.STANDARD, List.of(), "text", 1, at, "", List.of()));
        out.put(name, p);
    }
}
