package dev.ecsnet.domain.net;

import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network restored from its record into a fresh region exports what it was given and goes on as the original
 * does: the same answers, the same next ids and addresses, the same timers finishing the same lifecycles.
 */
class NetworkSnapshotTest {
    private static final Map<String, String> NO_TAGS = Map.of();

    /** The ids of what {@link #build} made, the same in a twin. */
    record Built(String vpc, String subnet, String smallSubnet, String defaultSubnet, String group, List<String> enis,
                         String attachedEni, String detachingEni, String natPending, String natDeleting, String allocation,
                         String interfaceEndpoint, String peeringRequested, String peeringActive, String prefixList,
                         String secondaryAssociation, String otherVpc) {
    }

    /**
     * Every resource type of the network, with tags, deleted resources and scattered pools; everything that needs a
     * timer to settle first comes first, and the lifecycles left in the middle (with their timers pending) last.
     */
    static Built build(RegionTwin t) {
        Network n = t.region.network();
        Vpc vpc = n.createVpc("10.0.0.0/16", "default", true, null, Map.of("Name", "main", "team", "web"));
        t.advance(Duration.ofSeconds(1));
        n.modifyVpcAttribute(vpc.id(), null, true, null);
        long high = vpc.ipv6CidrBlocks().get(0).cidr().network().high() | 1;
        String subnet64 = new Ipv6Cidr(new Ipv6Address(high, 0), 64).toString();
        Subnet subnet = n.createSubnet(vpc.id(), "10.0.1.0/24", subnet64, "us-east-1a", null, Map.of("tier", "app"));
        Subnet small = n.createSubnet(vpc.id(), "10.0.2.0/28", null, null, "use1-az2", NO_TAGS);
        Subnet leaving = n.createSubnet(vpc.id(), "10.0.4.0/24", new Ipv6Cidr(new Ipv6Address(high | 2, 0), 64).toString(),
                null, null, NO_TAGS);
        String secondary = n.cidrs().associateIpv4(vpc.id(), "10.1.0.0/16").associationId();
        n.cidrs().associateIpv4(vpc.id(), "10.2.0.0/16");
        Subnet defaultSubnet = n.subnets().stream().filter(Subnet::defaultForAz).findFirst().orElseThrow();
        Vpc defaultVpc = n.defaultVpc().orElseThrow();
        String natDeleting = n.gateways().createNatGateway(defaultSubnet.id(), n.gateways().allocateAddress(NO_TAGS).allocationId(),
                null, NO_TAGS).id();
        String natRouted = n.gateways().createNatGateway(defaultSubnet.id(), n.gateways().allocateAddress(NO_TAGS).allocationId(),
                null, NO_TAGS).id();
        Vpc other = n.createVpc("10.50.0.0/16", null, NO_TAGS);
        Vpc third = n.createVpc("10.60.0.0/16", null, NO_TAGS);
        String peeringActive = n.peerings().create(vpc.id(), other.id(), null, null, Map.of("p", "1")).id();
        String prefixList = n.prefixLists().create("office", "IPv4", 5, List.of(new ManagedPrefixList.Entry("192.0.2.0/24", "hq")),
                Map.of("pl", "1")).id();
        String referencedList = n.prefixLists().create("partners", "IPv4", 2, List.of(new ManagedPrefixList.Entry("203.0.113.0/24", null)),
                NO_TAGS).id();
        t.advance(Duration.ofSeconds(1));
        n.peerings().accept(peeringActive);
        t.advance(Duration.ofSeconds(1));
        n.peerings().modifyOptions(peeringActive, new VpcPeeringConnection.Options(true), null);

        n.cidrs().modifySubnetIpv6Attributes(subnet.id(), true, true, null);
        n.modifySubnetMapPublicIpOnLaunch(small.id(), true);
        n.subnetCidrReservations().create(subnet.id(), "10.0.1.64/26", "explicit", "for pinned addresses", Map.of("r", "1"));
        n.subnetCidrReservations().create(subnet.id(), new Ipv6Cidr(new Ipv6Address(high, 0x100), 120).toString(), "prefix", null, NO_TAGS);

        SecurityGroup group = n.createSecurityGroup(vpc.id(), "web", "web servers", Map.of("team", "web"));
        n.authorize(group.id(), false, List.of(new IpPermission("tcp", 443, 443,
                List.of(new IpPermission.Peer(IpPermission.PeerKind.CIDR_IPV4, "0.0.0.0/0", "https"),
                        new IpPermission.Peer(IpPermission.PeerKind.GROUP, group.id(), null)))), Map.of("rule", "https"));
        n.authorize(group.id(), false, List.of(new IpPermission("udp", 53, 53,
                List.of(new IpPermission.Peer(IpPermission.PeerKind.CIDR_IPV6, "::/0", null)))));
        n.authorize(group.id(), true, List.of(new IpPermission("tcp", 443, 443,
                List.of(new IpPermission.Peer(IpPermission.PeerKind.PREFIX_LIST, referencedList, null)))));
        n.revoke(group.id(), true, List.of(new IpPermission("-1", null, null,
                List.of(new IpPermission.Peer(IpPermission.PeerKind.CIDR_IPV4, "0.0.0.0/0", null)))), List.of());

        // interfaces created and deleted in a scattered order, so the pools are far from their initial order
        List<String> enis = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            enis.add(n.createNetworkInterface(new Network.EniRequest(i % 3 == 2 ? small.id() : subnet.id(), "eni " + i,
                    List.of(group.id()), null, null, null, Map.of("team", i % 2 == 0 ? "web" : "api"))).id());
        }
        n.deleteNetworkInterface(enis.remove(7));
        n.deleteNetworkInterface(enis.remove(2));
        n.deleteNetworkInterface(enis.remove(4));
        // enis: 0, 1, 3, 4, 6 in subnet; 8 in small; 9, 10 in subnet; 11 in small; then one pinned in subnet
        enis.add(n.createNetworkInterface(new Network.EniRequest(subnet.id(), null, null, "10.0.1.70", null, null, NO_TAGS,
                null, List.of(new Ipv6Address(high, 0xabcd).toString()))).id());
        n.interfaceIpv6().assign(enis.get(0), 2, null);
        n.interfaceIpv6().unassign(enis.get(0), List.of(n.networkInterface(enis.get(0)).ipv6Addresses().get(0).toString()));
        n.interfaceChanges().modify(enis.get(1), new NetworkInterfaceChanges.Modification("changed", null, null, null, null));
        n.interfaceChanges().modify(enis.get(1), new NetworkInterfaceChanges.Modification(null, false, null, null, null));
        n.interfaceChanges().modify(enis.get(3), new NetworkInterfaceChanges.Modification(null, null,
                List.of(group.id(), vpc.defaultSecurityGroupId()), null, null));
        NetworkInterfaceChanges.Host host = new NetworkInterfaceChanges.Host("i-0123456789abcdef0", subnet.zone(), "m5.large", 3);
        String detaching = enis.get(4);
        String attachment = n.interfaceChanges().attach(detaching, host, 1, 0).attachmentId();
        n.attach(enis.get(5), null, "amazon", 1);
        n.assignPublicIp(enis.get(5));
        n.tags().create(List.of(enis.get(1), subnet.id()), Map.of("extra", "yes"));
        n.tags().delete(List.of(enis.get(0)), Map.of("team", "web"));
        String allocation = n.gateways().allocateAddress(Map.of("eip", "1")).allocationId();
        n.gateways().associateAddress(allocation, enis.get(1), false);
        t.advance(Duration.ofSeconds(1));

        n.routeTables().createRoute(n.routeTables().main(defaultVpc.id()).id(), "192.168.0.0/16", null,
                new RouteTables.Target(Route.TargetKind.NAT_GATEWAY, natRouted));
        String igw = n.gateways().createInternetGateway(Map.of("igw", "main")).id();
        n.gateways().attachInternetGateway(igw, vpc.id());
        RouteTable table = n.routeTables().create(vpc.id(), Map.of("rt", "public"));
        n.routeTables().associate(table.id(), subnet.id());
        n.routeTables().createRoute(table.id(), "0.0.0.0/0", null, new RouteTables.Target(Route.TargetKind.INTERNET_GATEWAY, igw));
        n.routeTables().createRoute(table.id(), "172.16.0.0/12", null, new RouteTables.Target(Route.TargetKind.NETWORK_INTERFACE, enis.get(3)));
        n.routeTables().createRoute(table.id(), "10.50.0.0/16", null, new RouteTables.Target(Route.TargetKind.VPC_PEERING_CONNECTION, peeringActive));
        n.routeTables().createRoute(table.id(), null, null, prefixList, new RouteTables.Target(Route.TargetKind.INTERNET_GATEWAY, igw));
        String eigw = n.egressOnlyInternetGateways().create(vpc.id(), "token-1", Map.of("e", "1")).id();
        n.routeTables().createRoute(table.id(), null, "::/0", null, new RouteTables.Target(Route.TargetKind.EGRESS_ONLY_INTERNET_GATEWAY, eigw));

        NetworkAcl acl = n.acls().create(vpc.id(), Map.of("acl", "strict"));
        n.acls().createEntry(acl.id(), new NetworkAcl.Entry(10, false, "6", "allow", "10.0.0.0/8", 22, 22, null, null));
        n.acls().createEntry(acl.id(), new NetworkAcl.Entry(5, false, "-1", "deny", null, "::/0", null, null, null, null));
        String aclAssociation = n.acls().forSubnet(small.id()).associations().stream().filter(x -> x.subnetId().equals(small.id()))
                .findFirst().orElseThrow().id();
        n.acls().replaceAssociation(aclAssociation, acl.id());
        String gatewayEndpoint = n.endpoints().create(new VpcEndpoints.Request(vpc.id(), "com.amazonaws.us-east-1.s3",
                "Gateway", List.of(), List.of(), List.of(table.id()), null, null, NO_TAGS)).id();
        n.endpoints().modifyPolicy(gatewayEndpoint, "{\"Statement\":[]}", false);
        String dhcp = n.dhcpOptions().create(Map.of("domain-name", List.of("corp.example")), Map.of("d", "1")).id();
        n.dhcpOptions().associate(dhcp, other.id());

        // left in the middle of their lifecycles, timers pending
        n.cidrs().disassociate(secondary);
        n.interfaceChanges().modify(detaching, new NetworkInterfaceChanges.Modification(null, null, null, attachment, true));
        n.interfaceChanges().detach(attachment, false);
        String attaching = enis.get(6);
        n.interfaceChanges().attach(attaching, host, 2, 0);
        String natPending = n.gateways().createNatGateway(defaultSubnet.id(), n.gateways().allocateAddress(NO_TAGS).allocationId(),
                null, Map.of("nat", "pending")).id();
        n.gateways().deleteNatGateway(natDeleting);
        String interfaceEndpoint = n.endpoints().create(new VpcEndpoints.Request(vpc.id(), "com.amazonaws.us-east-1.ecr.dkr",
                "Interface", List.of(subnet.id()), List.of(group.id()), List.of(), true, null, Map.of("vpce", "dkr"))).id();
        String peeringRequested = n.peerings().create(vpc.id(), third.id(), null, null, NO_TAGS).id();
        n.prefixLists().modify(prefixList, new ManagedPrefixLists.Modification(1L, "offices",
                List.of(new ManagedPrefixList.Entry("198.51.100.0/24", null)), List.of(), null));
        n.prefixLists().delete(referencedList);
        n.cidrs().disassociateSubnetIpv6(leaving.ipv6CidrBlocks().get(0).associationId());
        n.createVpc("10.80.0.0/16", null, true, null, NO_TAGS);

        assertThat(t.pending()).extracting(RegionTwin.Pending::kind).contains("ec2.vpc-cidr.disassociated", "ec2.eni.attached",
                "ec2.eni.detached", "ec2.nat-gateway.available", "ec2.nat-gateway.deleted", "ec2.vpc-endpoint.available",
                "ec2.peering.checked", "ec2.prefix-list.modified", "ec2.prefix-list.deleted",
                "ec2.subnet-cidr.disassociated", "ec2.vpc-cidr.associated-at-creation");
        return new Built(vpc.id(), subnet.id(), small.id(), defaultSubnet.id(), group.id(), List.copyOf(enis), attaching, detaching,
                natPending, natDeleting, allocation, interfaceEndpoint, peeringRequested, peeringActive, prefixList, secondary, other.id());
    }

    /** What DescribeX calls would show of every resource, and what the indexes answer. */
    static List<String> describe(Network n, Built b) {
        List<String> out = new ArrayList<>();
        n.vpcs().forEach(v -> out.add(v.id() + " " + v.ownerId() + " " + v.cidrBlocks() + " " + v.ipv6CidrBlocks() + " "
                + v.instanceTenancy() + " " + v.dhcpOptionsId() + " " + v.tags() + " " + v.enableDnsSupport() + " "
                + v.enableDnsHostnames() + " " + v.enableNetworkAddressUsageMetrics() + " " + v.defaultSecurityGroupId()));
        n.subnets().forEach(s -> out.add(s.id() + " " + s.ownerId() + " " + s.cidr() + " " + s.zone() + " " + s.defaultForAz() + " "
                + s.availableIpAddressCount() + " " + s.assignableIpAddressCount() + " " + s.ipv6CidrBlocks() + " "
                + s.ipv6Pool().map(SubnetIpv6Pool::usedCount) + " " + s.mapPublicIpOnLaunch() + " " + s.assignIpv6AddressOnCreation() + " "
                + s.enableDns64() + " " + s.enableResourceNameDnsAAAARecordOnLaunch() + " " + s.tags()));
        n.networkInterfaces().forEach(e -> out.add(e.id() + " " + e.subnetId() + " " + e.vpcId() + " " + e.ownerId() + " "
                + e.interfaceType() + " " + e.privateIpAddress() + " " + e.macAddress() + " " + e.status() + " " + e.lastAttachment() + " "
                + e.publicIp() + " " + e.allocationId() + " " + e.associationId() + " " + e.ipv6Addresses() + " " + e.groupIds() + " "
                + e.description() + " " + e.sourceDestCheck() + " " + e.requesterId() + " " + e.tags()));
        n.securityGroups().forEach(g -> out.add(g.id() + " " + g.name() + " " + g.description() + " " + g.vpcId() + " " + g.ownerId()
                + " " + g.rules() + " " + g.tags()));
        n.routeTables().all().forEach(r -> out.add(r.id() + " " + r.vpcId() + " " + r.ownerId() + " " + r.routes() + " "
                + r.associations() + " " + r.tags()));
        n.acls().all().forEach(a -> out.add(a.id() + " " + a.vpcId() + " " + a.ownerId() + " " + a.isDefault() + " " + a.entries() + " "
                + a.associations() + " " + a.tags()));
        n.gateways().internetGateways().forEach(g -> out.add(g.id() + " " + g.ownerId() + " " + g.attachedVpcId() + " " + g.tags()));
        n.gateways().addresses().forEach(a -> out.add(a.allocationId() + " " + a.publicIp() + " " + a.ownerId() + " "
                + a.networkBorderGroup() + " " + a.associationId() + " " + a.networkInterfaceId() + " " + a.tags()));
        n.gateways().natGateways().forEach(g -> out.add(g.id() + " " + g.subnetId() + " " + g.vpcId() + " " + g.state() + " "
                + g.allocationId() + " " + g.networkInterfaceId() + " " + g.privateIp() + " " + g.publicIp() + " " + g.associationId() + " "
                + g.createTime() + " " + g.deleteTime() + " " + g.tags()));
        n.egressOnlyInternetGateways().all().forEach(g -> out.add(g.id() + " " + g.vpcId() + " " + g.tags()));
        n.endpoints().all().forEach(e -> out.add(e.id() + " " + e.type() + " " + e.vpcId() + " " + e.ownerId() + " " + e.serviceName()
                + " " + e.state() + " " + e.privateDnsEnabled() + " " + e.subnetIds() + " " + e.groupIds() + " " + e.networkInterfaceIds()
                + " " + e.routeTableIds() + " " + e.policyDocument() + " " + e.creationTimestamp() + " " + e.tags()));
        n.peerings().all().forEach(c -> out.add(c.id() + " " + c.requesterVpcId() + " " + c.accepterVpcId() + " " + c.ownerId() + " "
                + c.region() + " " + c.status() + " " + c.statusMessage() + " " + c.expirationTime() + " " + c.requesterOptions() + " "
                + c.accepterOptions() + " " + c.tags()));
        n.prefixLists().all().forEach(l -> out.add(l.id() + " " + l.name() + " " + l.addressFamily() + " " + l.maxEntries() + " "
                + l.ownerId() + " " + l.state() + " " + l.stateMessage() + " " + l.version() + " " + l.entries(1) + " " + l.entries() + " "
                + l.arn() + " " + l.tags()));
        n.dhcpOptions().all().forEach(d -> out.add(d.id() + " " + d.ownerId() + " " + d.configurations() + " " + d.tags()));
        n.subnetCidrReservations().all().forEach(r -> out.add(r.id() + " " + r.subnetId() + " " + r.ownerId() + " " + r.cidr() + " "
                + r.type() + " " + r.description() + " " + r.tags()));
        out.add("subnets of vpc " + ids(n.indexes().subnets(NetworkIndexes.SubnetField.VPC_ID, List.of(b.vpc()))));
        out.add("enis of subnet " + ids(n.indexes().networkInterfaces(NetworkIndexes.EniField.SUBNET_ID, List.of(b.subnet()))));
        out.add("enis of group " + ids(n.indexes().networkInterfaces(NetworkIndexes.EniField.GROUP_ID, List.of(b.group()))));
        out.add("enis at 10.0.1.70 " + ids(n.indexes().networkInterfaces(NetworkIndexes.EniField.PRIVATE_IP_ADDRESS, List.of("10.0.1.70"))));
        out.add("enis team=web " + ids(n.indexes().eniTags().withTag("team", List.of("web"))));
        out.add("enis with extra " + ids(n.indexes().eniTags().withKeys(List.of("extra"))));
        out.add("vpcs team=web " + ids(n.indexes().vpcTags().withTag("team", List.of("web"))));
        out.add("subnets with tier " + ids(n.indexes().subnetTags().withKeys(List.of("tier", "extra"))));
        out.add("groups team=web " + ids(n.indexes().groupTags().withTag("team", List.of("web"))));
        out.add("default vpc " + n.defaultVpc().map(Vpc::id));
        return out;
    }

    private static List<String> ids(List<? extends dev.ecsnet.domain.common.Taggable> resources) {
        return resources.stream().map(dev.ecsnet.domain.common.Taggable::id).toList();
    }

    /** The same further calls on either region: what they answer, and what the network then describes. */
    static List<String> goOn(RegionTwin t, Built b) {
        Network n = t.region.network();
        List<String> answers = new ArrayList<>(describe(n, b));
        t.advance(Duration.ofMillis(150));
        answers.addAll(describe(n, b));
        t.settle();
        answers.addAll(describe(n, b));
        for (int i = 0; i < 6; i++) {
            NetworkInterface e = n.createNetworkInterface(new Network.EniRequest(i % 2 == 0 ? b.subnet() : b.smallSubnet(), null,
                    null, null, null, null, Map.of("n", "" + i)));
            answers.add(e.id() + " " + e.privateIpAddress() + " " + e.macAddress() + " " + e.ipv6Addresses());
        }
        answers.add(n.createNetworkInterface(new Network.EniRequest(b.defaultSubnet(), null, null, null, null, null, NO_TAGS))
                .privateIpAddress());
        n.deleteNetworkInterface(b.enis().get(2));
        n.deleteNetworkInterface(b.enis().get(b.enis().size() - 1));
        answers.add(n.createNetworkInterface(new Network.EniRequest(b.subnet(), null, null, null, null, null, NO_TAGS)).privateIpAddress());
        answers.add(n.interfaceIpv6().assign(b.enis().get(3), 3, null).toString());
        answers.add(n.gateways().allocateAddress(NO_TAGS).publicIp());
        answers.add(n.assignPublicIp(b.enis().get(3)));
        Vpc vpc = n.createVpc("10.70.0.0/16", null, true, null, NO_TAGS);
        answers.add(vpc.id() + " " + vpc.ipv6CidrBlocks());
        answers.add(n.createSubnet(b.vpc(), "10.0.3.0/24", null, null, NO_TAGS).id());
        answers.add(n.cidrs().associateIpv4(b.vpc(), "10.3.0.0/16").associationId());
        answers.add(n.subnetCidrReservations().create(b.smallSubnet(), "10.0.2.8/29", "explicit", null, NO_TAGS).id());
        n.gateways().deleteNatGateway(b.natPending());
        n.prefixLists().modify(b.prefixList(), new ManagedPrefixLists.Modification(2L, null, List.of(), List.of("192.0.2.0/24"), null));
        n.peerings().accept(b.peeringRequested());
        n.endpoints().delete(List.of(b.interfaceEndpoint()));
        answers.add(n.egressOnlyInternetGateways().create(b.vpc(), "token-1", NO_TAGS).id());
        t.settle();
        t.settle();
        answers.addAll(describe(n, b));
        return answers;
    }

    @Test
    void aRestoredNetworkExportsWhatItWasGivenAndGoesOnAsTheOriginalDoes() {
        RegionTwin a = new RegionTwin(7);
        Built built = build(a);
        RegionTwin b = a.twin();

        assertThat(b.region.network().export()).isEqualTo(a.region.network().export());
        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(describe(b.region.network(), built)).containsExactlyElementsOf(describe(a.region.network(), built));

        List<String> fromA = goOn(a, built);
        List<String> fromB = goOn(b, built);
        assertThat(fromB).containsExactlyElementsOf(fromA);
        assertThat(b.exports()).isEqualTo(a.exports());
        // the lifecycles the timers were in the middle of did finish
        Network n = b.region.network();
        assertThat(n.gateways().natGateway(built.natDeleting()).state()).isEqualTo("deleted");
        assertThat(n.gateways().natGateway(built.natPending()).state()).isEqualTo("deleted");
        assertThat(n.networkInterface(built.attachedEni()).attachment().orElseThrow().status()).isEqualTo("attached");
        assertThat(n.networkInterface(built.detachingEni()).lastAttachment().orElseThrow().status()).isEqualTo("detached");
        assertThat(n.peerings().get(built.peeringRequested()).status()).isEqualTo(VpcPeeringConnection.Status.ACTIVE);
        assertThat(n.vpc(built.vpc()).association(built.secondaryAssociation()).orElseThrow().state())
                .isEqualTo(CidrBlockState.DISASSOCIATED);
    }

    @Test
    void theExportIsACopyThatLaterChangesDoNotReach() {
        RegionTwin a = new RegionTwin(3);
        Network n = a.region.network();
        Subnet subnet = n.subnets().iterator().next();
        NetworkRecord before = n.export();
        NetworkRecord again = n.export();
        n.createNetworkInterface(new Network.EniRequest(subnet.id(), null, null, null, null, null, Map.of("k", "v")));
        n.tags().create(List.of(subnet.id()), Map.of("k", "v"));

        assertThat(again).isEqualTo(before);
        assertThat(n.export()).isNotEqualTo(before);
        assertThat(before.networkInterfaces()).isEmpty();
        assertThat(before.subnets().get(0).tags()).isEmpty();
    }

    @Test
    void aRestoreDrawsNoIdAndArmsNoTimer() {
        RegionTwin a = new RegionTwin(9);
        build(a);
        NetworkRecord record = a.region.network().export();
        RegionTwin fresh = new RegionTwin(9);
        Network n = fresh.region.network();
        long stream = n.ids().streamState();
        int timers = fresh.pending().size();

        n.restore(record);

        assertThat(n.ids().streamState()).isEqualTo(stream);
        assertThat(fresh.pending()).hasSize(timers);
        assertThat(n.export()).isEqualTo(record);
    }

    @Test
    void aRecordWithoutPoolsTakesTheAddressesItsInterfacesHold() {
        RegionTwin a = new RegionTwin(11);
        Network n = a.region.network();
        Subnet subnet = n.createSubnet(n.defaultVpc().orElseThrow().id(), "172.31.96.0/28", null, null, NO_TAGS);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(n.createNetworkInterface(new Network.EniRequest(subnet.id(), null, null, null, null, null, NO_TAGS)).privateIpAddress());
        }
        NetworkRecord full = n.export();
        NetworkRecord withoutPools = withoutPools(full);

        RegionTwin fresh = new RegionTwin(11);
        fresh.region.network().restore(withoutPools);
        Network m = fresh.region.network();
        Subnet restored = m.subnet(subnet.id());
        assertThat(restored.availableIpAddressCount()).isEqualTo(subnet.availableIpAddressCount());
        List<String> next = new ArrayList<>();
        while (restored.assignableIpAddressCount() > 0) {
            next.add(m.createNetworkInterface(new Network.EniRequest(subnet.id(), null, null, null, null, null, NO_TAGS)).privateIpAddress());
        }
        assertThat(next).hasSize(11 - 4).doesNotContainAnyElementsOf(held);
    }

    private static NetworkRecord withoutPools(NetworkRecord r) {
        List<NetworkRecord.SubnetRecord> subnets = r.subnets().stream().map(s -> new NetworkRecord.SubnetRecord(s.id(), s.vpcId(),
                s.cidr(), s.availabilityZone(), s.ownerId(), s.defaultForAz(), s.tags(), s.mapPublicIpOnLaunch(), s.ipv6CidrBlocks(),
                s.assignIpv6AddressOnCreation(), s.enableDns64(), s.enableResourceNameDnsAAAARecordOnLaunch(), null, null)).toList();
        return new NetworkRecord(r.vpcs(), subnets, r.networkInterfaces(), r.publicIps(), r.securityGroups(), r.routeTables(),
                r.networkAcls(), r.internetGateways(), r.elasticIps(), r.natGateways(), r.egressOnlyInternetGateways(),
                r.egressOnlyInternetGatewayClientTokens(), r.vpcEndpoints(), r.peeringConnections(), r.prefixLists(),
                r.regionDefaultDhcpOptionsId(), r.dhcpOptions(), r.subnetCidrReservations(), r.amazonIpv6DrawState(),
                r.issuedAmazonIpv6Blocks());
    }

    @Test
    void aTwinTakenBeforeAnythingHappenedIsTheFreshRegion() {
        RegionTwin a = new RegionTwin(5);
        RegionTwin b = a.twin();
        assertThat(b.region.network().export()).isEqualTo(new RegionTwin(5).region.network().export());
        Function<RegionTwin, String> next = t -> {
            Network n = t.region.network();
            return n.createNetworkInterface(new Network.EniRequest(n.subnets().iterator().next().id(), null, null, null, null, null,
                    new LinkedHashMap<>())).privateIpAddress();
        };
        assertThat(next.apply(b)).isEqualTo(next.apply(a));
    }
}
