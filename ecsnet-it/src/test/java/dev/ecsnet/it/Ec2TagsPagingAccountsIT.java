package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.List;
import java.util.stream.Collectors;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Tags, filters, pagination, and isolation between accounts and regions. */
class Ec2TagsPagingAccountsIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    private static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private List<String> allTags() {
        return ec2().describeTags().tags().stream().map(t -> t.resourceId() + " " + t.key() + "=" + t.value()).sorted().toList();
    }

    // ---- tags -----------------------------------------------------------------------------------------------

    @Test
    void createDescribeAndDeleteTags() {
        String vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        ec2().createTags(r -> r.resources(vpc, subnet).tags(tag("env", "dev"), tag("Name", "core")));
        List<TagDescription> tags = ec2().describeTags(r -> r.filters(filter("resource-id", vpc))).tags();
        assertThat(tags).extracting(TagDescription::key).containsExactlyInAnyOrder("env", "Name");
        assertThat(tags).allSatisfy(t -> assertThat(t.resourceTypeAsString()).isEqualTo("vpc"));
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "subnet"), filter("key", "env"))).tags())
                .singleElement().satisfies(t -> {
                    assertThat(t.resourceId()).isEqualTo(subnet);
                    assertThat(t.value()).isEqualTo("dev");
                });
        assertThat(ec2().describeTags(r -> r.filters(filter("value", "co*"))).tags()).extracting(TagDescription::resourceId)
                .containsExactlyInAnyOrder(vpc, subnet);
        // overwrite keeps one value per key
        ec2().createTags(r -> r.resources(vpc).tags(tag("env", "prod")));
        assertThat(ec2().describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).tags()).contains(tag("env", "prod")).hasSize(2);

        // DeleteTags: a value deletes only on an exact match, no value deletes the key
        ec2().deleteTags(r -> r.resources(vpc).tags(tag("env", "dev")));
        assertThat(ec2().describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).tags()).contains(tag("env", "prod"));
        ec2().deleteTags(r -> r.resources(vpc).tags(Tag.builder().key("env").build()));
        assertThat(ec2().describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).tags()).containsExactly(tag("Name", "core"));
        // no tags at all deletes every tag of the resource
        ec2().deleteTags(r -> r.resources(subnet));
        assertThat(ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).tags()).isEmpty();
    }

    @Test
    void tagSpecificationForAnotherResourceTypeIsRefusedAndNothingIsCreated() {
        int vpcs = ec2().describeVpcs().vpcs().size();
        refused(() -> ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(t -> t.resourceType("subnet")
                .tags(tag("Name", "x")))), "InvalidParameterValue", "'subnet' is not a valid taggable resource type for this operation.");
        assertThat(ec2().describeVpcs().vpcs()).hasSize(vpcs);
    }

    @Test
    void tagsOnAnInvalidOrUnknownIdAreRefusedForAll() {
        String vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        refusedWithoutChange(this::allTags, () -> ec2().createTags(r -> r.resources(vpc, "bogus-123").tags(tag("a", "b"))),
                "InvalidID", "The ID 'bogus-123' is not valid");
        refusedWithoutChange(this::allTags, () -> ec2().createTags(r -> r.resources(vpc, "nodash").tags(tag("a", "b"))),
                "InvalidID", "The ID 'nodash' is not valid");
        refusedWithoutChange(this::allTags, () -> ec2().createTags(r -> r.resources(vpc, "subnet-0123456789abcdef0").tags(tag("a", "b"))),
                "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0123456789abcdef0' does not exist");
        refusedWithoutChange(this::allTags, () -> ec2().createTags(r -> r.resources(vpc).tags(tag("", "b"))),
                "InvalidParameterValue", "Value ( '' ) for parameter Tag key is invalid. Tag key cannot be null or empty.");
        refusedWithoutChange(this::allTags, () -> ec2().createTags(r -> r.tags(tag("a", "b"))), "MissingParameter", null);
        ec2().createTags(r -> r.resources(vpc).tags(tag("keep", "me")));
        refusedWithoutChange(this::allTags, () -> ec2().deleteTags(r -> r.resources(vpc, "i-whatever")), "InvalidID", "The ID 'i-whatever' is not valid");
    }

    @Test
    void tagValuesWithMarkupAndControlCharactersSurviveTheRoundTrip() {
        String vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        ec2().createTags(r -> r.resources(vpc).tags(tag("a<b>&'\"", "x & y < z"), tag("crlf", "line1\r\nline2\tend"), tag("unicode", "日本 é")));
        assertThat(ec2().describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).tags())
                .containsExactly(tag("a<b>&'\"", "x & y < z"), tag("crlf", "line1\r\nline2\tend"), tag("unicode", "日本 é"));
        ec2().createTags(r -> r.resources(vpc).tags(tag("ctl", "a\u0001b")));
        assertThat(ec2().describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).tags()).contains(tag("ctl", "a\uFFFDb"));
    }

    // ---- filters --------------------------------------------------------------------------------------------

    @Test
    void unknownFilterNamesAreRefusedEvenOnEmptyResults() {
        refused(() -> ec2().describeVpcs(r -> r.filters(filter("x", "y"))), "InvalidParameterValue", "The filter 'x' is invalid");
        refused(() -> ec2().describeSubnets(r -> r.filters(filter("vpc-id", "vpc-1"), filter("nope", "y"))), "InvalidParameterValue",
                "The filter 'nope' is invalid");
        refused(() -> ec2().describeSecurityGroups(r -> r.filters(filter("tagg:Name", "y"))), "InvalidParameterValue",
                "The filter 'tagg:Name' is invalid");
        refused(() -> ec2().describeTags(r -> r.filters(filter("resource_id", "y"))), "InvalidParameterValue",
                "The filter 'resource_id' is invalid");
        refused(() -> ec2().describeAvailabilityZones(r -> r.filters(filter("zone", "y"))), "InvalidParameterValue",
                "The filter 'zone' is invalid");
    }

    @Test
    void wildcardsMatchStarAndQuestionMarkOnly() {
        String a = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String b = ec2().createVpc(r -> r.cidrBlock("10.10.0.0/16")).vpc().vpcId();
        ec2().createTags(r -> r.resources(a).tags(tag("Name", "app.prod")));
        ec2().createTags(r -> r.resources(b).tags(tag("Name", "appXprod")));
        assertThat(ec2().describeVpcs(r -> r.filters(filter("tag:Name", "app.prod"))).vpcs()).extracting(Vpc::vpcId).containsExactly(a);
        assertThat(ec2().describeVpcs(r -> r.filters(filter("tag:Name", "app?prod"))).vpcs()).extracting(Vpc::vpcId).containsExactlyInAnyOrder(a, b);
        assertThat(ec2().describeVpcs(r -> r.filters(filter("cidr", "10.1?.0.0/16"))).vpcs()).extracting(Vpc::vpcId).containsExactly(b);
        assertThat(ec2().describeVpcs(r -> r.filters(filter("cidr", "10.*"))).vpcs()).extracting(Vpc::vpcId).containsExactlyInAnyOrder(a, b);
        assertThat(ec2().describeVpcs(r -> r.filters(filter("is-default", "false"), filter("tag-value", "*prod"))).vpcs())
                .extracting(Vpc::vpcId).containsExactlyInAnyOrder(a, b);
    }

    // ---- pagination -----------------------------------------------------------------------------------------

    @Test
    void paginatorsWalkEveryPage() {
        String vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        for (int i = 0; i < 12; i++) {
            int n = i;
            ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0." + n + ".0/24"));
        }
        List<DescribeSubnetsResponse> pages = ec2().describeSubnetsPaginator(r -> r.maxResults(5)).stream().toList();
        assertThat(pages).hasSize(4);
        assertThat(pages.get(0).subnets()).hasSize(5);
        assertThat(pages.get(3).subnets()).hasSize(3);
        assertThat(pages.get(3).nextToken()).isNull();
        List<String> ids = pages.stream().flatMap(p -> p.subnets().stream()).map(Subnet::subnetId).toList();
        assertThat(ids).hasSize(18).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(ec2().describeSubnets().subnets().stream().map(Subnet::subnetId).toList());
        // filtered pagination
        assertThat(ec2().describeSubnetsPaginator(r -> r.maxResults(5).filters(filter("vpc-id", vpc))).subnets().stream().count()).isEqualTo(12);
        assertThat(ec2().describeSecurityGroupsPaginator(r -> r.maxResults(5)).securityGroups().stream().count()).isEqualTo(2);
        assertThat(ec2().describeVpcsPaginator(r -> r.maxResults(5)).vpcs().stream().count()).isEqualTo(2);
        ec2().createTags(r -> r.resources(ids.subList(0, 7)).tags(tag("k", "v")));
        assertThat(ec2().describeTagsPaginator(r -> r.maxResults(5)).tags().stream().count()).isEqualTo(7);
        assertThat(ec2().describeNetworkInterfacesPaginator(r -> r.maxResults(5)).networkInterfaces().stream().count()).isZero();
        assertThat(ec2().describeSecurityGroupRulesPaginator(r -> r.maxResults(5)).securityGroupRules().stream().count()).isEqualTo(4);
    }

    @Test
    void invalidMaxResultsAndTokens() {
        refused(() -> ec2().describeSubnets(r -> r.maxResults(4)), "InvalidParameterValue",
                "Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.");
        refused(() -> ec2().describeVpcs(r -> r.maxResults(1001)), "InvalidParameterValue",
                "Value ( 1001 ) for parameter maxResults is invalid. Expecting a value less than or equal to 1000.");
        refused(() -> ec2().describeVpcs(r -> r.maxResults(5).nextToken("garbage")), "InvalidParameterValue",
                "Value ( garbage ) for parameter NextToken is invalid. The token is invalid.");
        refused(() -> ec2().describeSecurityGroups(r -> r.maxResults(0)), "InvalidParameterValue", null);
        assertThat(ec2().describeSubnets(r -> r.maxResults(5)).subnets()).hasSize(5);
        assertThat(ec2().describeSubnets(r -> r.maxResults(1000)).subnets()).hasSize(6);
    }

    // ---- accounts and regions -------------------------------------------------------------------------------

    @Test
    void accountsAreIsolated() {
        try (Ec2Client other = ecsnet.configureAs(Ec2Client.builder(), "111122223333", Region.US_EAST_1).build()) {
            String mine = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            Vpc theirs = other.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc();
            assertThat(theirs.ownerId()).isEqualTo("111122223333");
            assertThat(other.describeVpcs().vpcs()).extracting(Vpc::vpcId).doesNotContain(mine).contains(theirs.vpcId()).hasSize(2);
            assertThat(ec2().describeVpcs().vpcs()).extracting(Vpc::vpcId).doesNotContain(theirs.vpcId()).hasSize(2);
            refused(() -> other.describeVpcs(r -> r.vpcIds(mine)), "InvalidVpcID.NotFound", "The vpc ID '" + mine + "' does not exist");
            refused(() -> other.deleteVpc(r -> r.vpcId(mine)), "InvalidVpcID.NotFound", null);
            assertThat(ec2().describeVpcs(r -> r.vpcIds(mine)).vpcs()).hasSize(1);
            String otherDefault = other.describeAccountAttributes().accountAttributes().stream()
                    .filter(a -> a.attributeName().equals("default-vpc")).findFirst().orElseThrow().attributeValues().get(0).attributeValue();
            assertThat(other.describeVpcs(r -> r.vpcIds(otherDefault)).vpcs().get(0).ownerId()).isEqualTo("111122223333");
            assertThat(other.describeSubnets().subnets()).allSatisfy(s -> assertThat(s.ownerId()).isEqualTo("111122223333"));
        }
    }

    @Test
    void regionsAreIsolatedAndHaveTheirOwnZones() {
        try (Ec2Client west = ecsnet.configureAs(Ec2Client.builder(), "000000000000", Region.EU_WEST_1).build()) {
            String east = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            assertThat(west.describeVpcs().vpcs()).hasSize(1).extracting(Vpc::vpcId).doesNotContain(east);
            List<Subnet> subnets = west.describeSubnets().subnets();
            assertThat(subnets).hasSize(3);
            assertThat(subnets.stream().map(Subnet::availabilityZone).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("eu-west-1a", "eu-west-1b", "eu-west-1c");
            assertThat(subnets).allSatisfy(s -> assertThat(s.subnetArn()).startsWith("arn:aws:ec2:eu-west-1:000000000000:subnet/"));
            String westVpc = west.describeVpcs().vpcs().get(0).vpcId();
            refused(() -> west.createSubnet(r -> r.vpcId(westVpc).cidrBlock("172.31.200.0/24").availabilityZone("us-east-1a")),
                    "InvalidParameterValue", "Value (us-east-1a) for parameter availabilityZone is invalid. "
                            + "Subnets can currently only be created in the following availability zones: eu-west-1a, eu-west-1b, eu-west-1c.");
            refused(() -> west.describeVpcs(r -> r.vpcIds(east)), "InvalidVpcID.NotFound", null);
            var eni = west.createNetworkInterface(r -> r.subnetId(subnets.get(0).subnetId())).networkInterface();
            assertThat(eni.privateDnsName()).endsWith(".eu-west-1.compute.internal");
        }
    }
}
