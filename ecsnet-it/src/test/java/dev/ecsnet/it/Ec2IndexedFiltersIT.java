package dev.ecsnet.it;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters ecsnet answers from indexes give what a scan gives, in the same order, on random states: each exact
 * value is compared with the same value whose first character is a {@code ?} wildcard, which no index serves (the
 * data has no other value of that shape). States come from a seeded {@link Random}, one seed per repetition; tags
 * ({@code tag:Key}, {@code tag-key}) are written and deleted at random over VPCs, subnets, groups and ENIs.
 */
class Ec2IndexedFiltersIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @RepeatedTest(5)
    void indexedFiltersAnswerAsTheScan(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<String> vpcs = List.of(ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId(),
                ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId()); // overlapping: equal addresses in both
        List<String> subnets = new ArrayList<>();
        List<List<String>> groupsOf = new ArrayList<>();
        for (int v = 0; v < 2; v++) {
            String vpc = vpcs.get(v);
            List<String> groups = new ArrayList<>();
            for (int g = 0; g < 3; g++) {
                int n = g;
                groups.add(ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("g" + n).description("g")).groupId());
            }
            for (int s = 0; s < 2; s++) {
                String cidr = "10.0." + s + ".0/28";
                subnets.add(ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr)).subnet().subnetId());
                groupsOf.add(groups);
            }
        }
        List<String> enis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int s = random.nextInt(subnets.size());
            List<String> groups = pick(random, groupsOf.get(s));
            int op = random.nextInt(10);
            if (op < 6) {
                String subnet = subnets.get(s);
                try {
                    enis.add(ec2().createNetworkInterface(r -> r.subnetId(subnet).groups(groups)).networkInterface().networkInterfaceId());
                } catch (software.amazon.awssdk.services.ec2.model.Ec2Exception full) {
                    // a full /28: the state stays as it is
                }
            } else if (op < 8 && !enis.isEmpty()) {
                String eni = enis.remove(random.nextInt(enis.size()));
                ec2().deleteNetworkInterface(r -> r.networkInterfaceId(eni));
            } else if (!enis.isEmpty()) {
                String eni = enis.get(random.nextInt(enis.size()));
                String vpc = ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)).networkInterfaces().get(0).vpcId();
                List<String> to = pick(random, groupsOf.get(vpcs.indexOf(vpc) * 2));
                ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).groups(to.isEmpty() ? groupsOf.get(vpcs.indexOf(vpc) * 2).subList(0, 1) : to));
            }
        }
        List<String> taggable = new ArrayList<>(vpcs);
        taggable.addAll(subnets);
        groupsOf.stream().flatMap(List::stream).distinct().forEach(taggable::add);
        taggable.addAll(enis);
        for (int i = 0; i < 40; i++) {
            String id = taggable.get(random.nextInt(taggable.size()));
            String key = random.nextBoolean() ? "env" : "team";
            String value = random.nextBoolean() ? "alpha" : "beta";
            int op = random.nextInt(4);
            if (op < 2) {
                ec2().createTags(r -> r.resources(id).tags(Tag.builder().key(key).value(value).build()));
            } else if (op == 2) {
                ec2().deleteTags(r -> r.resources(id).tags(Tag.builder().key(key).build()));
            } else {
                ec2().deleteTags(r -> r.resources(id).tags(Tag.builder().key(key).value(value).build()));
            }
        }
        List<NetworkInterface> all = ec2().describeNetworkInterfaces().networkInterfaces();
        compareEnis("subnet-id", subnets);
        compareEnis("vpc-id", vpcs);
        compareEnis("group-id", groupsOf.stream().flatMap(List::stream).distinct().toList());
        compareEnis("network-interface-id", all.stream().map(NetworkInterface::networkInterfaceId).toList());
        compareEnis("private-ip-address", all.stream().map(NetworkInterface::privateIpAddress).toList());
        compareEnis("addresses.private-ip-address", all.stream().map(NetworkInterface::privateIpAddress).toList());
        compareSubnets("subnet-id", subnets);
        compareSubnets("vpc-id", vpcs);
        for (String filter : List.of("tag:env", "tag:team", "tag-key")) {
            List<String> values = filter.equals("tag-key") ? List.of("env", "team") : List.of("alpha", "beta");
            compareEnis(filter, values);
            compareSubnets(filter, values);
            compare(values, v -> ec2().describeVpcs(r -> r.filters(Filter.builder().name(filter).values(v).build()))
                    .vpcs().stream().map(Vpc::vpcId).toList(), "vpc " + filter);
            compare(values, v -> ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name(filter).values(v).build()))
                    .securityGroups().stream().map(SecurityGroup::groupId).toList(), "group " + filter);
        }
    }

    private static List<String> pick(Random random, List<String> from) {
        return from.stream().filter(x -> random.nextBoolean()).toList();
    }

    private void compareEnis(String filter, List<String> values) {
        compare(values, v -> ec2().describeNetworkInterfaces(r -> r.filters(Filter.builder().name(filter).values(v).build()))
                .networkInterfaces().stream().map(NetworkInterface::networkInterfaceId).toList(), filter);
    }

    private void compareSubnets(String filter, List<String> values) {
        compare(values, v -> ec2().describeSubnets(r -> r.filters(Filter.builder().name(filter).values(v).build()))
                .subnets().stream().map(Subnet::subnetId).toList(), filter);
    }

    /** Each value alone, and pairs of them out of order, exact against wildcard. */
    private static void compare(List<String> values, Function<List<String>, List<String>> describe, String filter) {
        List<List<String>> asks = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            asks.add(List.of(values.get(i)));
            asks.add(List.of(values.get((i + values.size() / 2) % values.size()), values.get(i)));
        }
        for (List<String> ask : asks) {
            List<String> wild = ask.stream().map(v -> "?" + v.substring(1)).toList();
            assertThat(describe.apply(ask)).as("%s %s", filter, ask).containsExactlyElementsOf(describe.apply(wild));
        }
    }
}
