package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** VPC endpoints of a region: creating one takes addresses (interface) or adds routes (gateway); deleting undoes it. */
public final class VpcEndpoints {
    /** The policy AWS gives an endpoint when none is supplied: full access. */
    public static final String DEFAULT_POLICY = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    /** Timer kinds: a pending interface endpoint becomes available; a deleting one goes, with its interfaces. */
    private static final String AVAILABLE = "ec2.vpc-endpoint.available";
    private static final String DELETED = "ec2.vpc-endpoint.deleted";

    private final Network network;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final TimingProfile timing;
    final Map<String, VpcEndpoint> endpoints = new LinkedHashMap<>();

    VpcEndpoints(Network network, IdSource ids, Clock clock, Timers timers, TimingProfile timing) {
        this.network = network;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.timing = timing;
        timers.on(AVAILABLE, (id, args) -> inState(id, "pending").ifPresent(e -> e.setState("available")));
        timers.on(DELETED, (id, args) -> inState(id, "deleting").ifPresent(e -> {
            e.networkInterfaceIds.forEach(n -> network.findNetworkInterface(n).ifPresent(x -> network.deleteManagedNetworkInterface(x.id())));
            endpoints.remove(e.id());
        }));
    }

    private java.util.Optional<VpcEndpoint> inState(String id, String state) {
        return java.util.Optional.ofNullable(endpoints.get(id)).filter(e -> e.state().equals(state));
    }

    public Collection<VpcEndpoint> all() {
        return endpoints.values();
    }

    public VpcEndpoint endpoint(String id) {
        VpcEndpoint e = endpoints.get(id);
        if (e == null) {
            throw DomainException.notFound("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '" + id + "' does not exist");
        }
        return e;
    }

    boolean hasEndpoints(String vpcId) {
        return endpoints.values().stream().anyMatch(e -> e.vpcId().equals(vpcId));
    }

    /** What CreateVpcEndpoint asks for; lists may be empty, {@code privateDnsEnabled} null means the type's default. */
    public record Request(String vpcId, String serviceName, String type, List<String> subnetIds, List<String> groupIds,
                          List<String> routeTableIds, Boolean privateDnsEnabled, String policyDocument, Map<String, String> tags) {
    }

    public VpcEndpoint create(Request r) {
        Vpc vpc = network.vpc(r.vpcId());
        String type = r.type() == null ? "Gateway" : r.type();
        if (!type.equals("Interface") && !type.equals("Gateway")) {
            throw DomainException.invalid("InvalidParameter", "ecsnet models Interface and Gateway endpoints; '" + type + "' is not supported.");
        }
        EndpointServices.Service service = EndpointServices.find(network.region(), r.serviceName()).orElseThrow(() ->
                DomainException.invalid("InvalidServiceName", "The Vpc Endpoint Service '" + r.serviceName() + "' does not exist"));
        boolean iface = type.equals("Interface");
        if (iface ? !service.interfaceType() : !service.gatewayType()) {
            throw DomainException.invalid("InvalidParameter", "The Vpc Endpoint Service '" + service.name() + "' does not support endpoint type " + type + ".");
        }
        boolean privateDns = iface && (r.privateDnsEnabled() == null ? service.privateDnsName() != null : r.privateDnsEnabled());
        if (iface) {
            validateInterface(vpc, service, r, privateDns);
        } else {
            if (!r.subnetIds().isEmpty() || !r.groupIds().isEmpty()) {
                throw DomainException.invalid("InvalidParameter", "Subnets and security groups cannot be specified for a gateway endpoint.");
            }
            for (String rt : r.routeTableIds()) {
                if (!network.routeTables().get(rt).vpcId().equals(vpc.id())) {
                    throw DomainException.invalid("InvalidParameter", "Route table " + rt + " does not belong to vpc " + vpc.id());
                }
            }
        }
        network.gate().open();
        VpcEndpoint e = new VpcEndpoint(ids.resourceId("vpce"), type, vpc.id(), service, network.accountId(), clock.now(),
                privateDns, r.policyDocument() == null ? DEFAULT_POLICY : r.policyDocument());
        e.tags().putAll(r.tags());
        if (iface) {
            List<String> groups = r.groupIds().isEmpty() ? List.of(vpc.defaultSecurityGroupId()) : r.groupIds();
            e.groupIds.addAll(groups);
            for (String subnetId : r.subnetIds()) {
                NetworkInterface eni = network.createNetworkInterface(new Network.EniRequest(subnetId,
                        "VPC Endpoint Interface " + e.id(), groups, null, "vpc_endpoint", "amazon", Map.of()));
                network.attach(eni.id(), null, "amazon", 1);
                e.subnetIds.add(subnetId);
                e.networkInterfaceIds.add(eni.id());
            }
        } else {
            String prefixList = EndpointServices.prefixListFor(network.region(), service.name()).orElseThrow().id();
            for (String rt : r.routeTableIds()) {
                network.routeTables().addEndpointRoute(rt, prefixList, e.id());
                e.routeTableIds.add(rt);
            }
        }
        endpoints.put(e.id(), e);
        if (iface) {
            timers.schedule(timing.provisioning(), AVAILABLE, e.id());
        } else {
            e.setState("available");
        }
        return e;
    }

    private void validateInterface(Vpc vpc, EndpointServices.Service service, Request r, boolean privateDns) {
        if (!r.routeTableIds().isEmpty()) {
            throw DomainException.invalid("InvalidParameter", "Route tables cannot be specified for an interface endpoint.");
        }
        Set<String> zones = new HashSet<>();
        int addressesNeeded = 0;
        for (String subnetId : r.subnetIds()) {
            Subnet s = network.subnet(subnetId);
            if (!s.vpcId().equals(vpc.id())) {
                throw DomainException.invalid("InvalidParameter", "The subnet " + subnetId + " does not belong to vpc " + vpc.id());
            }
            if (!zones.add(s.zone().name())) {
                throw DomainException.invalid("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the availability zone of "
                        + subnetId + ". VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.");
            }
            if (s.availableIpAddressCount() == 0) {
                throw DomainException.invalid("InsufficientFreeAddressesInSubnet", "There aren't sufficient free Ipv4 addresses or prefixes in subnet " + subnetId);
            }
            addressesNeeded++;
        }
        for (String g : r.groupIds()) {
            if (!network.securityGroup(g).vpcId().equals(vpc.id())) {
                throw DomainException.invalid("InvalidParameter", "Security group " + g + " does not belong to vpc " + vpc.id());
            }
        }
        if (privateDns) {
            if (!vpc.enableDnsSupport() || !vpc.enableDnsHostnames()) {
                throw DomainException.invalid("InvalidParameter", "Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for "
                        + vpc.id());
            }
            boolean conflict = endpoints.values().stream().anyMatch(e -> e.vpcId().equals(vpc.id()) && e.privateDnsEnabled()
                    && e.service().equals(service) && !e.state().equals("deleting"));
            if (conflict) {
                throw DomainException.invalid("InvalidParameter", "private-dns-enabled cannot be set because there is already a conflicting DNS domain for "
                        + service.privateDnsName() + " in the VPC " + vpc.id());
            }
        }
        if (addressesNeeded == 0) {
            // AWS accepts an interface endpoint without subnets; it then has no ENI and reaches nothing
            return;
        }
    }

    public void modifyPolicy(String id, String policyDocument, boolean reset) {
        VpcEndpoint e = endpoint(id);
        network.gate().open();
        e.setPolicyDocument(reset || policyDocument == null ? DEFAULT_POLICY : policyDocument);
    }

    /** Deletes what it can and reports the rest, as DeleteVpcEndpoints does (it never fails as a whole). */
    public List<String> delete(List<String> ids) {
        List<String> unknown = ids.stream().filter(id -> !endpoints.containsKey(id)).toList();
        network.gate().open();
        for (String id : ids) {
            VpcEndpoint e = endpoints.get(id);
            if (e == null || e.state().equals("deleting")) {
                continue;
            }
            e.setState("deleting");
            network.routeTables().removeEndpointRoutes(e.id());
            timers.schedule(timing.deprovisioning(), DELETED, e.id());
        }
        return unknown;
    }
}
