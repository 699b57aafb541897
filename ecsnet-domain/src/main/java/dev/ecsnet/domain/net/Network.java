package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.common.WriteGate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The EC2 network of one account in one region: VPCs, subnets, security groups and network interfaces, and the
 * operations that change them. Every operation validates completely before it changes anything, so a refused call
 * leaves no trace. Used only on the engine thread.
 */
public final class Network {
    private static final String DEFAULT_VPC_CIDR = "172.31.0.0/16";

    private final String accountId;
    private final String region;
    private final IdSource ids;
    private final Clock clock;
    private final List<AvailabilityZone> zones;
    final Map<String, Vpc> vpcs = new LinkedHashMap<>();
    final Map<String, Subnet> subnets = new LinkedHashMap<>();
    final Map<String, NetworkInterface> networkInterfaces = new LinkedHashMap<>();
    private final NetworkIndexes indexes = new NetworkIndexes(networkInterfaces::get, subnets::get);
    final Set<String> publicIps = new LinkedHashSet<>();
    private final RouteTables routeTables;
    private final Gateways gateways;
    private final VpcEndpoints endpoints;
    private final NetworkAcls acls;
    private final SecurityGroups groups;
    private final VpcCidrs cidrs;
    private final EgressOnlyInternetGateways egressOnlyInternetGateways;
    private final SubnetCidrReservations subnetCidrReservations;
    private final NetworkInterfaceIpv6 interfaceIpv6 = new NetworkInterfaceIpv6(this);
    private final ManagedPrefixLists prefixLists;
    private final DhcpOptionsSets dhcpOptions;
    private final VpcPeerings peerings;
    private final NetworkInterfaceChanges interfaceChanges;
    private final WriteGate gate = new WriteGate();
    private final NetworkTags tags = new NetworkTags(this);

    /** A network whose asynchronous steps (NAT gateways, endpoints) complete at once; for tests of the model alone. */
    public Network(String accountId, String region, IdSource ids, Clock clock) {
        this(accountId, region, ids, clock, Timers.immediate(), TimingProfile.INSTANT);
    }

    public Network(String accountId, String region, IdSource ids, Clock clock, Timers timers, TimingProfile timing) {
        this.accountId = accountId;
        this.region = region;
        this.ids = ids;
        this.clock = clock;
        this.zones = AvailabilityZone.of(region);
        this.dhcpOptions = new DhcpOptionsSets(this, ids);
        this.routeTables = new RouteTables(this, ids);
        this.gateways = new Gateways(this, ids, clock, timers, timing);
        this.endpoints = new VpcEndpoints(this, ids, clock, timers, timing);
        this.acls = new NetworkAcls(this, ids);
        this.groups = new SecurityGroups(this, ids);
        this.cidrs = new VpcCidrs(this, ids, timers, timing);
        this.egressOnlyInternetGateways = new EgressOnlyInternetGateways(this, ids);
        this.subnetCidrReservations = new SubnetCidrReservations(this, ids);
        this.prefixLists = new ManagedPrefixLists(this, ids, timers, timing);
        this.peerings = new VpcPeerings(this, ids, clock, timers, timing);
        this.interfaceChanges = new NetworkInterfaceChanges(this, ids, clock, timers, timing);
        createDefaultVpc();
    }

    /** Every EC2 change in this region passes it first; EC2's {@code DryRun} stops there. */
    /** Lookups of ENIs and subnets by the fields Describe filters name most, in creation order. */
    public NetworkIndexes indexes() {
        return indexes;
    }

    public WriteGate gate() {
        return gate;
    }

    public RouteTables routeTables() {
        return routeTables;
    }

    public Gateways gateways() {
        return gateways;
    }

    public VpcEndpoints endpoints() {
        return endpoints;
    }

    public NetworkAcls acls() {
        return acls;
    }

    /** Secondary IPv4 and IPv6 CIDR blocks of VPCs and subnets. */
    public VpcCidrs cidrs() {
        return cidrs;
    }

    public EgressOnlyInternetGateways egressOnlyInternetGateways() {
        return egressOnlyInternetGateways;
    }

    public SubnetCidrReservations subnetCidrReservations() {
        return subnetCidrReservations;
    }

    /** IPv6 addresses of network interfaces. */
    public NetworkInterfaceIpv6 interfaceIpv6() {
        return interfaceIpv6;
    }

    /** Attaching, detaching and modifying existing network interfaces. */
    public NetworkInterfaceChanges interfaceChanges() {
        return interfaceChanges;
    }

    public VpcPeerings peerings() {
        return peerings;
    }

    public DhcpOptionsSets dhcpOptions() {
        return dhcpOptions;
    }

    /** Customer-managed prefix lists (and what any prefix list reference stands for). */
    public ManagedPrefixLists prefixLists() {
        return prefixLists;
    }

    /**
     * Every account has a default VPC 172.31.0.0/16 with a /20 default subnet in each Availability Zone, an internet
     * gateway, and a main route table that sends 0.0.0.0/0 to it.
     */
    private void createDefaultVpc() {
        Vpc vpc = insertVpc(Cidr.parse(DEFAULT_VPC_CIDR).orElseThrow(), "default", true);
        for (int i = 0; i < zones.size(); i++) {
            Cidr cidr = new Cidr(vpc.cidr().addressAt(i * 4096L), 20);
            insertSubnet(vpc, cidr, zones.get(i), true);
        }
        InternetGateway igw = gateways.createInternetGateway(Map.of());
        gateways.attachInternetGateway(igw.id(), vpc.id());
        routeTables.createRoute(routeTables.main(vpc.id()).id(), "0.0.0.0/0", null,
                new RouteTables.Target(Route.TargetKind.INTERNET_GATEWAY, igw.id()));
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    public List<AvailabilityZone> zones() {
        return zones;
    }

    // ---- VPCs -------------------------------------------------------------------------------------------------

    public Collection<Vpc> vpcs() {
        return vpcs.values();
    }

    public Vpc vpc(String id) {
        Vpc vpc = vpcs.get(id);
        if (vpc == null) {
            throw DomainException.notFound("InvalidVpcID.NotFound", "The vpc ID '" + id + "' does not exist");
        }
        return vpc;
    }

    public Optional<Vpc> findVpc(String id) {
        return Optional.ofNullable(vpcs.get(id));
    }

    public Optional<Vpc> defaultVpc() {
        return vpcs.values().stream().filter(Vpc::isDefault).findFirst();
    }

    public Vpc createVpc(String cidrBlock, String instanceTenancy, Map<String, String> tags) {
        return createVpc(cidrBlock, instanceTenancy, false, null, tags);
    }

    /** CreateVpc; {@code amazonIpv6} also asks for an Amazon-provided IPv6 /56 (from {@code networkBorderGroup}). */
    public Vpc createVpc(String cidrBlock, String instanceTenancy, boolean amazonIpv6, String networkBorderGroup, Map<String, String> tags) {
        Cidr cidr = Cidr.parse(cidrBlock).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                "Value (" + cidrBlock + ") for parameter cidrBlock is invalid. This is not a valid CIDR block."));
        if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28) {
            throw DomainException.invalid("InvalidVpc.Range", "The CIDR '" + cidrBlock + "' is invalid.");
        }
        String tenancy = instanceTenancy == null ? "default" : instanceTenancy;
        if (!tenancy.equals("default") && !tenancy.equals("dedicated")) {
            throw DomainException.invalid("InvalidParameterValue",
                    "Value (" + tenancy + ") for parameter instanceTenancy is invalid.");
        }
        if (amazonIpv6 || networkBorderGroup != null) {
            if (!amazonIpv6) {
                throw DomainException.invalid("InvalidParameterCombination", "Ipv6CidrBlockNetworkBorderGroup requires AmazonProvidedIpv6CidrBlock.");
            }
            cidrs.checkAmazonIpv6(null, networkBorderGroup);
        }
        gate.open();
        Vpc vpc = insertVpc(cidr, tenancy, false);
        vpc.tags().putAll(tags);
        if (amazonIpv6) {
            cidrs.settleCreatedWithVpc(vpc, cidrs.insertAmazonIpv6(vpc).associationId());
        }
        return vpc;
    }

    private Vpc insertVpc(Cidr cidr, String tenancy, boolean isDefault) {
        Vpc vpc = new Vpc(ids.resourceId("vpc"), cidr, ids.resourceId("vpc-cidr-assoc"), accountId, isDefault, tenancy,
                dhcpOptions.forNewVpc());
        vpcs.put(vpc.id(), vpc);
        indexes.added(vpc);
        SecurityGroup sg = groups.insertSecurityGroup(vpc.id(), "default", "default VPC security group");
        sg.rules.add(groups.rule(sg, false, "-1", -1, -1, null, null, null, sg.id(), null));
        vpc.setDefaultSecurityGroupId(sg.id());
        routeTables.createMain(vpc);
        acls.createDefault(vpc);
        return vpc;
    }

    public void deleteVpc(String id) {
        Vpc vpc = vpc(id);
        boolean hasSubnets = subnets.values().stream().anyMatch(s -> s.vpcId().equals(id));
        boolean hasGroups = groups.hasCustomGroups(id);
        boolean hasEnis = networkInterfaces.values().stream().anyMatch(n -> n.vpcId().equals(id));
        boolean hasGatewaysOrEndpoints = gateways.hasInternetGateway(id) || routeTables.hasCustomTables(id)
                || endpoints.hasEndpoints(id) || acls.hasCustomAcls(id) || egressOnlyInternetGateways.hasGateway(id);
        if (hasSubnets || hasGroups || hasEnis || hasGatewaysOrEndpoints) {
            throw DomainException.dependency("DependencyViolation", "The vpc '" + id + "' has dependencies and cannot be deleted.");
        }
        gate.open();
        peerings.forgetVpc(id);
        groups.deleteVpcGroups(vpc.id());
        routeTables.deleteVpcTables(id);
        acls.deleteVpcAcls(id);
        cidrs.forgetVpc(vpc);
        indexes.removed(vpcs.remove(id));
    }

    public void modifyVpcAttribute(String id, Boolean dnsSupport, Boolean dnsHostnames, Boolean addressUsageMetrics) {
        Vpc vpc = vpc(id);
        int given = (dnsSupport != null ? 1 : 0) + (dnsHostnames != null ? 1 : 0) + (addressUsageMetrics != null ? 1 : 0);
        if (given != 1) {
            throw DomainException.invalid("InvalidParameterCombination", "Fields for multiple attribute types specified: "
                    + (given == 0 ? "none" : "enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics"));
        }
        if (Boolean.TRUE.equals(dnsHostnames) && !vpc.enableDnsSupport()) {
            throw DomainException.invalid("InvalidParameterValue", "Cannot enable DNS hostnames if DNS resolution is not enabled for the VPC.");
        }
        gate.open();
        if (dnsSupport != null) {
            vpc.setEnableDnsSupport(dnsSupport);
        }
        if (dnsHostnames != null) {
            vpc.setEnableDnsHostnames(dnsHostnames);
        }
        if (addressUsageMetrics != null) {
            vpc.setEnableNetworkAddressUsageMetrics(addressUsageMetrics);
        }
    }

    // ---- Subnets ----------------------------------------------------------------------------------------------

    public Collection<Subnet> subnets() {
        return subnets.values();
    }

    public Subnet subnet(String id) {
        Subnet subnet = subnets.get(id);
        if (subnet == null) {
            throw DomainException.notFound("InvalidSubnetID.NotFound", "The subnet ID '" + id + "' does not exist");
        }
        return subnet;
    }

    public Optional<Subnet> findSubnet(String id) {
        return Optional.ofNullable(subnets.get(id));
    }

    /** {@code zoneName} or {@code zoneId} picks the zone; with neither, the zone with the fewest subnets of the VPC. */
    public Subnet createSubnet(String vpcId, String cidrBlock, String zoneName, String zoneId, Map<String, String> tags) {
        return createSubnet(vpcId, cidrBlock, null, zoneName, zoneId, tags);
    }

    /** CreateSubnet in any associated IPv4 block of the VPC; {@code ipv6CidrBlock} (a /64 of the VPC) makes it dual stack. */
    public Subnet createSubnet(String vpcId, String cidrBlock, String ipv6CidrBlock, String zoneName, String zoneId, Map<String, String> tags) {
        Vpc vpc = vpc(vpcId);
        Cidr cidr = cidrs.checkSubnetCidr(vpc, cidrBlock);
        Ipv6Cidr ipv6 = ipv6CidrBlock == null ? null : cidrs.checkSubnetIpv6Cidr(vpc, ipv6CidrBlock);
        AvailabilityZone zone = pickZone(vpcId, zoneName, zoneId);
        gate.open();
        Subnet subnet = insertSubnet(vpc, cidr, zone, false);
        subnet.tags().putAll(tags);
        if (ipv6 != null) {
            cidrs.insertSubnetIpv6(subnet, ipv6);
        }
        return subnet;
    }

    private AvailabilityZone pickZone(String vpcId, String zoneName, String zoneId) {
        String names = zones.stream().map(AvailabilityZone::name).collect(Collectors.joining(", "));
        if (zoneName != null) {
            return zones.stream().filter(z -> z.name().equals(zoneName)).findFirst().orElseThrow(() ->
                    DomainException.invalid("InvalidParameterValue", "Value (" + zoneName + ") for parameter availabilityZone is invalid. "
                            + "Subnets can currently only be created in the following availability zones: " + names + "."));
        }
        if (zoneId != null) {
            String zoneIds = zones.stream().map(AvailabilityZone::zoneId).collect(Collectors.joining(", "));
            return zones.stream().filter(z -> z.zoneId().equals(zoneId)).findFirst().orElseThrow(() ->
                    DomainException.invalid("InvalidParameterValue", "Value (" + zoneId + ") for parameter availabilityZoneId is invalid. "
                            + "Subnets can currently only be created in the following availability zones: " + zoneIds + "."));
        }
        AvailabilityZone best = zones.get(0);
        long fewest = Long.MAX_VALUE;
        for (AvailabilityZone z : zones) {
            long n = subnets.values().stream().filter(s -> s.vpcId().equals(vpcId) && s.zone().equals(z)).count();
            if (n < fewest) {
                fewest = n;
                best = z;
            }
        }
        return best;
    }

    private Subnet insertSubnet(Vpc vpc, Cidr cidr, AvailabilityZone zone, boolean defaultForAz) {
        String id = ids.resourceId("subnet");
        Subnet subnet = new Subnet(id, vpc.id(), cidr, zone, accountId, defaultForAz, new SubnetIpPool(cidr, ids.derive(id)));
        subnets.put(id, subnet);
        indexes.added(subnet);
        acls.associateWithDefault(subnet);
        return subnet;
    }

    public void deleteSubnet(String id) {
        subnet(id);
        if (!indexes.networkInterfaces(NetworkIndexes.EniField.SUBNET_ID, List.of(id)).isEmpty()) {
            throw DomainException.dependency("DependencyViolation", "The subnet '" + id + "' has dependencies and cannot be deleted.");
        }
        gate.open();
        routeTables.forgetSubnet(id);
        acls.forgetSubnet(id);
        subnetCidrReservations.forgetSubnet(id);
        indexes.removed(subnets.remove(id));
    }

    public void modifySubnetMapPublicIpOnLaunch(String id, boolean value) {
        Subnet subnet = subnet(id);
        gate.open();
        subnet.setMapPublicIpOnLaunch(value);
    }

    // ---- Security groups (kept in SecurityGroups; these are the lookups every caller needs) --------------------

    public SecurityGroups groups() {
        return groups;
    }

    public Collection<SecurityGroup> securityGroups() {
        return groups.all();
    }

    public SecurityGroup securityGroup(String id) {
        return groups.get(id);
    }

    public Optional<SecurityGroup> findSecurityGroup(String id) {
        return groups.find(id);
    }

    public SecurityGroup securityGroupByName(String vpcId, String name) {
        return groups.byName(vpcId, name);
    }

    public SecurityGroup createSecurityGroup(String vpcId, String name, String description, Map<String, String> tags) {
        return groups.create(vpcId, name, description, tags);
    }

    public void deleteSecurityGroup(String id) {
        groups.delete(id);
    }

    public List<SecurityGroupRule> authorize(String groupId, boolean egress, List<IpPermission> permissions) {
        return groups.authorize(groupId, egress, permissions, Map.of());
    }

    public List<SecurityGroupRule> authorize(String groupId, boolean egress, List<IpPermission> permissions, Map<String, String> tags) {
        return groups.authorize(groupId, egress, permissions, tags);
    }

    public List<IpPermission> revoke(String groupId, boolean egress, List<IpPermission> permissions, List<String> ruleIds) {
        return groups.revoke(groupId, egress, permissions, ruleIds);
    }

    public void updateRuleDescriptions(String groupId, boolean egress, List<IpPermission> permissions) {
        groups.updateRuleDescriptions(groupId, egress, permissions);
    }

    // ---- Network interfaces -----------------------------------------------------------------------------------

    public Collection<NetworkInterface> networkInterfaces() {
        return networkInterfaces.values();
    }

    public NetworkInterface networkInterface(String id) {
        NetworkInterface eni = networkInterfaces.get(id);
        if (eni == null) {
            throw DomainException.notFound("InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '" + id + "' does not exist");
        }
        return eni;
    }

    public Optional<NetworkInterface> findNetworkInterface(String id) {
        return Optional.ofNullable(networkInterfaces.get(id));
    }

    /** What a caller asks for when creating an ENI; null fields take EC2's defaults (IPv6: the subnet's). */
    public record EniRequest(String subnetId, String description, List<String> groupIds, String privateIpAddress,
                             String interfaceType, String requesterId, Map<String, String> tags,
                             Integer ipv6AddressCount, List<String> ipv6Addresses) {

        /** An ENI with the subnet's default IPv6 behaviour. */
        public EniRequest(String subnetId, String description, List<String> groupIds, String privateIpAddress,
                          String interfaceType, String requesterId, Map<String, String> tags) {
            this(subnetId, description, groupIds, privateIpAddress, interfaceType, requesterId, tags, null, null);
        }
    }

    /**
     * Creates an ENI with an address from its subnet. Groups default to the VPC's default group and must belong
     * to the subnet's VPC. A full subnet answers {@code InsufficientFreeAddressesInSubnet}.
     */
    public NetworkInterface createNetworkInterface(EniRequest request) {
        Subnet subnet = subnet(request.subnetId());
        Vpc vpc = vpc(subnet.vpcId());
        List<String> groups = request.groupIds() == null || request.groupIds().isEmpty()
                ? List.of(vpc.defaultSecurityGroupId()) : List.copyOf(new LinkedHashSet<>(request.groupIds()));
        for (String g : groups) {
            if (!securityGroup(g).vpcId().equals(vpc.id())) {
                throw DomainException.invalid("InvalidParameterValue", "Security group " + g + " and subnet " + subnet.id() + " belong to different networks.");
            }
        }
        int address;
        if (request.privateIpAddress() != null) {
            long ip = Ipv4.parse(request.privateIpAddress());
            if (ip < 0 || !subnet.cidr().contains((int) ip)) {
                throw DomainException.invalid("InvalidParameterValue", "Address " + request.privateIpAddress() + " does not fall within the subnet's address range");
            }
            if (subnet.pool().isReserved((int) ip)) {
                throw DomainException.invalid("InvalidParameterValue", "Address " + request.privateIpAddress() + " is in subnet's reserved address range");
            }
            if (!subnet.pool().isFree((int) ip)) {
                throw DomainException.conflict("InvalidIPAddress.InUse", "The specified address is already in use.");
            }
            address = (int) ip;
        } else {
            if (subnet.assignableIpAddressCount() == 0) {
                // what CreateNetworkInterface answers today; ECS reports the same event as InsufficientFreeAddressesInSubnet
                throw DomainException.capacity("InvalidParameterValue", "There aren't sufficient free Ipv4 addresses or prefixes");
            }
            address = -1;
        }
        // the subnet's automatic IPv6 address is for interfaces of the account (and its instances), not AWS-managed ones
        boolean byDefault = request.requesterId() == null;
        NetworkInterfaceIpv6.Request ipv6 = interfaceIpv6.check(subnet, request.ipv6AddressCount(), request.ipv6Addresses(), byDefault, null);
        gate.open();
        if (address == -1) {
            address = subnet.pool().allocate(subnet.id());
        } else {
            subnet.pool().take(address);
        }
        List<Ipv6Address> ipv6Addresses;
        try {
            ipv6Addresses = interfaceIpv6.take(subnet, ipv6);
        } catch (DomainException e) {
            subnet.pool().release(address);
            throw e;
        }
        String type = request.interfaceType() == null ? "interface" : request.interfaceType();
        NetworkInterface eni = new NetworkInterface(ids.resourceId("eni"), subnet.id(), vpc.id(), subnet.zone(), accountId,
                ids.macAddress(), address, request.description() == null ? "" : request.description(), groups, type, request.requesterId());
        if (request.tags() != null) {
            eni.tags().putAll(request.tags());
        }
        ipv6Addresses.forEach(eni::addIpv6Address);
        networkInterfaces.put(eni.id(), eni);
        indexes.added(eni);
        return eni;
    }

    /** Attaches an ENI to an (AWS-owned, for Fargate) host; the ENI becomes {@code in-use}. */
    public EniAttachment attach(String eniId, String instanceId, String instanceOwnerId, int deviceIndex) {
        return attach(eniId, instanceId, instanceOwnerId, deviceIndex, false);
    }

    /** Attaches an ENI to an EC2 instance; the primary ENI (device 0) is deleted with the instance. */
    public EniAttachment attach(String eniId, String instanceId, String instanceOwnerId, int deviceIndex, boolean deleteOnTermination) {
        NetworkInterface eni = networkInterface(eniId);
        // AWS's own hosts (Fargate, NAT gateways, endpoints, load balancers) attach with ela-attach ids
        EniAttachment a = new EniAttachment(ids.resourceId(instanceId == null ? "ela-attach" : "eni-attach"), instanceId, instanceOwnerId,
                deviceIndex, 0, "attached", clock.now(), deleteOnTermination);
        eni.setAttachment(a);
        return a;
    }

    public void detach(String eniId) {
        networkInterface(eniId).setAttachment(null);
    }

    /** Gives the ENI an Amazon-owned public IPv4 address (ECS {@code assignPublicIp=ENABLED}). */
    public String assignPublicIp(String eniId) {
        NetworkInterface eni = networkInterface(eniId);
        String ip = newPublicIp();
        eni.setPublicIp(ip);
        return ip;
    }

    /** A public address no one in this region holds; Elastic IPs and auto-assigned addresses share the space. */
    String newPublicIp() {
        String ip;
        do {
            // addresses from 3.80.0.0/12, a range AWS uses for auto-assigned public IPs; data only, never contacted
            int a = (3 << 24) | (80 << 16) + ids.nextInt(1 << 20);
            ip = Ipv4.format(a);
        } while (ip.endsWith(".0") || ip.endsWith(".255") || !publicIps.add(ip));
        return ip;
    }

    void forgetPublicIp(String ip) {
        publicIps.remove(ip);
    }

    /** Deletes an ENI as its owner. Attached ENIs, and ENIs another AWS service manages, cannot be deleted by users. */
    public void deleteNetworkInterface(String id) {
        NetworkInterface eni = networkInterface(id);
        if (eni.attachment().isPresent()) {
            throw DomainException.invalid("InvalidParameterValue", "Network interface '" + id + "' is currently in use.");
        }
        gate.open();
        release(eni);
    }

    /** Deletes an ENI on behalf of the service that manages it (ECS at task stop): detaches and frees its address. */
    public void deleteManagedNetworkInterface(String id) {
        NetworkInterface eni = networkInterface(id);
        eni.setAttachment(null);
        release(eni);
    }

    private void release(NetworkInterface eni) {
        subnet(eni.subnetId()).pool().release(eni.privateIp());
        interfaceIpv6.releaseAll(eni);
        if (eni.allocationId() == null) {
            eni.publicIp().ifPresent(publicIps::remove);
        }
        networkInterfaces.remove(eni.id());
        indexes.removed(eni);
    }

    // ---- Tags -------------------------------------------------------------------------------------------------

    /** CreateTags, DeleteTags and DescribeTags over every taggable resource of the network and beyond it. */
    public NetworkTags tags() {
        return tags;
    }

    /** This network's whole state as plain records (see {@link NetworkSnapshots}); changes nothing. */
    public NetworkRecord export() {
        return NetworkSnapshots.export(this);
    }

    /**
     * On a freshly built network, the state {@link #export()} gave: what the constructor created (the default VPC
     * and its kin) is replaced by the recorded resources, indexes are rebuilt, pools and streams resume. Draws no id
     * and arms no timer.
     */
    public void restore(NetworkRecord record) {
        NetworkSnapshots.restore(this, record);
    }

    /** The region's id source, for streams a restore derives again. */
    IdSource ids() {
        return ids;
    }
}
