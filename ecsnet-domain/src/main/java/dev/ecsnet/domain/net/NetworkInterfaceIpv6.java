package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * IPv6 addresses of network interfaces: CreateNetworkInterface's {@code Ipv6AddressCount}/{@code Ipv6Addresses} (and
 * the automatic address of a subnet that assigns IPv6 on creation), AssignIpv6Addresses and UnassignIpv6Addresses.
 * Every address is checked against the subnet's /64 and taken from, or given back to, the subnet's IPv6 pool.
 */
public final class NetworkInterfaceIpv6 {
    /** The most IPv6 addresses one interface takes in ecsnet (the largest instance types allow 50 per ENI). */
    public static final int MAX_PER_INTERFACE = 50;

    private final Network network;

    /** A checked request: addresses asked for by name, then a number to draw at random. */
    record Request(List<Ipv6Address> named, int count) {
        static final Request NONE = new Request(List.of(), 0);

        boolean isEmpty() {
            return named.isEmpty() && count == 0;
        }
    }

    NetworkInterfaceIpv6(Network network) {
        this.network = network;
    }

    /**
     * Checks what a caller asks for in {@code subnet}; with neither a count nor addresses, a subnet that assigns IPv6
     * on creation gives one address when {@code onCreation}. {@code holder} is the interface that will get them.
     */
    Request check(Subnet subnet, Integer count, List<String> addresses, boolean onCreation, NetworkInterface holder) {
        boolean named = addresses != null && !addresses.isEmpty();
        if (count != null && named) {
            throw DomainException.invalid("InvalidParameterCombination", "You may specify either ipv6AddressCount or ipv6Addresses, not both.");
        }
        if (count == null && !named) {
            boolean automatic = onCreation && subnet.assignIpv6AddressOnCreation() && subnet.ipv6Pool().isPresent();
            return automatic ? new Request(List.of(), 1) : Request.NONE;
        }
        int wanted = named ? addresses.size() : count;
        if (wanted < 0 || wanted + (holder == null ? 0 : holder.ipv6Addresses().size()) > MAX_PER_INTERFACE) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + wanted + ") for parameter ipv6AddressCount is invalid. "
                    + "A network interface holds at most " + MAX_PER_INTERFACE + " IPv6 addresses.");
        }
        if (wanted == 0) {
            return Request.NONE;
        }
        SubnetIpv6Pool pool = subnet.ipv6Pool().orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                "The subnet '" + subnet.id() + "' has no IPv6 CIDR block associated with it, so it has no IPv6 addresses to assign."));
        if (!named) {
            return new Request(List.of(), count);
        }
        Set<Ipv6Address> chosen = new LinkedHashSet<>();
        for (String text : addresses) {
            Ipv6Address a = Ipv6Address.parse(text).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                    "Invalid value '" + text + "' for ipv6Addresses: not an IPv6 address."));
            if (!pool.cidr().contains(a)) {
                throw DomainException.invalid("InvalidParameterValue", "Address " + a + " does not fall within the subnet's address range");
            }
            if (pool.isReserved(a)) {
                throw DomainException.invalid("InvalidParameterValue", "Address " + a + " is in subnet's reserved address range");
            }
            if (!pool.isFree(a) || !chosen.add(a)) {
                throw DomainException.conflict("InvalidIPAddress.InUse", "The specified address is already in use.");
            }
        }
        return new Request(List.copyOf(chosen), 0);
    }

    /** Takes the checked addresses from the pool; if the pool runs dry halfway, gives back what it took and refuses. */
    List<Ipv6Address> take(Subnet subnet, Request request) {
        if (request.isEmpty()) {
            return List.of();
        }
        SubnetIpv6Pool pool = subnet.ipv6Pool().orElseThrow();
        List<Ipv6Address> taken = new ArrayList<>();
        try {
            for (Ipv6Address a : request.named()) {
                pool.take(a);
                taken.add(a);
            }
            for (int i = 0; i < request.count(); i++) {
                taken.add(pool.allocate(subnet.id()));
            }
        } catch (DomainException e) {
            taken.forEach(pool::release);
            throw e;
        }
        return taken;
    }

    /** Gives an interface's addresses back to its subnet's pool (the interface is going away). */
    void releaseAll(NetworkInterface eni) {
        network.findSubnet(eni.subnetId()).flatMap(Subnet::ipv6Pool).ifPresent(pool -> eni.ipv6Addresses().stream()
                .filter(pool.cidr()::contains).forEach(pool::release));
    }

    /** AssignIpv6Addresses: more addresses for an existing interface; answers the ones assigned. */
    public List<Ipv6Address> assign(String networkInterfaceId, Integer count, List<String> addresses) {
        NetworkInterface eni = network.networkInterface(networkInterfaceId);
        Subnet subnet = network.subnet(eni.subnetId());
        if (count == null && (addresses == null || addresses.isEmpty())) {
            throw DomainException.invalid("MissingParameter", "The request must contain the parameter ipv6AddressCount or ipv6Addresses");
        }
        Request request = check(subnet, count, addresses, false, eni);
        network.gate().open();
        List<Ipv6Address> taken = take(subnet, request);
        taken.forEach(eni::addIpv6Address);
        return taken;
    }

    /** UnassignIpv6Addresses: every address named must be the interface's; answers the ones removed. */
    public List<Ipv6Address> unassign(String networkInterfaceId, List<String> addresses) {
        NetworkInterface eni = network.networkInterface(networkInterfaceId);
        if (addresses == null || addresses.isEmpty()) {
            throw DomainException.invalid("MissingParameter", "The request must contain the parameter ipv6Addresses");
        }
        List<Ipv6Address> removed = new ArrayList<>();
        for (String text : addresses) {
            Ipv6Address a = Ipv6Address.parse(text).filter(eni.ipv6Addresses()::contains).orElseThrow(() -> DomainException.invalid(
                    "InvalidParameterValue", "Some of the specified addresses are not assigned to interface " + eni.id()));
            if (!removed.contains(a)) {
                removed.add(a);
            }
        }
        network.gate().open();
        Subnet subnet = network.subnet(eni.subnetId());
        for (Ipv6Address a : removed) {
            eni.removeIpv6Address(a);
            subnet.ipv6Pool().filter(p -> p.cidr().contains(a)).ifPresent(p -> p.release(a));
        }
        return removed;
    }
}
