package dev.ecsnet.domain.autoscaling;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.ec2.Images;
import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.ec2.InstanceTypes;
import dev.ecsnet.domain.ec2.LaunchTemplate;
import dev.ecsnet.domain.ec2.LaunchTemplateVersion;
import dev.ecsnet.domain.ec2.LaunchTemplates;
import dev.ecsnet.domain.net.AvailabilityZone;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks CreateAutoScalingGroup and UpdateAutoScalingGroup make, with AWS's {@code ValidationError} texts, and the
 * settings they produce. Nothing here changes state.
 */
final class GroupRules {
    static final int MAX_TAGS = 50;
    static final Set<String> HEALTH_CHECK_TYPES = Set.of("EC2", "ELB", "VPC_LATTICE", "EBS");
    static final Set<String> TRANSITIONS = Set.of("autoscaling:EC2_INSTANCE_LAUNCHING", "autoscaling:EC2_INSTANCE_TERMINATING");
    static final Set<String> DELETION_PROTECTION = Set.of("none", "prevent-force-deletion", "prevent-all-deletion");

    /** Where a group launches: its subnets in the order given (none for zones only), and its zones. */
    record Placement(List<String> subnetIds, List<String> zones) {
    }

    private final Network network;
    private final LaunchTemplates templates;

    GroupRules(Network network, LaunchTemplates templates) {
        this.network = network;
        this.templates = templates;
    }

    static DomainException invalid(String message) {
        return DomainException.invalid("ValidationError", message);
    }

    static void sizes(int min, int max, int desired) {
        if (min < 0) {
            throw invalid("1 validation error detected: Value '" + min + "' at 'minSize' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 0");
        }
        if (max < min) {
            throw invalid("Max bound, " + max + ", must be greater than or equal to min bound, " + min);
        }
        if (desired < min || desired > max) {
            throw invalid("Desired capacity:" + desired + " must be between the specified min size:" + min + " and max size:" + max);
        }
    }

    /** The launch template, its id and name filled in, and the version given ({@code $Default} when none). */
    LaunchTemplateSpec launchTemplate(LaunchTemplateSpec given) {
        boolean byId = given.id() != null && !given.id().isEmpty();
        boolean byName = given.name() != null && !given.name().isEmpty();
        if (byId == byName) {
            throw invalid("Valid requests must contain either launchTemplateId or LaunchTemplateName");
        }
        String version = given.version() == null || given.version().isEmpty() ? LaunchTemplates.DEFAULT : given.version();
        LaunchTemplate t;
        LaunchTemplateVersion v;
        try {
            t = templates.get(LaunchTemplates.Ref.of(given.id(), given.name()));
            v = templates.version(t, version);
        } catch (DomainException e) {
            throw notFullyFormed(e.getMessage());
        }
        String image = v.data().imageId().orElseThrow(() -> notFullyFormed("The request must contain the parameter ImageId"));
        if (Images.find(image).isEmpty()) {
            throw notFullyFormed("The image id '[" + image + "]' does not exist");
        }
        String type = v.data().instanceType().orElseThrow(() -> notFullyFormed("The instance type must be specified"));
        if (InstanceTypes.find(type).filter(InstanceType::hasKnownSize).isEmpty()) {
            throw notFullyFormed("Invalid value '" + type + "' for InstanceType.");
        }
        return new LaunchTemplateSpec(t.id(), t.name(), version);
    }

    private static DomainException notFullyFormed(String ec2Message) {
        return invalid("You must use a valid fully-formed launch template. " + ec2Message);
    }

    /**
     * {@code VPCZoneIdentifier} (comma-separated subnets of one VPC) and/or zones by name or id; with zones only, the
     * default subnet of each zone in the default VPC.
     */
    Placement placement(String vpcZoneIdentifier, List<String> zoneNames, List<String> zoneIds) {
        List<String> zones = new ArrayList<>(zoneNames == null ? List.of() : zoneNames);
        for (String id : zoneIds == null ? List.<String>of() : zoneIds) {
            zones.add(network.zones().stream().filter(z -> z.zoneId().equals(id)).map(AvailabilityZone::name).findFirst()
                    .orElseThrow(() -> invalid("The availability zone ID '" + id + "' is not valid in this region.")));
        }
        for (String z : zones) {
            if (network.zones().stream().noneMatch(az -> az.name().equals(z))) {
                throw invalid("The availability zone '" + z + "' is not valid in this region.");
            }
        }
        if (vpcZoneIdentifier != null) {
            if (vpcZoneIdentifier.isEmpty()) {
                throw invalid("1 validation error detected: Value '' at 'vPCZoneIdentifier' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
            }
            List<String> subnetIds = new ArrayList<>(new LinkedHashSet<>(List.of(vpcZoneIdentifier.split(",")).stream()
                    .map(String::trim).filter(s -> !s.isEmpty()).toList()));
            List<Subnet> subnets = subnetIds.stream().map(id -> network.findSubnet(id)
                    .orElseThrow(() -> invalid("The subnet ID '" + id + "' does not exist"))).toList();
            if (subnets.stream().map(Subnet::vpcId).distinct().count() > 1) {
                throw invalid("The subnets of the VPCZoneIdentifier must all be in the same VPC.");
            }
            List<String> subnetZones = subnets.stream().map(s -> s.zone().name()).distinct().toList();
            if (!zones.isEmpty() && !new LinkedHashSet<>(zones).equals(new LinkedHashSet<>(subnetZones))) {
                throw invalid("The availability zones of the specified subnets and the Auto Scaling group do not match");
            }
            return new Placement(subnetIds, subnetZones);
        }
        if (zones.isEmpty()) {
            throw invalid("At least one Availability Zone or VPC Subnet is required.");
        }
        return new Placement(List.of(), new ArrayList<>(new LinkedHashSet<>(zones)));
    }

    /** The subnets instances go to, by zone: the group's own, or the default subnets of its zones. */
    List<ScalingDecision.Zone> launchZones(GroupSettings settings) {
        List<ScalingDecision.Zone> out = new ArrayList<>();
        for (String zone : settings.availabilityZones()) {
            List<String> subnets = settings.subnetIds().isEmpty()
                    ? network.subnets().stream().filter(s -> s.defaultForAz() && s.zone().name().equals(zone)).map(Subnet::id).toList()
                    : settings.subnetIds().stream().filter(id -> network.findSubnet(id).map(s -> s.zone().name().equals(zone)).orElse(false)).toList();
            out.add(new ScalingDecision.Zone(zone, subnets));
        }
        return out;
    }

    static String healthCheckType(String type) {
        if (!HEALTH_CHECK_TYPES.contains(type)) {
            throw invalid("Invalid health check type: " + type + ". Valid values are EC2, ELB, VPC_LATTICE and EBS.");
        }
        return type;
    }

    static int nonNegative(String member, int value) {
        if (value < 0) {
            throw invalid("1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 0");
        }
        return value;
    }

    static List<String> terminationPolicies(List<String> policies) {
        if (policies.isEmpty()) {
            return List.of(ScalingDecision.DEFAULT);
        }
        for (String p : policies) {
            if (p.startsWith("arn:")) {
                throw invalid("ecsnet does not run custom termination policies (Lambda functions): " + p);
            }
            if (!ScalingDecision.POLICIES.contains(p)) {
                throw invalid("Unknown termination policy: " + p + ".");
            }
        }
        return List.copyOf(policies);
    }

    static List<LifecycleHookSpec> lifecycleHooks(List<LifecycleHookSpec> hooks) {
        Set<String> names = new LinkedHashSet<>();
        for (LifecycleHookSpec h : hooks) {
            if (h.name() == null || !h.name().matches("[A-Za-z0-9\\-_/]{1,255}")) {
                throw invalid("1 validation error detected: Value '" + h.name() + "' at 'lifecycleHookName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [A-Za-z0-9\\-_\\/]+");
            }
            if (!names.add(h.name())) {
                throw invalid("The lifecycle hook name " + h.name() + " is used more than once.");
            }
            if (!TRANSITIONS.contains(h.transition())) {
                throw invalid("Invalid Lifecycle Transition " + h.transition() + ".");
            }
            if (h.heartbeatTimeout() < 30 || h.heartbeatTimeout() > 7200) {
                throw invalid("Heartbeat timeout must be between 30 and 7200 seconds.");
            }
            if (!"CONTINUE".equals(h.defaultResult()) && !"ABANDON".equals(h.defaultResult())) {
                throw invalid("Valid values for DefaultResult are CONTINUE and ABANDON.");
            }
        }
        return hooks;
    }

    /** Tags for {@code group}: AWS's key and value limits, no {@code aws:} keys, and at most 50 once they are set. */
    static void tags(String group, List<GroupTag> tags, int countAfter) {
        for (GroupTag t : tags) {
            if (t.key() == null || t.key().isEmpty() || t.key().length() > 128) {
                throw invalid("1 validation error detected: Value '" + t.key() + "' at 'tags.member.key' failed to satisfy constraint: "
                        + "Member must have length between 1 and 128");
            }
            if (t.value().length() > 256) {
                throw invalid("1 validation error detected: Value at 'tags.member.value' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 256");
            }
            if (t.key().startsWith("aws:")) {
                throw invalid("Tag keys starting with 'aws:' are reserved for internal use.");
            }
        }
        if (countAfter > MAX_TAGS) {
            throw DomainException.invalid("LimitExceeded", "The quota of " + MAX_TAGS + " tags for Auto Scaling group " + group + " would be exceeded.");
        }
    }

    static Map<String, Object> extras(Map<String, Object> extras) {
        Object protection = extras.get(GroupSettings.DELETION_PROTECTION);
        if (protection != null && !DELETION_PROTECTION.contains(protection.toString())) {
            throw invalid("1 validation error detected: Value '" + protection + "' at 'deletionProtection' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [none, prevent-force-deletion, prevent-all-deletion]");
        }
        return extras;
    }
}
