package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.Subnet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Elastic Load Balancing v2 of one account in one region: application and network load balancers (one ENI per
 * subnet, as AWS's nodes), their listeners and rules ({@link #listeners()}), and target groups with targets and
 * health ({@link #targetGroups()}). Every operation validates completely before it changes anything. Used only on
 * the engine thread.
 */
public final class Elb {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-]{1,32}");
    /** ENIs of load balancers are created by this requester, as on AWS. */
    public static final String REQUESTER_ID = "amazon-elb";

    private final ElbArns arns;
    private final Network network;
    private final IdSource ids;
    private final Clock clock;
    private final ElbTiming timing;
    final Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
    private final Listeners listeners;
    private final TargetGroups targetGroups;

    public Elb(AccountRegion key, IdSource ids, Clock clock, TimingProfile timing, Network network) {
        this.arns = new ElbArns(key);
        this.network = network;
        this.ids = ids;
        this.clock = clock;
        this.timing = ElbTiming.of(timing);
        this.listeners = new Listeners(this, ids);
        this.targetGroups = new TargetGroups(this, network, ids, clock, this.timing);
    }

    ElbArns arns() {
        return arns;
    }

    public Listeners listeners() {
        return listeners;
    }

    public TargetGroups targetGroups() {
        return targetGroups;
    }

    public Instant now() {
        return clock.now();
    }

    // ---- load balancers ---------------------------------------------------------------------------------------

    /** One subnet of a CreateLoadBalancer/SetSubnets call; {@code privateIpv4Address} is only for internal NLBs. */
    public record SubnetMapping(String subnetId, String privateIpv4Address) {
    }

    /** What CreateLoadBalancer asks for; null fields take AWS's defaults. */
    public record Request(String name, String type, String scheme, List<SubnetMapping> subnets, List<String> securityGroups,
                          String ipAddressType, Map<String, String> tags) {
    }

    public Collection<LoadBalancer> loadBalancers() {
        return loadBalancers.values();
    }

    public Optional<LoadBalancer> findLoadBalancer(String arn) {
        return Optional.ofNullable(loadBalancers.get(arn));
    }

    public LoadBalancer loadBalancer(String arn) {
        return findLoadBalancer(arn).orElseThrow(ElbErrors::loadBalancerNotFound);
    }

    public Optional<LoadBalancer> findLoadBalancerByName(String name) {
        return loadBalancers.values().stream().filter(lb -> lb.name().equals(name)).findFirst();
    }

    public LoadBalancer createLoadBalancer(Request r) {
        String name = r.name();
        checkName(name);
        String type = r.type() == null ? "application" : r.type();
        if (type.equals("gateway")) {
            throw ElbErrors.unsupported("Gateway load balancers are not supported by ecsnet");
        }
        if (!type.equals("application") && !type.equals("network")) {
            throw ElbErrors.validation("Load balancer type '" + type + "' must be one of 'application, network, gateway'");
        }
        String scheme = r.scheme() == null ? "internet-facing" : r.scheme();
        if (!scheme.equals("internet-facing") && !scheme.equals("internal")) {
            throw ElbErrors.validation("Scheme '" + scheme + "' must be one of 'internet-facing, internal'");
        }
        String ipType = r.ipAddressType() == null ? "ipv4" : r.ipAddressType();
        List<Subnet> subnets = checkSubnets(type, r.subnets());
        checkIpAddressType(type, scheme, ipType, subnets, List.of());
        String vpcId = subnets.get(0).vpcId();
        List<String> groups = checkSecurityGroups(type, vpcId, r.securityGroups());
        Optional<LoadBalancer> existing = findLoadBalancerByName(name);
        if (existing.isPresent()) {
            LoadBalancer e = existing.get();
            Set<String> subnetIds = new HashSet<>(subnets.stream().map(Subnet::id).toList());
            boolean same = e.type().equals(type) && e.scheme().equals(scheme)
                    && new HashSet<>(e.nodes().stream().map(LoadBalancer.Node::subnetId).toList()).equals(subnetIds)
                    && new HashSet<>(e.securityGroups()).equals(new HashSet<>(groups));
            if (!same) {
                throw ElbErrors.duplicateLoadBalancerName(name);
            }
            return e;
        }
        String id = ids.hex(16);
        String arn = arns.loadBalancer(type, name, id);
        String dnsSuffix = type.equals("application") ? String.valueOf(1_000_000_000L + ids.nextInt(1_000_000_000)) : ids.hex(16);
        Instant now = clock.now();
        LoadBalancer lb = new LoadBalancer(arn, name, type, scheme, vpcId, arns.dnsName(type, scheme, name, dnsSuffix),
                arns.hostedZoneId(type), now, now.plus(timing.provisioning()), ipType, List.of(), groups,
                ElbAttributes.loadBalancerDefaults(type));
        lb.setNodes(createNodes(lb, subnets, r.subnets()));
        lb.tags().putAll(r.tags());
        loadBalancers.put(arn, lb);
        return lb;
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation("A load balancer name must be specified");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot be longer than '32' characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw ElbErrors.validation("Load balancer name '" + name + "' can only contain characters that are alphanumeric characters and hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin or end with '-' character");
        }
        if (name.startsWith("internal-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin with 'internal-'");
        }
    }

    private List<Subnet> checkSubnets(String type, List<SubnetMapping> mappings) {
        if (mappings.isEmpty()) {
            throw ElbErrors.validation("At least one subnet must be specified");
        }
        List<Subnet> subnets = new ArrayList<>();
        for (SubnetMapping m : mappings) {
            Subnet s = network.findSubnet(m.subnetId()).orElseThrow(() ->
                    dev.ecsnet.domain.common.DomainException.notFound("SubnetNotFound", "The subnet ID '" + m.subnetId() + "' is not valid"));
            subnets.add(s);
        }
        if (subnets.stream().map(Subnet::vpcId).distinct().count() > 1) {
            throw ElbErrors.invalidConfiguration("The subnets must all belong to the same VPC");
        }
        Set<String> zones = new HashSet<>();
        for (Subnet s : subnets) {
            if (!zones.add(s.zone().name())) {
                throw ElbErrors.invalidConfiguration("A load balancer cannot be attached to multiple subnets in the same Availability Zone");
            }
        }
        if (type.equals("application") && zones.size() < 2) {
            throw ElbErrors.validation("At least two subnets in two different Availability Zones must be specified");
        }
        int needed = type.equals("application") ? 8 : 1;
        for (Subnet s : subnets) {
            if (s.availableIpAddressCount() < needed) {
                throw dev.ecsnet.domain.common.DomainException.invalid("InvalidSubnet", "Not enough IP space available in " + s.id()
                        + ". ELB requires at least " + needed + " free IP addresses in each subnet.");
            }
        }
        return subnets;
    }

    /** ALBs without groups get the VPC's default group, as on AWS; NLBs may have none. */
    private List<String> checkSecurityGroups(String type, String vpcId, List<String> requested) {
        List<String> groups = List.copyOf(new LinkedHashSet<>(requested));
        if (groups.isEmpty()) {
            return type.equals("application") ? List.of(network.vpc(vpcId).defaultSecurityGroupId()) : List.of();
        }
        if (groups.size() > 5) {
            throw ElbErrors.validation("A load balancer can have at most 5 security groups");
        }
        for (String g : groups) {
            Optional<SecurityGroup> sg = network.findSecurityGroup(g);
            if (sg.isEmpty() || !sg.get().vpcId().equals(vpcId)) {
                throw dev.ecsnet.domain.common.DomainException.invalid("InvalidSecurityGroup", "Security group '" + g + "' does not exist");
            }
        }
        return groups;
    }

    private List<LoadBalancer.Node> createNodes(LoadBalancer lb, List<Subnet> subnets, List<SubnetMapping> mappings) {
        List<LoadBalancer.Node> nodes = new ArrayList<>();
        String description = "ELB " + lb.resourceSuffix();
        for (int i = 0; i < subnets.size(); i++) {
            Subnet s = subnets.get(i);
            NetworkInterface eni = network.createNetworkInterface(new Network.EniRequest(s.id(), description,
                    lb.securityGroups(), mappings.get(i).privateIpv4Address(), "interface", REQUESTER_ID, Map.of()));
            network.attach(eni.id(), null, REQUESTER_ID, 1);
            nodes.add(new LoadBalancer.Node(s.id(), s.zone().name(), eni.id(), eni.privateIpAddress()));
        }
        return nodes;
    }

    /** Deleting a load balancer that does not exist succeeds, as on AWS. Listeners and rules go with it. */
    public void deleteLoadBalancer(String arn) {
        LoadBalancer lb = loadBalancers.get(arn);
        if (lb == null) {
            return;
        }
        if ("true".equals(lb.attributes.get("deletion_protection.enabled"))) {
            throw ElbErrors.operationNotPermitted("Load balancer '" + arn + "' cannot be deleted because deletion protection is enabled");
        }
        listeners.deleteOf(arn);
        lb.nodes().forEach(n -> network.findNetworkInterface(n.networkInterfaceId()).ifPresent(e -> network.deleteManagedNetworkInterface(e.id())));
        loadBalancers.remove(arn);
    }

    public void modifyLoadBalancerAttributes(String arn, Map<String, String> changes) {
        LoadBalancer lb = loadBalancer(arn);
        ElbAttributes.modify(lb.attributes, changes, Set.of());
    }

    /** Replaces the load balancer's groups (its ENIs keep the groups they were created with). */
    public LoadBalancer setSecurityGroups(String arn, List<String> groups) {
        LoadBalancer lb = loadBalancer(arn);
        if (groups.isEmpty() && lb.isApplication()) {
            throw ElbErrors.validation("At least one security group must be specified for an Application Load Balancer");
        }
        lb.setSecurityGroups(checkSecurityGroups(lb.type(), lb.vpcId(), groups));
        return lb;
    }

    static final List<String> IP_ADDRESS_TYPES = List.of("ipv4", "dualstack", "dualstack-without-public-ipv4");

    /**
     * AWS's rules for a load balancer's IP address type: dualstack-without-public-ipv4 is for internet-facing ALBs
     * only, an NLB with a UDP or TCP_UDP listener stays ipv4, and a dualstack type needs an IPv6 CIDR block in
     * every subnet of the load balancer.
     */
    private void checkIpAddressType(String type, String scheme, String ipType, List<Subnet> subnets, List<Listener> listenersOf) {
        if (!IP_ADDRESS_TYPES.contains(ipType)) {
            throw ElbErrors.memberEnum(ipType, "ipAddressType", IP_ADDRESS_TYPES);
        }
        if (ipType.equals("dualstack-without-public-ipv4")) {
            if (!type.equals("application")) {
                throw ElbErrors.validation("IP address type 'dualstack-without-public-ipv4' is supported only by Application Load Balancers");
            }
            if (!scheme.equals("internet-facing")) {
                throw ElbErrors.invalidConfiguration("IP address type 'dualstack-without-public-ipv4' is supported only by internet-facing load balancers");
            }
        }
        if (!ipType.equals("ipv4")) {
            if (listenersOf.stream().anyMatch(l -> l.protocol().equals("UDP") || l.protocol().equals("TCP_UDP"))) {
                throw ElbErrors.invalidConfiguration("You can't specify dualstack for a load balancer with a UDP or TCP_UDP listener");
            }
            if (subnets.stream().anyMatch(s -> !s.hasIpv6Cidr())) {
                throw ElbErrors.validation("You must specify subnets with an associated IPv6 CIDR block.");
            }
        }
    }

    /** SetIpAddressType: changes what kind of addresses the load balancer's nodes answer on. */
    public LoadBalancer setIpAddressType(String arn, String ipType) {
        LoadBalancer lb = loadBalancer(arn);
        List<Subnet> subnets = lb.nodes().stream().map(n -> network.subnet(n.subnetId())).toList();
        checkIpAddressType(lb.type(), lb.scheme(), ipType, subnets, listeners.ofLoadBalancer(arn));
        lb.setIpAddressType(ipType);
        return lb;
    }

    /**
     * Moves the load balancer to a new set of subnets (and, when given, IP address type): nodes in kept subnets
     * stay, others are created or removed.
     */
    public LoadBalancer setSubnets(String arn, List<SubnetMapping> mappings, String ipAddressType) {
        LoadBalancer lb = loadBalancer(arn);
        List<Subnet> subnets = checkSubnets(lb.type(), mappings);
        if (!subnets.get(0).vpcId().equals(lb.vpcId())) {
            throw ElbErrors.invalidConfiguration("The subnets must all belong to the same VPC");
        }
        String ipType = ipAddressType != null ? ipAddressType : lb.ipAddressType();
        checkIpAddressType(lb.type(), lb.scheme(), ipType, subnets, listeners.ofLoadBalancer(arn));
        lb.setIpAddressType(ipType);
        List<LoadBalancer.Node> keep = new ArrayList<>();
        List<Subnet> add = new ArrayList<>();
        List<SubnetMapping> addMappings = new ArrayList<>();
        for (int i = 0; i < subnets.size(); i++) {
            Subnet s = subnets.get(i);
            Optional<LoadBalancer.Node> node = lb.nodes().stream().filter(n -> n.subnetId().equals(s.id())).findFirst();
            if (node.isPresent()) {
                keep.add(node.get());
            } else {
                add.add(s);
                addMappings.add(mappings.get(i));
            }
        }
        for (LoadBalancer.Node n : lb.nodes()) {
            if (!keep.contains(n)) {
                network.findNetworkInterface(n.networkInterfaceId()).ifPresent(e -> network.deleteManagedNetworkInterface(e.id()));
            }
        }
        keep.addAll(createNodes(lb, add, addMappings));
        lb.setNodes(keep);
        return lb;
    }

    // ---- tags (any ELBv2 resource by ARN) ------------------------------------------------------------------------

    /**
     * The tags of a load balancer, target group, listener or rule; the error names the resource type. A read: a
     * default rule never tagged answers an empty map and gets no entry (DescribeTags made one, which a snapshot kept).
     */
    public Map<String, String> tagsOf(String arn) {
        return tagsOf(arn, false);
    }

    /** As {@link #tagsOf(String)}, the map to change: for a default rule, its entry is made when first needed. */
    private Map<String, String> tagsOf(String arn, boolean writing) {
        if (arn.contains(":loadbalancer/")) {
            return loadBalancer(arn).tags();
        }
        if (arn.contains(":targetgroup/")) {
            return targetGroups.get(arn).tags();
        }
        if (arn.contains(":listener/")) {
            return listeners.get(arn).tags();
        }
        if (arn.contains(":listener-rule/")) {
            Optional<Listener> owner = listeners.listenerOfDefaultRule(arn);
            if (owner.isPresent()) {
                return writing ? defaultRuleTags.computeIfAbsent(arn, k -> new LinkedHashMap<>())
                        : defaultRuleTags.getOrDefault(arn, Map.of());
            }
            return listeners.rule(arn).tags();
        }
        throw ElbErrors.validation("'" + arn + "' is not a valid resource ARN");
    }

    final Map<String, Map<String, String>> defaultRuleTags = new LinkedHashMap<>();

    public void addTags(List<String> arns, Map<String, String> tags) {
        List<Map<String, String>> targets = arns.stream().map(a -> tagsOf(a, true)).toList();
        for (Map<String, String> t : targets) {
            Set<String> keys = new HashSet<>(t.keySet());
            keys.addAll(tags.keySet());
            if (keys.size() > 50) {
                throw dev.ecsnet.domain.common.DomainException.invalid("TooManyTags", "The quota for the number of tags that can be assigned to a load balancer has been reached");
            }
        }
        targets.forEach(t -> t.putAll(tags));
    }

    public void removeTags(List<String> arns, List<String> keys) {
        List<Map<String, String>> targets = arns.stream().map(a -> tagsOf(a, true)).toList();
        targets.forEach(t -> keys.forEach(t::remove));
    }

    /** Load balancers, listeners, rules and target groups (targets included) as plain records; changes nothing. */
    public ElbRecord export() {
        return ElbSnapshots.export(this);
    }

    /**
     * On an aggregate just built, the state {@link #export()} gave, ARNs, times and node ENIs as recorded. Network
     * must be restored first: the nodes name its ENIs, and health is read from it.
     */
    public void restore(ElbRecord record) {
        ElbSnapshots.restore(this, record);
    }
}
