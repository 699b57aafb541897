package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;
import software.amazon.awssdk.services.ec2.model.NewDhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** DHCP options sets (the region's default set, create, associate, delete) and DescribeRegions. */
class Ec2DhcpOptionsRegionsIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static Ec2Client ec2() {
        return ecsnet.ec2();
    }

    private static NewDhcpConfiguration option(String key, String... values) {
        return NewDhcpConfiguration.builder().key(key).values(values).build();
    }

    private static Map<String, List<String>> options(DhcpOptions d) {
        return d.dhcpConfigurations().stream().collect(Collectors.toMap(DhcpConfiguration::key,
                c -> c.values().stream().map(v -> v.value()).toList()));
    }

    private static String dhcpOf(String vpc) {
        return ec2().describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).dhcpOptionsId();
    }

    private static List<DhcpOptions> sets() {
        return ec2().describeDhcpOptions(r -> { }).dhcpOptions();
    }

    @Test
    void everyRegionStartsWithAwsDefaultSetWhichNewVpcsGet() {
        DhcpOptions defaults = sets().get(0);
        assertThat(options(defaults)).isEqualTo(Map.of("domain-name", List.of("ec2.internal"), "domain-name-servers", List.of("AmazonProvidedDNS")));
        assertThat(defaults.ownerId()).isEqualTo("000000000000");
        String defaultVpc = ec2().describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().get(0).vpcId();
        assertThat(dhcpOf(defaultVpc)).isEqualTo(defaults.dhcpOptionsId());
        String vpc = new NetFixture(ec2()).vpc("10.0.0.0/16");
        assertThat(dhcpOf(vpc)).isEqualTo(defaults.dhcpOptionsId());

        try (Ec2Client west = ecsnet.configure(Ec2Client.builder()).region(Region.EU_WEST_1).build()) {
            assertThat(options(west.describeDhcpOptions(r -> { }).dhcpOptions().get(0)).get("domain-name"))
                    .containsExactly("eu-west-1.compute.internal");
        }
    }

    @Test
    void createAssociateDefaultAndDelete() {
        DhcpOptions created = ec2().createDhcpOptions(r -> r.dhcpConfigurations(option("domain-name", "corp.example"),
                option("domain-name-servers", "10.0.0.2", "AmazonProvidedDNS"), option("ntp-servers", "169.254.169.123"),
                option("netbios-node-type", "2")).tagSpecifications(tagged(ResourceType.DHCP_OPTIONS, "Name", "corp"))).dhcpOptions();
        assertThat(created.dhcpOptionsId()).matches("dopt-[0-9a-f]{17}");
        assertThat(created.tags()).containsExactly(tag("Name", "corp"));
        assertThat(options(created)).containsEntry("domain-name-servers", List.of("10.0.0.2", "AmazonProvidedDNS"))
                .containsEntry("netbios-node-type", List.of("2"));
        String id = created.dhcpOptionsId();
        assertThat(ec2().describeDhcpOptions(r -> r.filters(filter("key", "ntp-servers"))).dhcpOptions())
                .extracting(DhcpOptions::dhcpOptionsId).containsExactly(id);
        assertThat(ec2().describeDhcpOptions(r -> r.filters(filter("value", "corp.example"))).dhcpOptions()).hasSize(1);
        assertThat(ec2().describeDhcpOptions(r -> r.filters(filter("tag:Name", "corp"))).dhcpOptions()).hasSize(1);

        String vpc = new NetFixture(ec2()).vpc("10.0.0.0/16");
        ec2().associateDhcpOptions(r -> r.dhcpOptionsId(id).vpcId(vpc));
        assertThat(dhcpOf(vpc)).isEqualTo(id);
        assertThat(ec2().describeVpcs(r -> r.filters(filter("dhcp-options-id", id))).vpcs()).singleElement()
                .satisfies(v -> assertThat(v.vpcId()).isEqualTo(vpc));

        refusedWithoutChange(Ec2DhcpOptionsRegionsIT::sets, () -> ec2().deleteDhcpOptions(r -> r.dhcpOptionsId(id)),
                "DependencyViolation", "The dhcpOptions '" + id + "' has dependencies and cannot be deleted.");
        ec2().associateDhcpOptions(r -> r.dhcpOptionsId("default").vpcId(vpc));
        assertThat(dhcpOf(vpc)).isEqualTo("default");
        ec2().deleteDhcpOptions(r -> r.dhcpOptionsId(id));
        assertThat(sets()).extracting(DhcpOptions::dhcpOptionsId).doesNotContain(id);
        refused(() -> ec2().describeDhcpOptions(r -> r.dhcpOptionsIds(id)), "InvalidDhcpOptionID.NotFound",
                "The dhcpOption ID '" + id + "' does not exist");
    }

    @Test
    void refusals() {
        String vpc = new NetFixture(ec2()).vpc("10.0.0.0/16");
        refusedWithoutChange(Ec2DhcpOptionsRegionsIT::sets, () -> ec2().createDhcpOptions(r -> r.dhcpConfigurations(option("dns", "1.1.1.1"))),
                "InvalidParameterValue", null);
        refusedWithoutChange(Ec2DhcpOptionsRegionsIT::sets, () -> ec2().createDhcpOptions(r -> r.dhcpConfigurations(
                option("domain-name-servers", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"))), "InvalidParameterValue", null);
        refusedWithoutChange(Ec2DhcpOptionsRegionsIT::sets, () -> ec2().createDhcpOptions(r -> r.dhcpConfigurations(
                option("netbios-node-type", "3"))), "InvalidParameterValue", null);
        refusedWithoutChange(Ec2DhcpOptionsRegionsIT::sets, () -> ec2().createDhcpOptions(r -> r.dhcpConfigurations(
                option("domain-name-servers", "not-an-ip"))), "InvalidParameterValue", null);
        refusedWithoutChange(() -> dhcpOf(vpc), () -> ec2().associateDhcpOptions(r -> r.dhcpOptionsId("dopt-0123456789abcdef0").vpcId(vpc)),
                "InvalidDhcpOptionID.NotFound", "The dhcpOption ID 'dopt-0123456789abcdef0' does not exist");
        refused(() -> ec2().associateDhcpOptions(r -> r.dhcpOptionsId("default").vpcId("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound", null);
        refused(() -> ec2().deleteDhcpOptions(r -> r.dhcpOptionsId("dopt-0123456789abcdef0")), "InvalidDhcpOptionID.NotFound", null);
    }

    @Test
    void describeRegionsListsTheEnabledRegionsOrAllOfThem() {
        var enabled = ec2().describeRegions(r -> { }).regions();
        assertThat(enabled).hasSize(17).allSatisfy(x -> assertThat(x.optInStatus()).isEqualTo("opt-in-not-required"));
        assertThat(enabled).anySatisfy(x -> {
            assertThat(x.regionName()).isEqualTo("eu-north-1");
            assertThat(x.endpoint()).isEqualTo("ec2.eu-north-1.amazonaws.com");
        });
        var all = ec2().describeRegions(r -> r.allRegions(true)).regions();
        assertThat(all).hasSize(34).anySatisfy(x -> {
            assertThat(x.regionName()).isEqualTo("af-south-1");
            assertThat(x.optInStatus()).isEqualTo("not-opted-in");
        });
        assertThat(ec2().describeRegions(r -> r.allRegions(true).filters(filter("opt-in-status", "not-opted-in"))).regions()).hasSize(17);
        assertThat(ec2().describeRegions(r -> r.regionNames("us-west-2", "me-south-1")).regions()).hasSize(2);
        assertThat(ec2().describeRegions(r -> r.filters(filter("region-name", "us-*"))).regions()).hasSize(4);
        try (Ec2Client capeTown = ecsnet.configure(Ec2Client.builder()).region(Region.AF_SOUTH_1).build()) {
            assertThat(capeTown.describeRegions(r -> { }).regions()).hasSize(18)
                    .anySatisfy(x -> assertThat(x.optInStatus()).isEqualTo("opted-in"));
        }
        refused(() -> ec2().describeRegions(r -> r.regionNames("us--east-1")), "InvalidParameterValue", "Invalid region: [us--east-1]");
    }
}
