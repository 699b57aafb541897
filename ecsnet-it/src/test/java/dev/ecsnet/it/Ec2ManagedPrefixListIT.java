package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AddPrefixListEntry;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixListAssociation;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.RemovePrefixListEntry;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.time.Duration;
import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** Customer-managed prefix lists: lifecycle on the clock, versions, the modify and delete rules, and references. */
class Ec2ManagedPrefixListIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static Ec2Client ec2() {
        return ecsnet.ec2();
    }

    private static AddPrefixListEntry entry(String cidr, String description) {
        return AddPrefixListEntry.builder().cidr(cidr).description(description).build();
    }

    private static String create(String name, int max, AddPrefixListEntry... entries) {
        String id = ec2().createManagedPrefixList(r -> r.prefixListName(name).addressFamily("IPv4").maxEntries(max).entries(entries))
                .prefixList().prefixListId();
        ecsnet.settle();
        return id;
    }

    private static ManagedPrefixList describe(String id) {
        return ec2().describeManagedPrefixLists(r -> r.prefixListIds(id)).prefixLists().get(0);
    }

    private static List<String> entries(String id) {
        return ec2().getManagedPrefixListEntries(r -> r.prefixListId(id)).entries().stream()
                .map(e -> e.cidr() + " " + e.description()).toList();
    }

    /** Everything observable of one list: its description and its current entries. */
    private static List<Object> picture(String id) {
        return List.of(describe(id), entries(id));
    }

    @Test
    void createGoesFromInProgressToCompleteWithVersionOneAndTags() {
        ManagedPrefixList created = ec2().createManagedPrefixList(r -> r.prefixListName("office").addressFamily("IPv4").maxEntries(5)
                .entries(entry("203.0.113.0/24", "hq"), entry("198.51.100.16/28", null))
                .tagSpecifications(tagged(ResourceType.PREFIX_LIST, "team", "net"))).prefixList();
        assertThat(created.prefixListId()).matches("pl-[0-9a-f]{17}");
        assertThat(created.stateAsString()).isEqualTo("create-in-progress");
        assertThat(created.version()).isEqualTo(1L);
        assertThat(created.ownerId()).isEqualTo("000000000000");
        assertThat(created.prefixListArn()).isEqualTo("arn:aws:ec2:us-east-1:000000000000:prefix-list/" + created.prefixListId());
        ecsnet.advance(Duration.ofSeconds(1));
        ManagedPrefixList pl = describe(created.prefixListId());
        assertThat(pl.stateAsString()).isEqualTo("create-complete");
        assertThat(pl.maxEntries()).isEqualTo(5);
        assertThat(pl.addressFamily()).isEqualTo("IPv4");
        assertThat(pl.tags()).containsExactly(tag("team", "net"));
        assertThat(entries(pl.prefixListId())).containsExactly("203.0.113.0/24 hq", "198.51.100.16/28 null");

        assertThat(ec2().describeManagedPrefixLists(r -> r.filters(filter("owner-id", "AWS"))).prefixLists())
                .extracting(ManagedPrefixList::prefixListName).contains("com.amazonaws.us-east-1.s3").doesNotContain("office");
        assertThat(ec2().describeManagedPrefixLists(r -> r.filters(filter("tag:team", "net"))).prefixLists())
                .extracting(ManagedPrefixList::prefixListId).containsExactly(pl.prefixListId());
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "prefix-list"))).tags())
                .singleElement().satisfies(t -> assertThat(t.resourceId()).isEqualTo(pl.prefixListId()));
    }

    @Test
    void modifyMakesANewVersionAndEveryVersionStaysReadable() {
        String id = create("office", 5, entry("203.0.113.0/24", "hq"));
        ManagedPrefixList modified = ec2().modifyManagedPrefixList(r -> r.prefixListId(id).currentVersion(1L)
                .addEntries(entry("192.0.2.0/24", "branch")).removeEntries(RemovePrefixListEntry.builder().cidr("203.0.113.0/24").build())
                .prefixListName("offices")).prefixList();
        assertThat(modified.stateAsString()).isEqualTo("modify-in-progress");
        assertThat(modified.version()).isEqualTo(2L);
        ecsnet.advance(Duration.ofSeconds(1));
        assertThat(describe(id).stateAsString()).isEqualTo("modify-complete");
        assertThat(describe(id).prefixListName()).isEqualTo("offices");
        assertThat(entries(id)).containsExactly("192.0.2.0/24 branch");
        assertThat(ec2().getManagedPrefixListEntries(r -> r.prefixListId(id).targetVersion(1L)).entries())
                .extracting(PrefixListEntry::cidr).containsExactly("203.0.113.0/24");

        ec2().modifyManagedPrefixList(r -> r.prefixListId(id).prefixListName("renamed"));
        ecsnet.settle();
        assertThat(describe(id).version()).as("a rename makes no new version").isEqualTo(2L);
        ec2().modifyManagedPrefixList(r -> r.prefixListId(id).maxEntries(10));
        ecsnet.settle();
        assertThat(describe(id).maxEntries()).isEqualTo(10);
        assertThat(describe(id).version()).isEqualTo(2L);
    }

    @Test
    void modifyRefusals() {
        String id = create("office", 2, entry("203.0.113.0/24", "hq"));
        refusedWithoutChange(() -> picture(id), () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id).currentVersion(7L)
                .addEntries(entry("192.0.2.0/24", null))), "PrefixListVersionMismatch", "The prefix list has the incorrect version number.");
        refusedWithoutChange(() -> picture(id), () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id).maxEntries(4)
                .addEntries(entry("192.0.2.0/24", null))), "InvalidParameterCombination",
                "You cannot modify the entries and the maximum number of entries for the prefix list in the same request.");
        refusedWithoutChange(() -> picture(id), () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id)
                .addEntries(entry("203.0.113.0/24", "again"))), "InvalidPrefixListModification",
                "An entry with the CIDR (203.0.113.0/24) and description (hq) already exists.");
        refusedWithoutChange(() -> picture(id), () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id)
                .removeEntries(RemovePrefixListEntry.builder().cidr("192.0.2.0/24").build())), "InvalidPrefixListModification",
                "The CIDR (192.0.2.0/24) does not exist.");
        refusedWithoutChange(() -> picture(id), () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id)
                .addEntries(entry("203.0.113.0/24", "new")).removeEntries(RemovePrefixListEntry.builder().cidr("203.0.113.0/24").build())),
                "InvalidParameterValue", "Request cannot contain Cidr 203.0.113.0/24 in both AddPrefixListEntries and RemovePrefixListEntries");
        refusedWithoutChange(() -> picture(id), () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id)
                .addEntries(entry("192.0.2.0/24", null), entry("192.0.3.0/24", null))), "PrefixListMaxEntriesExceeded", null);
        refusedWithoutChange(() -> picture(id), () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id).maxEntries(1001)),
                "InvalidParameterValue", "Must specify a max size between 1 and 1000");
        refusedWithoutChange(() -> picture(id), () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id)
                .addEntries(entry("10.0.0.1/24", null))), "InvalidParameterValue", "The CIDR (10.0.0.1/24) is not a valid IPv4 CIDR block.");
        refused(() -> ec2().modifyManagedPrefixList(r -> r.prefixListId("pl-63a5400a").prefixListName("mine")), "InvalidParameterValue", null);
        refused(() -> ec2().modifyManagedPrefixList(r -> r.prefixListId("pl-0123456789abcdef0").prefixListName("x")),
                "InvalidPrefixListID.NotFound", "The prefix list (pl-0123456789abcdef0) does not exist.");

        ec2().modifyManagedPrefixList(r -> r.prefixListId(id).addEntries(entry("192.0.2.0/24", null)));
        refused(() -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id).prefixListName("busy")), "IncorrectState", null);
        ecsnet.settle();
        refusedWithoutChange(() -> picture(id), () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(id).maxEntries(1)),
                "InvalidParameterValue", "The maximum number of entries (1) cannot be less than the number of entries in the prefix list (2).");
    }

    @Test
    void createRefusals() {
        refused(() -> ec2().createManagedPrefixList(r -> r.prefixListName("x").addressFamily("IPv4").maxEntries(0)),
                "InvalidParameterValue", "Must specify a max size between 1 and 1000");
        refused(() -> ec2().createManagedPrefixList(r -> r.prefixListName("x").addressFamily("IPv4").maxEntries(1)
                .entries(entry("192.0.2.0/24", null), entry("192.0.3.0/24", null))), "PrefixListMaxEntriesExceeded", null);
        refused(() -> ec2().createManagedPrefixList(r -> r.prefixListName("com.amazonaws.mine").addressFamily("IPv4").maxEntries(1)),
                "InvalidParameterValue", null);
        refused(() -> ec2().createManagedPrefixList(r -> r.prefixListName("x").addressFamily("IPv5").maxEntries(1)),
                "InvalidParameterValue", null);
        refused(() -> ec2().createManagedPrefixList(r -> r.prefixListName("x").addressFamily("IPv6").maxEntries(2)
                .entries(entry("192.0.2.0/24", null))), "InvalidParameterValue", "The CIDR (192.0.2.0/24) is not a valid IPv6 CIDR block.");
        assertThat(ec2().describeManagedPrefixLists(r -> { }).prefixLists()).allSatisfy(p -> assertThat(p.ownerId()).isEqualTo("AWS"));
    }

    @Test
    void referencesFromRulesAndRoutesAreAssociationsAndBlockTheDelete() {
        String id = create("office", 5, entry("203.0.113.0/24", "hq"));
        NetFixture f = new NetFixture(ec2());
        String vpc = f.vpc("10.0.0.0/16");
        String igw = f.attachedIgw(vpc);
        String sg = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
        String rule = ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).prefixListIds(p -> p.prefixListId(id).description("office")).build()))
                .securityGroupRules().get(0).securityGroupRuleId();
        String rtb = f.mainTable(vpc).routeTableId();
        ec2().createRoute(r -> r.routeTableId(rtb).destinationPrefixListId(id).gatewayId(igw));
        assertThat(f.table(rtb).routes()).anySatisfy(x -> {
            assertThat(x.destinationPrefixListId()).isEqualTo(id);
            assertThat(x.gatewayId()).isEqualTo(igw);
        });
        assertThat(ec2().getManagedPrefixListAssociations(r -> r.prefixListId(id)).prefixListAssociations())
                .extracting(PrefixListAssociation::resourceId).containsExactly(sg, rtb);

        ManagedPrefixList deleting = ec2().deleteManagedPrefixList(r -> r.prefixListId(id)).prefixList();
        assertThat(deleting.stateAsString()).isEqualTo("delete-in-progress");
        ecsnet.settle();
        ManagedPrefixList failed = describe(id);
        assertThat(failed.stateAsString()).isEqualTo("delete-failed");
        assertThat(failed.stateMessage()).contains(sg).contains(rtb);
        assertThat(entries(id)).containsExactly("203.0.113.0/24 hq");

        ec2().revokeSecurityGroupIngress(r -> r.groupId(sg).securityGroupRuleIds(rule));
        ec2().deleteRoute(r -> r.routeTableId(rtb).destinationPrefixListId(id));
        ec2().deleteManagedPrefixList(r -> r.prefixListId(id));
        ecsnet.settle();
        assertThat(describe(id).stateAsString()).isEqualTo("delete-complete");
        refused(() -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).prefixListIds(p -> p.prefixListId(id)).build())), "InvalidPrefixListID.NotFound",
                "The prefix list (" + id + ") does not exist.");
        refused(() -> ec2().createRoute(r -> r.routeTableId(rtb).destinationPrefixListId(id).gatewayId(igw)), "InvalidPrefixListID.NotFound", null);
        refused(() -> ec2().deleteManagedPrefixList(r -> r.prefixListId(id)), "InvalidPrefixListID.NotFound", null);
    }

    @Test
    void awsManagedListsAreReadOnlyButTheirEntriesCanBeRead() {
        assertThat(ec2().getManagedPrefixListEntries(r -> r.prefixListId("pl-63a5400a")).entries())
                .extracting(PrefixListEntry::cidr).contains("52.216.0.0/15");
        refused(() -> ec2().deleteManagedPrefixList(r -> r.prefixListId("pl-63a5400a")), "InvalidParameterValue", null);
        refused(() -> ec2().getManagedPrefixListEntries(r -> r.prefixListId("pl-0123456789abcdef0")),
                "InvalidPrefixListID.NotFound", "The prefix list (pl-0123456789abcdef0) does not exist.");
        refused(() -> ec2().describeManagedPrefixLists(r -> r.prefixListIds("pl-0123456789abcdef0")), "InvalidPrefixListID.NotFound", null);
    }
}
