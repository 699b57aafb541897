package dev.ecsnet.domain.ec2;

import java.util.List;
import java.util.Optional;

/**
 * The regions of the {@code aws} partition, as botocore's {@code endpoints.json} lists them. AWS enables the regions
 * launched before 20 March 2019 for every account; the later ones are opt-in regions, disabled until the account
 * enables them (AWS Account Management guide, "Enable or disable AWS Regions in your account").
 */
public final class AwsRegions {

    /** One region; {@code optIn} when AWS launched it after 20 March 2019. */
    public record Region(String name, String description, boolean optIn) {
        public String endpoint() {
            return "ec2." + name + ".amazonaws.com";
        }
    }

    private static final List<Region> ALL = List.of(
            new Region("af-south-1", "Africa (Cape Town)", true),
            new Region("ap-east-1", "Asia Pacific (Hong Kong)", true),
            new Region("ap-east-2", "Asia Pacific (Taipei)", true),
            new Region("ap-northeast-1", "Asia Pacific (Tokyo)", false),
            new Region("ap-northeast-2", "Asia Pacific (Seoul)", false),
            new Region("ap-northeast-3", "Asia Pacific (Osaka)", false),
            new Region("ap-south-1", "Asia Pacific (Mumbai)", false),
            new Region("ap-south-2", "Asia Pacific (Hyderabad)", true),
            new Region("ap-southeast-1", "Asia Pacific (Singapore)", false),
            new Region("ap-southeast-2", "Asia Pacific (Sydney)", false),
            new Region("ap-southeast-3", "Asia Pacific (Jakarta)", true),
            new Region("ap-southeast-4", "Asia Pacific (Melbourne)", true),
            new Region("ap-southeast-5", "Asia Pacific (Malaysia)", true),
            new Region("ap-southeast-6", "Asia Pacific (New Zealand)", true),
            new Region("ap-southeast-7", "Asia Pacific (Thailand)", true),
            new Region("ca-central-1", "Canada (Central)", false),
            new Region("ca-west-1", "Canada West (Calgary)", true),
            new Region("eu-central-1", "Europe (Frankfurt)", false),
            new Region("eu-central-2", "Europe (Zurich)", true),
            new Region("eu-north-1", "Europe (Stockholm)", false),
            new Region("eu-south-1", "Europe (Milan)", true),
            new Region("eu-south-2", "Europe (Spain)", true),
            new Region("eu-west-1", "Europe (Ireland)", false),
            new Region("eu-west-2", "Europe (London)", false),
            new Region("eu-west-3", "Europe (Paris)", false),
            new Region("il-central-1", "Israel (Tel Aviv)", true),
            new Region("me-central-1", "Middle East (UAE)", true),
            new Region("me-south-1", "Middle East (Bahrain)", true),
            new Region("mx-central-1", "Mexico (Central)", true),
            new Region("sa-east-1", "South America (Sao Paulo)", false),
            new Region("us-east-1", "US East (N. Virginia)", false),
            new Region("us-east-2", "US East (Ohio)", false),
            new Region("us-west-1", "US West (N. California)", false),
            new Region("us-west-2", "US West (Oregon)", false));

    private AwsRegions() {
    }

    public static List<Region> all() {
        return ALL;
    }

    public static Optional<Region> find(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
