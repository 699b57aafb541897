package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RuleAction;

import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** Network ACLs: the default ACL, custom ACLs, entries and subnet associations, through the real EC2 client. */
class Ec2NetworkAclIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private NetFixture net;
    private String vpc;
    private String subnet;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        net = new NetFixture(ec2());
        vpc = net.vpc("10.0.0.0/16");
        subnet = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
    }

    private NetworkAcl defaultAcl() {
        return ec2().describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc), filter("default", "true"))).networkAcls().get(0);
    }

    private NetworkAcl acl(String id) {
        return ec2().describeNetworkAcls(r -> r.networkAclIds(id)).networkAcls().get(0);
    }

    private List<String> state() {
        return ec2().describeNetworkAcls().networkAcls().stream().map(a -> a.networkAclId() + " "
                + a.entries().stream().map(e -> e.ruleNumber() + "/" + e.egress() + "/" + e.protocol() + "/" + e.ruleActionAsString() + "/"
                        + (e.cidrBlock() != null ? e.cidrBlock() : e.ipv6CidrBlock())).toList()
                + " " + a.associations().stream().map(x -> x.subnetId()).sorted().toList()).sorted().toList();
    }

    private String newAcl() {
        return ec2().createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
    }

    private void entry(String acl, int rule, boolean egress) {
        ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(rule).egress(egress).protocol("6").ruleAction(RuleAction.ALLOW)
                .cidrBlock("10.0.0.0/16").portRange(p -> p.from(443).to(443)));
    }

    @Test
    void everyVpcHasADefaultAclAllowingAllWithEverySubnetAssociated() {
        NetworkAcl a = defaultAcl();
        assertThat(a.networkAclId()).matches("acl-[0-9a-f]{17}");
        assertThat(a.isDefault()).isTrue();
        assertThat(a.ownerId()).isEqualTo("000000000000");
        assertThat(a.entries()).extracting(e -> e.ruleNumber() + " " + e.egress() + " " + e.protocol() + " " + e.ruleActionAsString() + " " + e.cidrBlock())
                .containsExactlyInAnyOrder("100 false -1 allow 0.0.0.0/0", "32767 false -1 deny 0.0.0.0/0",
                        "100 true -1 allow 0.0.0.0/0", "32767 true -1 deny 0.0.0.0/0");
        assertThat(a.associations()).singleElement().satisfies(x -> {
            assertThat(x.subnetId()).isEqualTo(subnet);
            assertThat(x.networkAclAssociationId()).matches("aclassoc-[0-9a-f]{17}");
        });
        assertThat(ec2().describeNetworkAcls(r -> r.filters(filter("association.subnet-id", subnet))).networkAcls())
                .extracting(NetworkAcl::networkAclId).containsExactly(a.networkAclId());
    }

    @Test
    void customAclEntriesAssociationAndDelete() {
        NetworkAcl created = ec2().createNetworkAcl(r -> r.vpcId(vpc).tagSpecifications(tagged(ResourceType.NETWORK_ACL, "Name", "tight")))
                .networkAcl();
        String acl = created.networkAclId();
        assertThat(created.isDefault()).isFalse();
        assertThat(created.tags()).containsExactly(tag("Name", "tight"));
        assertThat(created.entries()).extracting(NetworkAclEntry::ruleNumber).containsOnly(32767);
        assertThat(created.entries()).allSatisfy(e -> assertThat(e.ruleActionAsString()).isEqualTo("deny"));

        entry(acl, 100, false);
        assertThat(acl(acl).entries()).filteredOn(e -> e.ruleNumber() == 100).singleElement().satisfies(e -> {
            assertThat(e.protocol()).isEqualTo("6");
            assertThat(e.portRange().from()).isEqualTo(443);
            assertThat(e.portRange().to()).isEqualTo(443);
            assertThat(e.egress()).isFalse();
        });
        ec2().replaceNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("-1").ruleAction(RuleAction.DENY)
                .cidrBlock("0.0.0.0/0"));
        assertThat(acl(acl).entries()).filteredOn(e -> e.ruleNumber() == 100).singleElement()
                .satisfies(e -> assertThat(e.ruleActionAsString()).isEqualTo("deny"));

        String assoc = defaultAcl().associations().get(0).networkAclAssociationId();
        String moved = ec2().replaceNetworkAclAssociation(r -> r.associationId(assoc).networkAclId(acl)).newAssociationId();
        assertThat(acl(acl).associations()).singleElement().satisfies(x -> {
            assertThat(x.subnetId()).isEqualTo(subnet);
            assertThat(x.networkAclAssociationId()).isEqualTo(moved);
        });
        refusedWithoutChange(this::state, () -> ec2().deleteNetworkAcl(r -> r.networkAclId(acl)), "DependencyViolation",
                "The networkAcl '" + acl + "' has dependencies and cannot be deleted.");
        ec2().replaceNetworkAclAssociation(r -> r.associationId(moved).networkAclId(defaultAcl().networkAclId()));
        ec2().deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false));
        ec2().deleteNetworkAcl(r -> r.networkAclId(acl));
        refused(() -> ec2().describeNetworkAcls(r -> r.networkAclIds(acl)), "InvalidNetworkAclID.NotFound",
                "The networkAcl ID '" + acl + "' does not exist");
    }

    @Test
    void duplicateEntryIsNetworkAclEntryAlreadyExists() {
        String acl = newAcl();
        entry(acl, 100, false);
        refusedWithoutChange(this::state, () -> entry(acl, 100, false), "NetworkAclEntryAlreadyExists",
                "The network acl entry identified by 100 already exists.");
        // the same number in the other direction is a different entry
        entry(acl, 100, true);
    }

    @Test
    void entryErrors() {
        String acl = newAcl();
        refusedWithoutChange(this::state, () -> ec2().deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(200).egress(false)),
                "InvalidNetworkAclEntry.NotFound", "no ingress entry with number 200");
        refusedWithoutChange(this::state, () -> ec2().deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(200).egress(true)),
                "InvalidNetworkAclEntry.NotFound", "no egress entry with number 200");
        refusedWithoutChange(this::state, () -> ec2().replaceNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(200).egress(false)
                .protocol("-1").ruleAction(RuleAction.ALLOW).cidrBlock("0.0.0.0/0")), "InvalidNetworkAclEntry.NotFound",
                "no ingress entry with number 200");
        refusedWithoutChange(this::state, () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(40000).egress(false)
                .protocol("-1").ruleAction(RuleAction.ALLOW).cidrBlock("0.0.0.0/0")), "InvalidParameterValue", null);
        refusedWithoutChange(this::state, () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(10).egress(false)
                .protocol("6").ruleAction(RuleAction.ALLOW).cidrBlock("0.0.0.0/0")), "InvalidParameterValue", null);
        refusedWithoutChange(this::state, () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(10).egress(false)
                .protocol("-1").ruleAction(RuleAction.ALLOW).cidrBlock("nonsense")), "InvalidParameterValue", null);
    }

    @Test
    void anIpv4BlockWithHostBitsSetIsMadeCanonical() {
        String acl = newAcl();
        ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(120).egress(false).protocol("17").ruleAction(RuleAction.DENY)
                .cidrBlock("100.68.0.18/18").portRange(p -> p.from(53).to(53)));
        ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(130).egress(false).protocol("-1").ruleAction(RuleAction.ALLOW)
                .cidrBlock("192.0.2.0/24"));
        ec2().replaceNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(130).egress(false).protocol("-1").ruleAction(RuleAction.ALLOW)
                .cidrBlock("192.0.2.77/24"));
        assertThat(acl(acl).entries()).extracting(Ec2NetworkAclIT::describe)
                .contains("120 false 17 deny v4 100.68.0.0/18", "130 false -1 allow v4 192.0.2.0/24");
        assertThat(ec2().describeNetworkAcls(r -> r.filters(filter("entry.cidr", "100.68.0.0/18"))).networkAcls())
                .extracting(NetworkAcl::networkAclId).containsExactly(acl);
    }

    @Test
    void icmpEntriesNeedATypeAndIcmpv6OnesOnAnIpv6Block() {
        String acl = newAcl();
        refusedWithoutChange(this::state, () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("1")
                .ruleAction(RuleAction.ALLOW).cidrBlock("10.0.0.0/8")), "MissingParameter", "The request must contain the parameter icmpTypeCode.type");
        refusedWithoutChange(this::state, () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("58")
                .ruleAction(RuleAction.ALLOW).ipv6CidrBlock("::/0")), "MissingParameter", "The request must contain the parameter icmpTypeCode.type");
        entry(acl, 110, false);
        refusedWithoutChange(this::state, () -> ec2().replaceNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(110).egress(false).protocol("1")
                .ruleAction(RuleAction.ALLOW).cidrBlock("10.0.0.0/8")), "MissingParameter", "The request must contain the parameter icmpTypeCode.type");
        // ICMPv6 on an IPv4 block allows every ICMP type whatever is given, so none is needed
        ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("58").ruleAction(RuleAction.ALLOW)
                .cidrBlock("10.0.0.0/8"));
        ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(101).egress(false).protocol("1").ruleAction(RuleAction.ALLOW)
                .cidrBlock("10.0.0.0/8").icmpTypeCode(i -> i.type(8).code(0)));
        assertThat(acl(acl).entries()).filteredOn(e -> e.ruleNumber() == 101).singleElement().satisfies(e -> {
            assertThat(e.icmpTypeCode().type()).isEqualTo(8);
            assertThat(e.icmpTypeCode().code()).isZero();
        });
    }

    @Test
    void unknownAclIsInvalidNetworkAclIdNotFound() {
        String id = "acl-0123456789abcdef0";
        String message = "The networkAcl ID '" + id + "' does not exist";
        refused(() -> ec2().describeNetworkAcls(r -> r.networkAclIds(id)), "InvalidNetworkAclID.NotFound", message);
        refusedWithoutChange(this::state, () -> ec2().deleteNetworkAcl(r -> r.networkAclId(id)), "InvalidNetworkAclID.NotFound", message);
        refusedWithoutChange(this::state, () -> entry(id, 100, false), "InvalidNetworkAclID.NotFound", message);
        refusedWithoutChange(this::state, () -> ec2().createNetworkAcl(r -> r.vpcId("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    }

    @Test
    void theDefaultAclCannotBeDeleted() {
        String id = defaultAcl().networkAclId();
        refusedWithoutChange(this::state, () -> ec2().deleteNetworkAcl(r -> r.networkAclId(id)), "InvalidParameterValue", null);
    }

    @Test
    void deletingASubnetDropsItsAssociationAndDeleteVpcNeedsCustomAclsGone() {
        String acl = newAcl();
        ec2().deleteSubnet(r -> r.subnetId(subnet));
        assertThat(defaultAcl().associations()).isEmpty();
        refusedWithoutChange(this::state, () -> ec2().deleteVpc(r -> r.vpcId(vpc)), "DependencyViolation",
                "The vpc '" + vpc + "' has dependencies and cannot be deleted.");
        ec2().deleteNetworkAcl(r -> r.networkAclId(acl));
        ec2().deleteVpc(r -> r.vpcId(vpc));
        assertThat(ec2().describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc))).networkAcls()).isEmpty();
    }

    @Test
    void createTagsAndDescribeTagsOnAnAclAndAnInternetGateway() {
        String acl = newAcl();
        String igw = ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2().createTags(r -> r.resources(acl, igw).tags(tag("team", "net")));
        assertThat(acl(acl).tags()).containsExactly(tag("team", "net"));
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "network-acl"))).tags())
                .singleElement().satisfies(t -> {
                    assertThat(t.resourceId()).isEqualTo(acl);
                    assertThat(t.resourceTypeAsString()).isEqualTo("network-acl");
                    assertThat(t.key()).isEqualTo("team");
                });
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "internet-gateway"))).tags())
                .extracting(t -> t.resourceId()).containsExactly(igw);
        ec2().deleteTags(r -> r.resources(acl).tags(tag("team", null)));
        assertThat(acl(acl).tags()).isEmpty();
        refused(() -> ec2().createTags(r -> r.resources("igw-0123456789abcdef0").tags(tag("a", "b"))), "InvalidInternetGatewayID.NotFound", null);
    }

    private static String describe(NetworkAclEntry e) {
        return e.ruleNumber() + " " + e.egress() + " " + e.protocol() + " " + e.ruleActionAsString() + " "
                + (e.cidrBlock() != null ? "v4 " + e.cidrBlock() : "v6 " + e.ipv6CidrBlock());
    }

    @Test
    void ipv6EntriesAreAcceptedInAnyVpcAndKeptApartFromIpv4Ones() {
        // the terraform-aws-modules/vpc default rules: 100 for 0.0.0.0/0 and 101 for ::/0, in a VPC without IPv6
        String acl = defaultAcl().networkAclId();
        for (boolean egress : new boolean[] {false, true}) {
            ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(101).egress(egress).protocol("-1").ruleAction(RuleAction.ALLOW)
                    .ipv6CidrBlock("::/0"));
        }
        NetworkAcl a = acl(acl);
        assertThat(a.entries()).extracting(Ec2NetworkAclIT::describe).containsExactly("100 false -1 allow v4 0.0.0.0/0", "101 false -1 allow v6 ::/0",
                "32767 false -1 deny v4 0.0.0.0/0", "100 true -1 allow v4 0.0.0.0/0", "101 true -1 allow v6 ::/0", "32767 true -1 deny v4 0.0.0.0/0");
        assertThat(ec2().describeNetworkAcls(r -> r.filters(filter("entry.ipv6-cidr", "::/0"))).networkAcls())
                .extracting(NetworkAcl::networkAclId).containsExactly(acl);
        ec2().replaceNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(101).egress(true).protocol("6").ruleAction(RuleAction.ALLOW)
                .ipv6CidrBlock("2001:DB8::/32").portRange(p -> p.from(443).to(443)));
        assertThat(acl(acl).entries()).extracting(Ec2NetworkAclIT::describe).contains("101 true 6 allow v6 2001:db8::/32");
        ec2().deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(101).egress(true));
        assertThat(acl(acl).entries()).hasSize(5);
    }

    @Test
    void ipv6EntryErrors() {
        String acl = newAcl();
        refusedWithoutChange(this::state, () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("-1")
                .ruleAction(RuleAction.ALLOW)), "MissingParameter", "The request must contain the parameter cidrBlock or ipv6CidrBlock");
        refusedWithoutChange(this::state, () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("-1")
                .ruleAction(RuleAction.ALLOW).cidrBlock("0.0.0.0/0").ipv6CidrBlock("::/0")), "InvalidParameterCombination", null);
        refusedWithoutChange(this::state, () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("-1")
                .ruleAction(RuleAction.ALLOW).ipv6CidrBlock("2001:db8::1/32")), "InvalidParameterValue",
                "Value (2001:db8::1/32) for parameter ipv6CidrBlock is invalid. This is not a valid IPv6 CIDR block.");
        entry(acl, 100, false);
        refusedWithoutChange(this::state, () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("-1")
                .ruleAction(RuleAction.ALLOW).ipv6CidrBlock("::/0")), "NetworkAclEntryAlreadyExists",
                "The network acl entry identified by 100 already exists.");
    }

    @Test
    void aVpcGettingIpv6GetsAwsIpv6EntriesInItsAcls() {
        String custom = newAcl();
        ec2().associateVpcCidrBlock(r -> r.vpcId(vpc).amazonProvidedIpv6CidrBlock(true));
        ecsnet.advance(java.time.Duration.ofSeconds(1));
        assertThat(defaultAcl().entries()).filteredOn(e -> e.ipv6CidrBlock() != null).extracting(Ec2NetworkAclIT::describe)
                .containsExactly("101 false -1 allow v6 ::/0", "32768 false -1 deny v6 ::/0", "101 true -1 allow v6 ::/0", "32768 true -1 deny v6 ::/0");
        assertThat(acl(custom).entries()).filteredOn(e -> e.ipv6CidrBlock() != null).extracting(Ec2NetworkAclIT::describe)
                .containsExactly("32768 false -1 deny v6 ::/0", "32768 true -1 deny v6 ::/0");
        assertThat(acl(newAcl()).entries()).as("an ACL created afterwards has them too").hasSize(4);
        refused(() -> ec2().deleteNetworkAclEntry(r -> r.networkAclId(custom).ruleNumber(32768).egress(false)), "InvalidNetworkAclEntry.NotFound", null);
    }
}
