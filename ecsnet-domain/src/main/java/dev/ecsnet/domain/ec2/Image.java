package dev.ecsnet.domain.ec2;

/** An AMI of the built-in catalogue (ECS-optimized Amazon Linux images, named as AWS names them). */
public record Image(String imageId, String name, String description, String architecture, String ownerId,
                    String ownerAlias, String creationDate) {
    public static final String ROOT_DEVICE = "/dev/xvda";
}
