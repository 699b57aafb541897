package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.TagIndex;
import dev.ecsnet.domain.common.Taggable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever writes tags (create with tags, CreateTags, DeleteTags by key or by key and value, DeleteTags of
 * everything, a write straight to a resource's map) and whatever is created or deleted, the tag indexes of VPCs,
 * subnets, security groups and ENIs list exactly what a scan of each store filtered by the tag lists, in order.
 */
class TagIndexProperties {
    private static final List<String> KEYS = List.of("Name", "env", "team");
    private static final List<String> VALUES = List.of("a", "b", "");

    record Step(int kind, int a, int b, int c) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99)).as(Step::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void tagLookupsEqualScans(@ForAll("steps") List<Step> steps) {
        Network net = new Network("000000000000", "us-east-1", new IdSource(7), () -> Instant.EPOCH);
        int subnetNo = 0;
        int groupNo = 0;
        for (Step s : steps) {
            List<Taggable> all = new ArrayList<>();
            all.addAll(net.vpcs());
            all.addAll(net.subnets());
            all.addAll(net.securityGroups());
            all.addAll(net.networkInterfaces());
            Taggable some = all.get(s.a() % all.size());
            Map<String, String> tag = Map.of(KEYS.get(s.b() % 3), VALUES.get(s.c() % 3));
            List<Vpc> vpcs = new ArrayList<>(net.vpcs());
            List<Subnet> subnets = new ArrayList<>(net.subnets());
            try {
                write(net, s, some, tag, vpcs, subnets, subnetNo++, groupNo++);
            } catch (dev.ecsnet.domain.common.DomainException refused) {
                // a refused write (a limit, an overlap, a dependency) changes nothing
            }
        }
        NetworkIndexes ix = net.indexes();
        sameAsScan(ix.vpcTags(), net.vpcs());
        sameAsScan(ix.subnetTags(), net.subnets());
        sameAsScan(ix.groupTags(), net.securityGroups());
        sameAsScan(ix.eniTags(), net.networkInterfaces());
    }

    private static void write(Network net, Step s, Taggable some, Map<String, String> tag, List<Vpc> vpcs, List<Subnet> subnets,
                              int subnetNo, int groupNo) {
        switch (s.kind()) {
            case 0 -> net.createVpc("10." + (1 + s.a() % 50) + ".0.0/16", null, tag);
            case 1 -> {
                Vpc vpc = vpcs.get(s.a() % vpcs.size());
                if (!vpc.isDefault()) {
                    net.createSubnet(vpc.id(), vpc.cidr().toString().replace("0.0/16", (subnetNo % 200) + ".0/28"), null, null, tag);
                }
            }
            case 2 -> net.createSecurityGroup(vpcs.get(s.a() % vpcs.size()).id(), "g" + groupNo, "g", tag);
            case 3 -> {
                Subnet at = subnets.get(s.a() % subnets.size());
                if (at.assignableIpAddressCount() > 0) {
                    net.createNetworkInterface(new Network.EniRequest(at.id(), "", List.of(), null, null, null, tag));
                }
            }
            case 4 -> net.tags().create(List.of(some.id()), tag);
            case 5 -> net.tags().delete(List.of(some.id()), s.c() % 2 == 0 ? tag : keyOnly(tag));
            case 6 -> net.tags().delete(List.of(some.id()), Map.of());
            case 7 -> some.tags().put(KEYS.get(s.b() % 3), VALUES.get(s.c() % 3));
            case 8 -> {
                List<NetworkInterface> enis = new ArrayList<>(net.networkInterfaces());
                if (!enis.isEmpty()) {
                    net.deleteNetworkInterface(enis.get(s.a() % enis.size()).id());
                }
            }
            default -> deleteSomething(net, s.a());
        }
    }

    @Test
    void aDeletedResourceIsForgottenAndItsMapNoLongerMovesTheIndex() {
        Network net = new Network("000000000000", "us-east-1", new IdSource(7), () -> Instant.EPOCH);
        Vpc vpc = net.createVpc("10.9.0.0/16", null, Map.of("env", "a"));
        assertThat(net.indexes().vpcTags().withTag("env", List.of("a"))).containsExactly(vpc);
        net.tags().create(List.of(vpc.id()), Map.of("env", "b"));
        assertThat(net.indexes().vpcTags().withTag("env", List.of("a"))).isEmpty();
        assertThat(net.indexes().vpcTags().withTag("env", List.of("b", "a"))).containsExactly(vpc);
        net.deleteVpc(vpc.id());
        vpc.tags().put("env", "c");
        assertThat(net.indexes().vpcTags().withKeys(List.of("env"))).isEmpty();
        assertThat(net.indexes().vpcTags().withTag("env", List.of("c"))).isEmpty();
    }

    private static Map<String, String> keyOnly(Map<String, String> tag) {
        Map<String, String> out = new HashMap<>();
        tag.keySet().forEach(k -> out.put(k, null));
        return out;
    }

    private static void deleteSomething(Network net, int pick) {
        List<Subnet> empty = net.subnets().stream().filter(x -> !x.defaultForAz() && net.indexes()
                .networkInterfaces(NetworkIndexes.EniField.SUBNET_ID, List.of(x.id())).isEmpty()).toList();
        List<SecurityGroup> groups = net.securityGroups().stream().filter(g -> !g.isDefault()
                && net.networkInterfaces().stream().noneMatch(e -> e.groupIds().contains(g.id()))).toList();
        if (pick % 3 == 0 && !empty.isEmpty()) {
            net.deleteSubnet(empty.get(pick % empty.size()).id());
        } else if (pick % 3 == 1 && !groups.isEmpty()) {
            net.deleteSecurityGroup(groups.get(pick % groups.size()).id());
        } else {
            net.vpcs().stream().filter(v -> !v.isDefault()).skip(pick % 3).findFirst().ifPresent(v -> {
                net.deleteVpc(v.id());
            });
        }
    }

    private static <T extends Taggable> void sameAsScan(TagIndex<T> index, Collection<T> store) {
        for (String key : KEYS) {
            assertThat(index.withKeys(List.of(key))).as("tag-key %s", key)
                    .containsExactlyElementsOf(store.stream().filter(r -> r.tags().containsKey(key)).toList());
            for (List<String> values : List.of(List.of("a"), List.of("b", "a"), List.of(""))) {
                assertThat(index.withTag(key, values)).as("tag:%s %s", key, values).containsExactlyElementsOf(store.stream()
                        .filter(r -> r.tags().containsKey(key) && values.stream().anyMatch(v -> Objects.equals(v, r.tags().get(key)))).toList());
            }
        }
        assertThat(index.withKeys(List.of("env", "Name"))).containsExactlyElementsOf(store.stream()
                .filter(r -> r.tags().containsKey("env") || r.tags().containsKey("Name")).toList());
    }
}
