package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DHCP options sets of a region. Each region starts with AWS's default set (the Amazon DNS server and the
 * region's internal domain), which the default VPC and every new VPC get. A VPC carries one set, or none
 * ({@code default}, as AssociateDhcpOptions calls it); a set that a VPC carries cannot be deleted.
 */
public final class DhcpOptionsSets {
    /** What AssociateDhcpOptions accepts, and DescribeVpcs shows, for "no options". */
    public static final String NONE = "default";

    private static final Set<String> KEYS = Set.of("domain-name", "domain-name-servers", "ntp-servers", "netbios-name-servers",
            "netbios-node-type", "ipv6-address-preferred-lease-time");
    private static final int MAX_SERVERS = 4;

    private final Network network;
    private final IdSource ids;
    final Map<String, DhcpOptions> sets = new LinkedHashMap<>();
    String regionDefaultId;

    DhcpOptionsSets(Network network, IdSource ids) {
        this.network = network;
        this.ids = ids;
        String domain = "us-east-1".equals(network.region()) ? "ec2.internal" : network.region() + ".compute.internal";
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("domain-name", List.of(domain));
        options.put("domain-name-servers", List.of("AmazonProvidedDNS"));
        DhcpOptions defaults = new DhcpOptions(ids.resourceId("dopt"), network.accountId(), options);
        sets.put(defaults.id(), defaults);
        regionDefaultId = defaults.id();
    }

    /** The set a new VPC gets: AWS's default set of the region while it exists, else none. */
    String forNewVpc() {
        return sets.containsKey(regionDefaultId) ? regionDefaultId : NONE;
    }

    public Collection<DhcpOptions> all() {
        return sets.values();
    }

    public DhcpOptions get(String id) {
        DhcpOptions d = sets.get(id);
        if (d == null) {
            throw DomainException.notFound("InvalidDhcpOptionID.NotFound", "The dhcpOption ID '" + id + "' does not exist");
        }
        return d;
    }

    public DhcpOptions create(Map<String, List<String>> configurations, Map<String, String> tags) {
        if (configurations.isEmpty()) {
            throw DomainException.invalid("MissingParameter", "The request must contain the parameter dhcpConfiguration");
        }
        configurations.forEach(DhcpOptionsSets::validate);
        network.gate().open();
        DhcpOptions d = new DhcpOptions(ids.resourceId("dopt"), network.accountId(), configurations);
        d.tags().putAll(tags);
        sets.put(d.id(), d);
        return d;
    }

    private static void validate(String key, List<String> values) {
        if (!KEYS.contains(key)) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + key + ") for parameter key is invalid. Unknown DHCP option");
        }
        if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
            throw DomainException.invalid("InvalidParameterValue", "Value for parameter " + key + " is invalid. A value is required.");
        }
        switch (key) {
            case "domain-name-servers", "ntp-servers", "netbios-name-servers" -> {
                if (values.size() > MAX_SERVERS) {
                    throw DomainException.invalid("InvalidParameterValue", "Value for parameter " + key + " is invalid. At most "
                            + MAX_SERVERS + " servers may be specified.");
                }
                for (String v : values) {
                    boolean amazon = key.equals("domain-name-servers") && v.equals("AmazonProvidedDNS");
                    if (!amazon && Ipv4.parse(v) < 0 && !v.matches("[0-9a-fA-F:]+:[0-9a-fA-F:]*")) {
                        throw DomainException.invalid("InvalidParameterValue", "Value (" + v + ") for parameter " + key + " is invalid. Expected an IP address.");
                    }
                }
            }
            case "netbios-node-type" -> {
                if (values.size() != 1 || !Set.of("1", "2", "4", "8").contains(values.get(0))) {
                    throw DomainException.invalid("InvalidParameterValue", "Value (" + String.join(",", values)
                            + ") for parameter netbios-node-type is invalid. Valid values: 1, 2, 4, 8.");
                }
            }
            case "ipv6-address-preferred-lease-time" -> {
                long seconds = values.size() == 1 && values.get(0).matches("\\d{1,10}") ? Long.parseLong(values.get(0)) : -1;
                if (seconds < 140 || seconds > Integer.MAX_VALUE) {
                    throw DomainException.invalid("InvalidParameterValue", "Value (" + String.join(",", values)
                            + ") for parameter ipv6-address-preferred-lease-time is invalid. It must be between 140 and 2147483647 seconds.");
                }
            }
            default -> {
                if (values.size() != 1) {
                    throw DomainException.invalid("InvalidParameterValue", "Value for parameter domain-name is invalid. Only one value may be specified.");
                }
            }
        }
    }

    /** Gives a VPC this set, or none with {@link #NONE}. */
    public void associate(String dhcpOptionsId, String vpcId) {
        Vpc vpc = network.vpc(vpcId);
        if (!NONE.equals(dhcpOptionsId)) {
            get(dhcpOptionsId);
        }
        network.gate().open();
        vpc.setDhcpOptionsId(dhcpOptionsId);
    }

    public void delete(String id) {
        get(id);
        if (network.vpcs().stream().anyMatch(v -> v.dhcpOptionsId().equals(id))) {
            throw DomainException.dependency("DependencyViolation", "The dhcpOptions '" + id + "' has dependencies and cannot be deleted.");
        }
        network.gate().open();
        sets.remove(id);
    }
}
