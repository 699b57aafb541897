package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.ec2.AwsRegions;
import dev.ecsnet.domain.net.AvailabilityZone;

import java.util.List;

/** DescribeAvailabilityZones, DescribeAccountAttributes, DescribeRegions: what every tool asks about the region first. */
final class Ec2RegionOps {
    private Ec2RegionOps() {
    }

    static void register(OperationTable t) {
        t.register("DescribeAvailabilityZones", Ec2RegionOps::describeAvailabilityZones);
        t.register("DescribeAccountAttributes", Ec2RegionOps::describeAccountAttributes);
        t.register("DescribeRegions", Ec2RegionOps::describeRegions);
    }

    /** A region as the caller's account sees it: opt-in regions are not enabled, except the one the caller is using. */
    private record RegionView(AwsRegions.Region region, String optInStatus) {
    }

    private static final Ec2Filters<RegionView> REGION_FILTERS = Ec2Filters.<RegionView>untagged()
            .field("endpoint", r -> r.region().endpoint())
            .field("region-name", r -> r.region().name())
            .field("opt-in-status", RegionView::optInStatus);

    /**
     * Every region of the partition with {@code AllRegions}, else the enabled ones (a new account's: the default
     * regions, and the caller's own region when it is an opt-in one, since the account is evidently using it).
     */
    static ObjectNode describeRegions(Call call) {
        List<String> names = call.params().strings("RegionName");
        List<String> unknown = names.stream().filter(n -> AwsRegions.find(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw dev.ecsnet.protocol.AwsError.badRequest("InvalidParameterValue", "Invalid region: [" + String.join(", ", unknown) + "]");
        }
        boolean all = call.params().bool("AllRegions").orElse(false);
        List<RegionView> views = AwsRegions.all().stream()
                .map(r -> new RegionView(r, !r.optIn() ? "opt-in-not-required" : r.name().equals(call.region()) ? "opted-in" : "not-opted-in"))
                .filter(v -> names.isEmpty() ? all || !v.optInStatus().equals("not-opted-in") : names.contains(v.region().name()))
                .toList();
        ArrayNode info = Ec2Shapes.array();
        for (RegionView v : REGION_FILTERS.apply(views, Ec2Filters.read(call.params(), "Filter"))) {
            info.addObject().put("regionName", v.region().name()).put("regionEndpoint", v.region().endpoint())
                    .put("optInStatus", v.optInStatus());
        }
        ObjectNode out = Ec2Shapes.object();
        out.set("regionInfo", info);
        return out;
    }

    private static final Ec2Filters<AvailabilityZone> FILTERS = Ec2Filters.<AvailabilityZone>untagged()
            .field("zone-name", AvailabilityZone::name)
            .field("zone-id", AvailabilityZone::zoneId)
            .field("region-name", AvailabilityZone::region)
            .field("state", z -> "available")
            .field("zone-type", z -> "availability-zone")
            .field("opt-in-status", z -> "opt-in-not-required")
            .field("group-name", AvailabilityZone::region)
            .field("network-border-group", AvailabilityZone::region);

    static ObjectNode describeAvailabilityZones(Call call) {
        List<String> names = call.params().strings("ZoneName");
        List<String> zoneIds = call.params().strings("ZoneId");
        List<AvailabilityZone> zones = call.state().network().zones();
        for (String n : names) {
            if (zones.stream().noneMatch(z -> z.name().equals(n))) {
                throw dev.ecsnet.protocol.AwsError.badRequest("InvalidParameterValue", "Invalid availability zone: [" + n + "]");
            }
        }
        for (String id : zoneIds) {
            if (zones.stream().noneMatch(z -> z.zoneId().equals(id))) {
                throw dev.ecsnet.protocol.AwsError.badRequest("InvalidParameterValue", "Invalid availability zone: [" + id + "]");
            }
        }
        List<AvailabilityZone> selected = zones.stream()
                .filter(z -> names.isEmpty() || names.contains(z.name()))
                .filter(z -> zoneIds.isEmpty() || zoneIds.contains(z.zoneId()))
                .toList();
        ArrayNode info = Ec2Shapes.array();
        for (AvailabilityZone z : FILTERS.apply(selected, Ec2Filters.read(call.params(), "Filter"))) {
            info.addObject()
                    .put("zoneName", z.name())
                    .put("zoneState", "available")
                    .put("regionName", z.region())
                    .put("zoneId", z.zoneId())
                    .put("zoneType", "availability-zone")
                    .put("optInStatus", "opt-in-not-required")
                    .put("groupName", z.region() + "-zg-1")
                    .put("groupLongName", z.region())
                    .put("networkBorderGroup", z.region())
                    .set("messageSet", Ec2Shapes.array());
        }
        ObjectNode out = Ec2Shapes.object();
        out.set("availabilityZoneInfo", info);
        return out;
    }

    static ObjectNode describeAccountAttributes(Call call) {
        String defaultVpc = call.state().network().defaultVpc().map(v -> v.id()).orElse("none");
        List<String> wanted = call.params().strings("AttributeName");
        String[][] attributes = {
                {"supported-platforms", "VPC"},
                {"default-vpc", defaultVpc},
                {"max-instances", "20"},
                {"vpc-max-security-groups-per-interface", "5"},
                {"max-elastic-ips", "5"},
                {"vpc-max-elastic-ips", "5"},
        };
        ArrayNode set = Ec2Shapes.array();
        for (String[] a : attributes) {
            if (wanted.isEmpty() || wanted.contains(a[0])) {
                ObjectNode attr = set.addObject().put("attributeName", a[0]);
                attr.putArray("attributeValueSet").addObject().put("attributeValue", a[1]);
            }
        }
        ObjectNode out = Ec2Shapes.object();
        out.set("accountAttributeSet", set);
        return out;
    }
}
