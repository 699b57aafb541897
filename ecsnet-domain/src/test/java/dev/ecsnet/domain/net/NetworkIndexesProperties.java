package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.NetworkIndexes.EniField;
import dev.ecsnet.domain.net.NetworkIndexes.SubnetField;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After any sequence of writes (subnets and ENIs created and deleted, ENI groups changed), every index lookup lists
 * exactly what a scan of the store filtered on the field lists, in the same order.
 */
class NetworkIndexesProperties {

    /** One write, chosen by {@code kind}; {@code a}, {@code b} pick among what exists. */
    record Step(int kind, int a, int b) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99)).as(Step::new)
                .list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 200)
    void lookupsEqualScans(@ForAll("steps") List<Step> steps) {
        Network net = new Network("000000000000", "us-east-1", new IdSource(11), () -> Instant.EPOCH);
        List<String> vpcs = new ArrayList<>(List.of(net.createVpc("10.0.0.0/16", null, Map.of()).id(),
                net.createVpc("10.0.0.0/16", null, Map.of()).id())); // overlapping blocks: equal addresses in both
        List<String> groups = new ArrayList<>();
        for (String vpc : vpcs) {
            groups.add(net.createSecurityGroup(vpc, "a", "a", Map.of()).id());
            groups.add(net.createSecurityGroup(vpc, "b", "b", Map.of()).id());
        }
        int subnetNo = 0;
        for (Step s : steps) {
            List<Subnet> subnets = new ArrayList<>(net.subnets());
            List<NetworkInterface> enis = new ArrayList<>(net.networkInterfaces());
            switch (s.kind()) {
                case 0 -> net.createSubnet(vpcs.get(s.a() % 2), "10.0." + (subnetNo++) + ".0/28", null, null, Map.of());
                case 1, 2 -> {
                    if (!subnets.isEmpty()) {
                        Subnet at = subnets.get(s.a() % subnets.size());
                        if (at.assignableIpAddressCount() > 0) {
                            net.createNetworkInterface(new Network.EniRequest(at.id(), "", groupsOf(net, at.vpcId(), s.b()),
                                    null, null, null, Map.of()));
                        }
                    }
                }
                case 3 -> {
                    if (!enis.isEmpty()) {
                        net.deleteNetworkInterface(enis.get(s.a() % enis.size()).id());
                    }
                }
                case 4 -> {
                    if (!enis.isEmpty()) {
                        NetworkInterface eni = enis.get(s.a() % enis.size());
                        net.interfaceChanges().modify(eni.id(), new NetworkInterfaceChanges.Modification(null, null,
                                groupsOf(net, eni.vpcId(), s.b() | 1), null, null)); // ModifyNetworkInterfaceAttribute needs one
                    }
                }
                default -> {
                    Subnet empty = subnets.stream().filter(x -> net.indexes().networkInterfaces(EniField.SUBNET_ID,
                            List.of(x.id())).isEmpty() && !x.defaultForAz()).findFirst().orElse(null);
                    if (empty != null) {
                        net.deleteSubnet(empty.id());
                    }
                }
            }
        }
        List<String> subnetIds = net.subnets().stream().map(Subnet::id).toList();
        List<String> addresses = net.networkInterfaces().stream().map(NetworkInterface::privateIpAddress).distinct().toList();
        List<String> eniIds = net.networkInterfaces().stream().map(NetworkInterface::id).toList();
        List<List<String>> valueSets = new ArrayList<>();
        for (List<String> pool : List.of(subnetIds, vpcs, groups, addresses, eniIds)) {
            if (!pool.isEmpty()) {
                valueSets.add(List.of(pool.get(0)));
                valueSets.add(List.of(pool.get(pool.size() - 1), pool.get(0))); // two values, out of order
            }
        }
        valueSets.add(List.of("nothing-has-this"));
        for (List<String> values : valueSets) {
            sameAsScan(net, EniField.SUBNET_ID, values, e -> List.of(e.subnetId()));
            sameAsScan(net, EniField.VPC_ID, values, e -> List.of(e.vpcId()));
            sameAsScan(net, EniField.GROUP_ID, values, NetworkInterface::groupIds);
            sameAsScan(net, EniField.PRIVATE_IP_ADDRESS, values, e -> List.of(e.privateIpAddress()));
            sameAsScan(net, EniField.NETWORK_INTERFACE_ID, values, e -> List.of(e.id()));
            assertThat(net.indexes().subnets(SubnetField.VPC_ID, values))
                    .containsExactlyElementsOf(net.subnets().stream().filter(x -> values.contains(x.vpcId())).toList());
            assertThat(net.indexes().subnets(SubnetField.SUBNET_ID, values))
                    .containsExactlyElementsOf(net.subnets().stream().filter(x -> values.contains(x.id())).toList());
        }
    }

    private static List<String> groupsOf(Network net, String vpc, int pick) {
        List<String> all = net.securityGroups().stream().filter(g -> g.vpcId().equals(vpc)).map(SecurityGroup::id).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((pick >> i & 1) == 1) {
                out.add(all.get(i));
            }
        }
        return out; // empty: the VPC's default group
    }

    private static void sameAsScan(Network net, EniField field, Collection<String> values,
                                   Function<NetworkInterface, Collection<String>> have) {
        Set<String> wanted = Set.copyOf(values);
        List<NetworkInterface> scan = net.networkInterfaces().stream()
                .filter(e -> have.apply(e).stream().anyMatch(wanted::contains)).toList();
        assertThat(net.indexes().networkInterfaces(field, values)).as("%s %s", field, values).containsExactlyElementsOf(scan);
    }
}
