package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.ec2.AwsRegions;
import dev.ecsnet.domain.net.AvailabilityZone;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.List;

/** DescribeAvailabilityZones, DescribeAccountAttributes, DescribeRegions: what every tool asks about the region first. */
final class Ec2RegionOps {
    private Ec2RegionOps() {
    }

    static void register(OperationTable t) {
        t.registerRead("DescribeAvailabilityZones", Ec2RegionOps::describeAvailabilityZones);
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
    static RenderedAnswer describeRegions(Call call) {
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
        List<RegionView> matching = REGION_FILTERS.apply(views, Ec2Filters.read(call.params(), "Filter"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("regionInfo");
        for (RegionView v : matching) {
            out.item().value("regionName", v.region().name()).value("regionEndpoint", v.region().endpoint())
                    .value("optInStatus", v.optInStatus()).end();
        }
        return out.end().answer();
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

    static RenderedAnswer describeAvailabilityZones(Call call) {
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
        List<AvailabilityZone> matching = FILTERS.apply(selected, Ec2Filters.read(call.params(), "Filter"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("availabilityZoneInfo");
        for (AvailabilityZone z : matching) {
            out.item()
                    .value("zoneName", z.name())
                    .value("zoneState", "available")
                    .value("regionName", z.region())
                    .value("zoneId", z.zoneId())
                    .value("zoneType", "availability-zone")
                    .value("optInStatus", "opt-in-not-required")
                    .value("groupName", z.region() + "-zg-1")
                    .value("groupLongName", z.region())
                    .value("networkBorderGroup", z.region())
                    .list("messageSet").end()
                    .end();
        }
        return out.end().answer();
    }

    static RenderedAnswer describeAccountAttributes(Call call) {
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
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("accountAttributeSet");
        for (String[] a : attributes) {
            if (wanted.isEmpty() || wanted.contains(a[0])) {
                out.item().value("attributeName", a[0])
                        .list("attributeValueSet").item().value("attributeValue", a[1]).end().end()
                        .end();
            }
        }
        return out.end().answer();
    }
}
