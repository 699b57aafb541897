package dev.ecsnet.domain.net;

import dev.ecsnet.domain.net.NetworkRecord.AclAssociationRecord;
import dev.ecsnet.domain.net.NetworkRecord.AclEntryRecord;
import dev.ecsnet.domain.net.NetworkRecord.AttachmentRecord;
import dev.ecsnet.domain.net.NetworkRecord.CidrBlockRecord;
import dev.ecsnet.domain.net.NetworkRecord.DhcpOptionsRecord;
import dev.ecsnet.domain.net.NetworkRecord.EgressOnlyInternetGatewayRecord;
import dev.ecsnet.domain.net.NetworkRecord.ElasticIpRecord;
import dev.ecsnet.domain.net.NetworkRecord.InternetGatewayRecord;
import dev.ecsnet.domain.net.NetworkRecord.Ipv6CidrBlockRecord;
import dev.ecsnet.domain.net.NetworkRecord.NatGatewayRecord;
import dev.ecsnet.domain.net.NetworkRecord.NetworkAclRecord;
import dev.ecsnet.domain.net.NetworkRecord.NetworkInterfaceRecord;
import dev.ecsnet.domain.net.NetworkRecord.PeeringConnectionRecord;
import dev.ecsnet.domain.net.NetworkRecord.PrefixListEntryRecord;
import dev.ecsnet.domain.net.NetworkRecord.PrefixListRecord;
import dev.ecsnet.domain.net.NetworkRecord.PrefixListVersionRecord;
import dev.ecsnet.domain.net.NetworkRecord.RouteRecord;
import dev.ecsnet.domain.net.NetworkRecord.RouteTableAssociationRecord;
import dev.ecsnet.domain.net.NetworkRecord.RouteTableRecord;
import dev.ecsnet.domain.net.NetworkRecord.RuleRecord;
import dev.ecsnet.domain.net.NetworkRecord.SecurityGroupRecord;
import dev.ecsnet.domain.net.NetworkRecord.SubnetCidrReservationRecord;
import dev.ecsnet.domain.net.NetworkRecord.SubnetRecord;
import dev.ecsnet.domain.net.NetworkRecord.VpcEndpointRecord;
import dev.ecsnet.domain.net.NetworkRecord.VpcRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Network#export()} and {@link Network#restore(NetworkRecord)}: the network's state to plain records and back
 * (docs/design-state.md, "Snapshot records"). Export copies in the network's own order; restore replaces what a
 * fresh network holds and refiles every resource in the indexes, in the recorded order.
 */
final class NetworkSnapshots {
    private NetworkSnapshots() {
    }

    // ---- export -----------------------------------------------------------------------------------------------

    static NetworkRecord export(Network n) {
        return new NetworkRecord(
                n.vpcs.values().stream().map(NetworkSnapshots::vpc).toList(),
                n.subnets.values().stream().map(NetworkSnapshots::subnet).toList(),
                n.networkInterfaces.values().stream().map(NetworkSnapshots::networkInterface).toList(),
                List.copyOf(n.publicIps),
                n.groups().groups.values().stream().map(NetworkSnapshots::securityGroup).toList(),
                n.routeTables().tables.values().stream().map(NetworkSnapshots::routeTable).toList(),
                n.acls().acls.values().stream().map(NetworkSnapshots::acl).toList(),
                n.gateways().internetGateways.values().stream().map(g -> new InternetGatewayRecord(g.id(), g.ownerId(),
                        tags(g.tags()), g.attachedVpcId())).toList(),
                n.gateways().addresses.values().stream().map(a -> new ElasticIpRecord(a.allocationId(), a.publicIp(), a.ownerId(),
                        a.networkBorderGroup(), tags(a.tags()), a.associationId(), a.networkInterfaceId())).toList(),
                n.gateways().natGateways.values().stream().map(g -> new NatGatewayRecord(g.id(), g.subnetId(), g.vpcId(),
                        g.allocationId(), g.networkInterfaceId(), g.privateIp(), g.publicIp(), g.associationId(), g.createTime(),
                        tags(g.tags()), g.state(), g.deleteTime())).toList(),
                n.egressOnlyInternetGateways().gateways.values().stream().map(g -> new EgressOnlyInternetGatewayRecord(g.id(),
                        g.vpcId(), tags(g.tags()))).toList(),
                new LinkedHashMap<>(n.egressOnlyInternetGateways().byClientToken),
                n.endpoints().endpoints.values().stream().map(NetworkSnapshots::endpoint).toList(),
                n.peerings().connections.values().stream().map(NetworkSnapshots::peering).toList(),
                n.prefixLists().lists.values().stream().map(NetworkSnapshots::prefixList).toList(),
                n.dhcpOptions().regionDefaultId,
                n.dhcpOptions().sets.values().stream().map(d -> new DhcpOptionsRecord(d.id(), d.ownerId(),
                        new LinkedHashMap<>(d.configurations()), tags(d.tags()))).toList(),
                n.subnetCidrReservations().reservations.values().stream().map(r -> new SubnetCidrReservationRecord(r.id(),
                        r.subnetId(), r.cidr(), r.type(), r.ownerId(), r.description(), tags(r.tags()))).toList(),
                n.cidrs().ipv6Draws.state(),
                n.cidrs().issuedIpv6.stream().map(Ipv6Cidr::toString).toList());
    }

    private static Map<String, String> tags(Map<String, String> tags) {
        return new LinkedHashMap<>(tags);
    }

    private static VpcRecord vpc(Vpc v) {
        return new VpcRecord(v.id(),
                v.cidrBlocks().stream().map(b -> new CidrBlockRecord(b.associationId(), b.cidr().toString(), b.state())).toList(),
                v.ipv6CidrBlocks().stream().map(b -> new Ipv6CidrBlockRecord(b.associationId(), b.cidr().toString(), b.state(),
                        b.networkBorderGroup(), b.ipv6Pool())).toList(),
                v.ownerId(), v.isDefault(), v.instanceTenancy(), v.dhcpOptionsId(), tags(v.tags()), v.enableDnsSupport(),
                v.enableDnsHostnames(), v.enableNetworkAddressUsageMetrics(), v.defaultSecurityGroupId());
    }

    private static SubnetRecord subnet(Subnet s) {
        return new SubnetRecord(s.id(), s.vpcId(), s.cidr().toString(), s.zone().name(), s.ownerId(), s.defaultForAz(), tags(s.tags()),
                s.mapPublicIpOnLaunch(),
                s.ipv6CidrBlocks().stream().map(b -> new CidrBlockRecord(b.associationId(), b.cidr().toString(), b.state())).toList(),
                s.assignIpv6AddressOnCreation(), s.enableDns64(), s.enableResourceNameDnsAAAARecordOnLaunch(), s.pool().record(),
                s.ipv6Pool().map(SubnetIpv6Pool::record).orElse(null));
    }

    private static NetworkInterfaceRecord networkInterface(NetworkInterface e) {
        AttachmentRecord attachment = e.lastAttachment().map(a -> new AttachmentRecord(a.attachmentId(), a.instanceId(),
                a.instanceOwnerId(), a.deviceIndex(), a.networkCardIndex(), a.status(), a.attachTime(), a.deleteOnTermination())).orElse(null);
        return new NetworkInterfaceRecord(e.id(), e.subnetId(), e.vpcId(), e.zone().name(), e.ownerId(), e.macAddress(),
                e.privateIpAddress(), e.description(), List.copyOf(e.groupIds()), e.interfaceType(), e.requesterId().orElse(null),
                tags(e.tags()), attachment, e.publicIp().orElse(null), e.allocationId(), e.associationId(), e.sourceDestCheck(),
                e.ipv6Addresses().stream().map(Ipv6Address::toString).toList());
    }

    private static SecurityGroupRecord securityGroup(SecurityGroup g) {
        return new SecurityGroupRecord(g.id(), g.name(), g.description(), g.vpcId(), g.ownerId(), tags(g.tags()),
                g.rules.stream().map(r -> new RuleRecord(r.ruleId(), r.groupOwnerId(), r.egress(), r.protocol(), r.fromPort(),
                        r.toPort(), r.cidrIpv4(), r.cidrIpv6(), r.prefixListId(), r.referencedGroupId(), r.description(),
                        tags(r.tags()))).toList());
    }

    private static RouteTableRecord routeTable(RouteTable t) {
        return new RouteTableRecord(t.id(), t.vpcId(), t.ownerId(), tags(t.tags()),
                t.routes.stream().map(r -> new RouteRecord(r.destinationCidrBlock(), r.destinationIpv6CidrBlock(),
                        r.destinationPrefixListId(), r.kind(), r.targetId(), r.origin(), r.state())).toList(),
                t.associations.stream().map(a -> new RouteTableAssociationRecord(a.id(), a.subnetId(), a.main())).toList());
    }

    private static NetworkAclRecord acl(NetworkAcl a) {
        return new NetworkAclRecord(a.id(), a.vpcId(), a.ownerId(), a.isDefault(), tags(a.tags()),
                a.entries.stream().map(e -> new AclEntryRecord(e.ruleNumber(), e.egress(), e.protocol(), e.ruleAction(), e.cidrBlock(),
                        e.ipv6CidrBlock(), e.fromPort(), e.toPort(), e.icmpType(), e.icmpCode())).toList(),
                a.associations.stream().map(x -> new AclAssociationRecord(x.id(), x.subnetId())).toList());
    }

    private static VpcEndpointRecord endpoint(VpcEndpoint e) {
        return new VpcEndpointRecord(e.id(), e.type(), e.vpcId(), e.serviceName(), e.ownerId(), e.creationTimestamp(),
                e.privateDnsEnabled(), tags(e.tags()), List.copyOf(e.routeTableIds), List.copyOf(e.subnetIds),
                List.copyOf(e.groupIds), List.copyOf(e.networkInterfaceIds), e.policyDocument(), e.state());
    }

    private static PeeringConnectionRecord peering(VpcPeeringConnection c) {
        return new PeeringConnectionRecord(c.id(), c.requesterVpcId(), c.accepterVpcId(), c.ownerId(), c.region(), c.expiresAt(),
                tags(c.tags()), c.status(), c.requesterOptions().allowDnsResolutionFromRemoteVpc(),
                c.accepterOptions().allowDnsResolutionFromRemoteVpc());
    }

    private static PrefixListRecord prefixList(ManagedPrefixList l) {
        List<PrefixListVersionRecord> versions = l.versions().entrySet().stream().map(v -> new PrefixListVersionRecord(v.getKey(),
                v.getValue().stream().map(e -> new PrefixListEntryRecord(e.cidr(), e.description())).toList())).toList();
        return new PrefixListRecord(l.id(), l.name(), l.addressFamily(), l.maxEntries(), l.ownerId(), tags(l.tags()), versions,
                l.state(), l.stateMessage().orElse(null));
    }

    // ---- restore ----------------------------------------------------------------------------------------------

    static void restore(Network n, NetworkRecord r) {
        clear(n);
        DhcpOptionsSets dhcp = n.dhcpOptions();
        for (DhcpOptionsRecord d : r.dhcpOptions()) {
            DhcpOptions options = new DhcpOptions(d.id(), d.ownerId(), d.configurations());
            options.tags().putAll(d.tags());
            dhcp.sets.put(options.id(), options);
        }
        dhcp.regionDefaultId = r.regionDefaultDhcpOptionsId();
        r.vpcs().forEach(v -> restoreVpc(n, v));
        // the pools need their subnets' reservations, which need nothing else
        for (SubnetCidrReservationRecord x : r.subnetCidrReservations()) {
            SubnetCidrReservation reservation = new SubnetCidrReservation(x.id(), x.subnetId(), x.cidr(), x.type(), x.ownerId(), x.description());
            reservation.tags().putAll(x.tags());
            n.subnetCidrReservations().reservations.put(reservation.id(), reservation);
        }
        r.subnets().forEach(s -> restoreSubnet(n, s));
        r.securityGroups().forEach(g -> restoreSecurityGroup(n, g));
        r.networkInterfaces().forEach(e -> restoreNetworkInterface(n, e));
        r.subnets().forEach(s -> rebuildMissingPools(n, s));
        n.publicIps.addAll(r.publicIps());
        r.routeTables().forEach(t -> restoreRouteTable(n, t));
        r.networkAcls().forEach(a -> restoreAcl(n, a));
        restoreGateways(n, r);
        r.vpcEndpoints().forEach(e -> restoreEndpoint(n, e));
        r.peeringConnections().forEach(c -> restorePeering(n, c));
        r.prefixLists().forEach(l -> restorePrefixList(n, l));
        n.cidrs().ipv6Draws.resume(r.amazonIpv6DrawState());
        r.issuedAmazonIpv6Blocks().forEach(b -> n.cidrs().issuedIpv6.add(ipv6Cidr(b)));
    }

    /** Empties the network a constructor built (the default VPC and its kin), the indexes with it. */
    private static void clear(Network n) {
        NetworkIndexes indexes = n.indexes();
        n.networkInterfaces.values().forEach(indexes::removed);
        n.networkInterfaces.clear();
        n.subnets.values().forEach(indexes::removed);
        n.subnets.clear();
        n.groups().groups.values().forEach(indexes::removed);
        n.groups().groups.clear();
        n.vpcs.values().forEach(indexes::removed);
        n.vpcs.clear();
        n.publicIps.clear();
        n.routeTables().tables.clear();
        n.acls().acls.clear();
        n.gateways().internetGateways.clear();
        n.gateways().addresses.clear();
        n.gateways().natGateways.clear();
        n.egressOnlyInternetGateways().gateways.clear();
        n.egressOnlyInternetGateways().byClientToken.clear();
        n.endpoints().endpoints.clear();
        n.peerings().connections.clear();
        n.prefixLists().lists.clear();
        n.subnetCidrReservations().reservations.clear();
        n.dhcpOptions().sets.clear();
        n.cidrs().issuedIpv6.clear();
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 CIDR block: " + text));
    }

    private static Ipv6Cidr ipv6Cidr(String text) {
        return Ipv6Cidr.parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv6 CIDR block: " + text));
    }

    private static Ipv6Address ipv6Address(String text) {
        return Ipv6Address.parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv6 address: " + text));
    }

    private static AvailabilityZone zone(Network n, String name) {
        for (AvailabilityZone z : n.zones()) {
            if (z.name().equals(name)) {
                return z;
            }
        }
        throw new IllegalArgumentException("no zone " + name + " in " + n.region());
    }

    private static void restoreVpc(Network n, VpcRecord v) {
        CidrBlockRecord primary = v.cidrBlocks().get(0);
        Vpc vpc = new Vpc(v.id(), cidr(primary.cidr()), primary.associationId(), v.ownerId(), v.defaultVpc(), v.instanceTenancy(),
                v.dhcpOptionsId());
        vpc.setCidrBlockState(primary.associationId(), primary.state());
        v.cidrBlocks().stream().skip(1).forEach(b -> vpc.addCidrBlock(new VpcCidrBlock(b.associationId(), cidr(b.cidr()), b.state())));
        v.ipv6CidrBlocks().forEach(b -> vpc.addIpv6CidrBlock(new VpcIpv6CidrBlock(b.associationId(), ipv6Cidr(b.cidr()), b.state(),
                b.networkBorderGroup(), b.ipv6Pool())));
        vpc.setEnableDnsSupport(v.enableDnsSupport());
        vpc.setEnableDnsHostnames(v.enableDnsHostnames());
        vpc.setEnableNetworkAddressUsageMetrics(v.enableNetworkAddressUsageMetrics());
        vpc.setDefaultSecurityGroupId(v.defaultSecurityGroupId());
        vpc.tags().putAll(v.tags());
        n.vpcs.put(vpc.id(), vpc);
        n.indexes().added(vpc);
    }

    private static void restoreSubnet(Network n, SubnetRecord s) {
        Cidr cidr = cidr(s.cidr());
        List<SubnetCidrReservation> reservations = n.subnetCidrReservations().ofSubnet(s.id());
        List<Cidr> ipv4Reserved = reservations.stream().filter(x -> !x.isIpv6()).map(x -> cidr(x.cidr())).toList();
        SubnetIpPool pool;
        if (s.pool() != null) {
            pool = SubnetIpPool.restored(cidr, s.pool(), ipv4Reserved);
        } else {
            // a record built from outside: the interfaces' addresses are marked taken once they are restored
            pool = new SubnetIpPool(cidr, n.ids().derive(s.id()));
            ipv4Reserved.forEach(pool::reserve);
        }
        Subnet subnet = new Subnet(s.id(), s.vpcId(), cidr, zone(n, s.availabilityZone()), s.ownerId(), s.defaultForAz(), pool);
        subnet.setMapPublicIpOnLaunch(s.mapPublicIpOnLaunch());
        s.ipv6CidrBlocks().forEach(b -> subnet.addIpv6CidrBlock(new SubnetIpv6CidrBlock(b.associationId(), ipv6Cidr(b.cidr()), b.state())));
        List<Ipv6Cidr> ipv6Reserved = reservations.stream().filter(SubnetCidrReservation::isIpv6).map(x -> ipv6Cidr(x.cidr())).toList();
        if (s.ipv6Pool() != null) {
            subnet.setIpv6Pool(SubnetIpv6Pool.restored(s.ipv6Pool(), ipv6Reserved));
        } else {
            subnet.ipv6Cidr().ifPresent(block -> {
                SubnetIpv6Pool fresh = new SubnetIpv6Pool(block, n.ids().derive(subnet.id() + "/" + block));
                ipv6Reserved.forEach(fresh::reserve);
                subnet.setIpv6Pool(fresh);
            });
        }
        subnet.setAssignIpv6AddressOnCreation(s.assignIpv6AddressOnCreation());
        subnet.setEnableDns64(s.enableDns64());
        subnet.setEnableResourceNameDnsAAAARecordOnLaunch(s.enableResourceNameDnsAAAARecordOnLaunch());
        subnet.tags().putAll(s.tags());
        n.subnets.put(subnet.id(), subnet);
        n.indexes().added(subnet);
    }

    /** The pools a record left out (built from outside) take the addresses the subnet's interfaces hold. */
    private static void rebuildMissingPools(Network n, SubnetRecord s) {
        if (s.pool() != null && (s.ipv6Pool() != null || s.ipv6CidrBlocks().isEmpty())) {
            return;
        }
        Subnet subnet = n.subnets.get(s.id());
        List<NetworkInterface> holders = n.networkInterfaces.values().stream().filter(e -> e.subnetId().equals(s.id())).toList();
        if (s.pool() == null) {
            holders.forEach(e -> take(subnet.pool().take(e.privateIp()), e.privateIpAddress(), subnet));
        }
        if (s.ipv6Pool() == null) {
            subnet.ipv6Pool().ifPresent(pool -> holders.forEach(e -> e.ipv6Addresses().forEach(a -> take(pool.take(a), a.toString(), subnet))));
        }
    }

    private static void take(boolean taken, String address, Subnet subnet) {
        if (!taken) {
            throw new IllegalArgumentException("address " + address + " cannot be taken in " + subnet.id());
        }
    }

    private static void restoreSecurityGroup(Network n, SecurityGroupRecord g) {
        SecurityGroup sg = new SecurityGroup(g.id(), g.name(), g.description(), g.vpcId(), g.ownerId());
        sg.tags().putAll(g.tags());
        g.rules().forEach(x -> sg.rules.add(new SecurityGroupRule(x.ruleId(), sg.id(), x.groupOwnerId(), x.egress(), x.protocol(),
                x.fromPort(), x.toPort(), x.cidrIpv4(), x.cidrIpv6(), x.prefixListId(), x.referencedGroupId(), x.description(), x.tags())));
        n.groups().groups.put(sg.id(), sg);
        n.indexes().added(sg);
    }

    private static void restoreNetworkInterface(Network n, NetworkInterfaceRecord e) {
        long ip = Ipv4.parse(e.privateIpAddress());
        if (ip < 0) {
            throw new IllegalArgumentException("not an IPv4 address: " + e.privateIpAddress());
        }
        NetworkInterface eni = new NetworkInterface(e.id(), e.subnetId(), e.vpcId(), zone(n, e.availabilityZone()), e.ownerId(),
                e.macAddress(), (int) ip, e.description(), e.groupIds(), e.interfaceType(), e.requesterId());
        eni.tags().putAll(e.tags());
        AttachmentRecord a = e.attachment();
        if (a != null) {
            eni.setAttachment(new EniAttachment(a.attachmentId(), a.instanceId(), a.instanceOwnerId(), a.deviceIndex(),
                    a.networkCardIndex(), a.status(), a.attachTime(), a.deleteOnTermination()));
        }
        eni.setElasticIp(e.publicIp(), e.allocationId(), e.associationId());
        eni.setSourceDestCheck(e.sourceDestCheck());
        e.ipv6Addresses().forEach(x -> eni.addIpv6Address(ipv6Address(x)));
        n.networkInterfaces.put(eni.id(), eni);
        n.indexes().added(eni);
    }

    private static void restoreRouteTable(Network n, RouteTableRecord t) {
        RouteTable table = new RouteTable(t.id(), t.vpcId(), t.ownerId());
        table.tags().putAll(t.tags());
        t.routes().forEach(x -> table.routes.add(new Route(x.destinationCidrBlock(), x.destinationIpv6CidrBlock(),
                x.destinationPrefixListId(), x.targetKind(), x.targetId(), x.origin(), x.state())));
        t.associations().forEach(x -> table.associations.add(new RouteTable.Association(x.id(), table.id(), x.subnetId(), x.main())));
        n.routeTables().tables.put(table.id(), table);
    }

    private static void restoreAcl(Network n, NetworkAclRecord a) {
        NetworkAcl acl = new NetworkAcl(a.id(), a.vpcId(), a.ownerId(), a.defaultAcl());
        acl.tags().putAll(a.tags());
        a.entries().forEach(e -> acl.entries.add(new NetworkAcl.Entry(e.ruleNumber(), e.egress(), e.protocol(), e.ruleAction(),
                e.cidrBlock(), e.ipv6CidrBlock(), e.fromPort(), e.toPort(), e.icmpType(), e.icmpCode())));
        a.associations().forEach(x -> acl.associations.add(new NetworkAcl.Association(x.id(), acl.id(), x.subnetId())));
        n.acls().acls.put(acl.id(), acl);
    }

    private static void restoreGateways(Network n, NetworkRecord r) {
        Gateways gateways = n.gateways();
        for (InternetGatewayRecord g : r.internetGateways()) {
            InternetGateway igw = new InternetGateway(g.id(), g.ownerId());
            igw.tags().putAll(g.tags());
            igw.setAttachedVpcId(g.attachedVpcId());
            gateways.internetGateways.put(igw.id(), igw);
        }
        for (ElasticIpRecord a : r.elasticIps()) {
            ElasticIp eip = new ElasticIp(a.allocationId(), a.publicIp(), a.ownerId(), a.networkBorderGroup());
            eip.tags().putAll(a.tags());
            if (a.associationId() != null) {
                eip.associate(a.associationId(), a.networkInterfaceId());
            }
            gateways.addresses.put(eip.allocationId(), eip);
        }
        for (NatGatewayRecord g : r.natGateways()) {
            NatGateway nat = new NatGateway(g.id(), g.subnetId(), g.vpcId(), g.allocationId(), g.networkInterfaceId(), g.privateIp(),
                    g.publicIp(), g.associationId(), g.createTime());
            nat.tags().putAll(g.tags());
            nat.setState(g.state());
            nat.setDeleteTime(g.deleteTime());
            gateways.natGateways.put(nat.id(), nat);
        }
        for (EgressOnlyInternetGatewayRecord g : r.egressOnlyInternetGateways()) {
            EgressOnlyInternetGateway eigw = new EgressOnlyInternetGateway(g.id(), g.vpcId());
            eigw.tags().putAll(g.tags());
            n.egressOnlyInternetGateways().gateways.put(eigw.id(), eigw);
        }
        n.egressOnlyInternetGateways().byClientToken.putAll(r.egressOnlyInternetGatewayClientTokens());
    }

    private static void restoreEndpoint(Network n, VpcEndpointRecord e) {
        EndpointServices.Service service = EndpointServices.find(n.region(), e.serviceName())
                .orElseThrow(() -> new IllegalArgumentException("no endpoint service " + e.serviceName() + " in " + n.region()));
        VpcEndpoint endpoint = new VpcEndpoint(e.id(), e.type(), e.vpcId(), service, e.ownerId(), e.creationTimestamp(),
                e.privateDnsEnabled(), e.policyDocument());
        endpoint.tags().putAll(e.tags());
        endpoint.routeTableIds.addAll(e.routeTableIds());
        endpoint.subnetIds.addAll(e.subnetIds());
        endpoint.groupIds.addAll(e.groupIds());
        endpoint.networkInterfaceIds.addAll(e.networkInterfaceIds());
        endpoint.setState(e.state());
        n.endpoints().endpoints.put(endpoint.id(), endpoint);
    }

    private static void restorePeering(Network n, PeeringConnectionRecord c) {
        VpcPeeringConnection connection = new VpcPeeringConnection(c.id(), c.requesterVpcId(), c.accepterVpcId(), c.ownerId(),
                c.region(), c.expirationTime());
        connection.tags().putAll(c.tags());
        connection.moveTo(c.status());
        connection.setOptions(new VpcPeeringConnection.Options(c.requesterAllowsDnsResolutionFromRemoteVpc()),
                new VpcPeeringConnection.Options(c.accepterAllowsDnsResolutionFromRemoteVpc()));
        n.peerings().connections.put(connection.id(), connection);
    }

    private static void restorePrefixList(Network n, PrefixListRecord l) {
        Map<Long, List<ManagedPrefixList.Entry>> versions = new LinkedHashMap<>();
        for (PrefixListVersionRecord v : l.versions()) {
            versions.put(v.version(), v.entries().stream().map(e -> new ManagedPrefixList.Entry(e.cidr(), e.description())).toList());
        }
        ManagedPrefixList list = new ManagedPrefixList(l.id(), l.name(), l.addressFamily(), l.maxEntries(), l.ownerId(), n.region(),
                List.of());
        list.replaceVersions(versions);
        list.tags().putAll(l.tags());
        list.moveTo(l.state(), l.stateMessage());
        n.prefixLists().lists.put(list.id(), list);
    }
}
