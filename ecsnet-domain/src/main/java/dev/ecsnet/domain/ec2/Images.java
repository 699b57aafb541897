package dev.ecsnet.domain.ec2;

import java.util.List;
import java.util.Optional;

/**
 * The AMIs RunInstances accepts: a small fixed catalogue of ECS-optimized images and of the plain Amazon Linux
 * images SSM's {@code /aws/service/ami-amazon-linux-latest/} parameters name, the same ids in every region. Names
 * follow AWS's patterns ({@code al2023-ami-ecs-hvm-*}, {@code amzn2-ami-ecs-hvm-*}, {@code al2023-ami-2023.*},
 * {@code amzn2-ami-hvm-*}); the owners are the accounts that publish them, both aliased {@code amazon}. Only the
 * ECS-optimized ones run the ECS agent.
 */
public final class Images {
    public static final String ECS_AMI_OWNER = "591542846629";
    /** The account that publishes the Amazon Linux AMIs. */
    public static final String AMAZON_LINUX_OWNER = "137112412989";
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
                    "Amazon Linux AMI 2.0.20250110 x86_64 ECS HVM GP2", "2025-01-10T19:41:12.000Z"),
            plain("ami-0f6e8d7c9b0a1c2d3", "al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64", "x86_64",
                    "Amazon Linux 2023 AMI 2023.6.20250107.0 x86_64 HVM kernel-6.1", "2025-01-07T22:10:05.000Z"),
            plain("ami-0a7f9e8d0c1b2d3e4", "al2023-ami-2023.6.20250107.0-kernel-6.1-arm64", "arm64",
                    "Amazon Linux 2023 AMI 2023.6.20250107.0 arm64 HVM kernel-6.1", "2025-01-07T22:10:09.000Z"),
            plain("ami-0b8a0f9e1d2c3e4f5", "amzn2-ami-hvm-2.0.20250108.0-x86_64-gp2", "x86_64",
                    "Amazon Linux 2 AMI 2.0.20250108.0 x86_64 HVM gp2", "2025-01-08T19:21:44.000Z"),
            plain("ami-0c9b1a0f2e3d4f5a6", "amzn2-ami-kernel-5.10-hvm-2.0.20250108.0-x86_64-gp2", "x86_64",
                    "Amazon Linux 2 Kernel 5.10 AMI 2.0.20250108.0 x86_64 HVM gp2", "2025-01-08T19:22:13.000Z"),
            plain("ami-0d0c2b1a3f4e5a6b7", "amzn2-ami-hvm-2.0.20250108.0-arm64-gp2", "arm64",
                    "Amazon Linux 2 LTS Arm64 AMI 2.0.20250108.0 arm64 HVM gp2", "2025-01-08T19:21:52.000Z"));

    private Images() {
    }

    private static Image image(String id, String name, String arch, String description, String created) {
        return new Image(id, name, description, arch, ECS_AMI_OWNER, "amazon", created);
    }

    private static Image plain(String id, String name, String arch, String description, String created) {
        return new Image(id, name, description, arch, AMAZON_LINUX_OWNER, "amazon", created);
    }

    /** Whether instances of this image run the ECS agent (the ECS-optimized AMIs do; plain Amazon Linux does not). */
    public static boolean runsEcsAgent(Image image) {
        return image.ownerId().equals(ECS_AMI_OWNER);
    }

    public static List<Image> all() {
        return CATALOGUE;
    }

    public static Optional<Image> find(String imageId) {
        return CATALOGUE.stream().filter(i -> i.imageId().equals(imageId)).findFirst();
    }
}
