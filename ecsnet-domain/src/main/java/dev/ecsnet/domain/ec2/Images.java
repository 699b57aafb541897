package dev.ecsnet.domain.ec2;

import java.util.List;
import java.util.Optional;

/**
 * The AMIs RunInstances accepts: a small fixed catalogue of ECS-optimized images, the same ids in every region.
 * Names follow AWS's patterns ({@code al2023-ami-ecs-hvm-*}, {@code amzn2-ami-ecs-hvm-*}); the owner is the
 * account that publishes the ECS-optimized AMIs, aliased {@code amazon}.
 */
public final class Images {
    public static final String ECS_AMI_OWNER = "591542846629";
    private static final List<Image> CATALOGUE = List.of(
            image("ami-0a1f3c2e4b5d60718", "al2023-ami-ecs-hvm-2023.0.20250110-kernel-6.1-x86_64", "x86_64",
                    "Amazon Linux AMI 2023.0.20250110 x86_64 ECS HVM EBS", "2025-01-10T20:12:31.000Z"),
            image("ami-0b2e4d3f5c6e71829", "al2023-ami-ecs-hvm-2023.0.20250110-kernel-6.1-arm64", "arm64",
                    "Amazon Linux AMI 2023.0.20250110 arm64 ECS HVM EBS", "2025-01-10T20:12:35.000Z"),
            image("ami-0c3f5e4a6d7f8293a", "amzn2-ami-ecs-hvm-2.0.20250110-x86_64-ebs", "x86_64",
                    "Amazon Linux AMI 2.0.20250110 x86_64 ECS HVM GP2", "2025-01-10T19:40:02.000Z"),
            image("ami-0d4a6f5b7e8a93a4b", "amzn2-ami-ecs-hvm-2.0.20250110-arm64-ebs", "arm64",
                    "Amazon Linux AMI 2.0.20250110 arm64 ECS HVM GP2", "2025-01-10T19:40:07.000Z"),
            image("ami-0e5b7a6c8f9b04b5c", "amzn2-ami-ecs-kernel-5.10-hvm-2.0.20250110-x86_64-ebs", "x86_64",
                    "Amazon Linux AMI 2.0.20250110 x86_64 ECS HVM GP2", "2025-01-10T19:41:12.000Z"));

    private Images() {
    }

    private static Image image(String id, String name, String arch, String description, String created) {
        return new Image(id, name, description, arch, ECS_AMI_OWNER, "amazon", created);
    }

    public static List<Image> all() {
        return CATALOGUE;
    }

    public static Optional<Image> find(String imageId) {
        return CATALOGUE.stream().filter(i -> i.imageId().equals(imageId)).findFirst();
    }
}
