package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.Taggable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * EC2's tag operations over every taggable resource of a network, and over resources kept outside it (instances,
 * launch templates) that register a {@link TaggableSource} for their id prefix.
 */
public final class NetworkTags {
    private final Network network;
    private final List<TaggableSource> taggableSources = new ArrayList<>();

    NetworkTags(Network network) {
        this.network = network;
    }

    /** Taggable resources kept outside the network (EC2 instances), found by their id prefix. */
    public record TaggableSource(String prefix, Function<String, ? extends Taggable> lookup,
                                 Supplier<Collection<? extends Taggable>> all) {
    }

    public void add(TaggableSource source) {
        taggableSources.add(source);
    }

    /** Any taggable resource of this network by id; the error names the resource type its prefix implies. */
    public Taggable get(String id) {
        String prefix = id.contains("-") ? id.substring(0, id.lastIndexOf('-')) : id;
        return switch (prefix) {
            case "vpc" -> network.vpc(id);
            case "subnet" -> network.subnet(id);
            case "sg" -> network.securityGroup(id);
            case "sgr" -> network.groups().rule(id);
            case "eni" -> network.networkInterface(id);
            case "igw" -> network.gateways().internetGateway(id);
            case "eipalloc" -> network.gateways().address(id);
            case "nat" -> network.gateways().natGateway(id);
            case "rtb" -> network.routeTables().get(id);
            case "vpce" -> network.endpoints().endpoint(id);
            case "acl" -> network.acls().get(id);
            case "eigw" -> network.egressOnlyInternetGateways().get(id);
            case "scr" -> network.subnetCidrReservations().get(id);
            case "pl" -> network.prefixLists().get(id);
            case "dopt" -> network.dhcpOptions().get(id);
            case "pcx" -> network.peerings().get(id);
            default -> taggableSources.stream().filter(s -> s.prefix().equals(prefix) && id.matches(prefix + "-[0-9a-f]{8}([0-9a-f]{9})?")).findFirst()
                    .<Taggable>map(s -> s.lookup().apply(id))
                    .orElseThrow(() -> DomainException.invalid("InvalidID", "The ID '" + id + "' is not valid"));
        };
    }

    public List<Taggable> all() {
        List<Taggable> all = new ArrayList<>();
        all.addAll(network.vpcs());
        all.addAll(network.subnets());
        all.addAll(network.groups().all());
        all.addAll(network.groups().allRules());
        all.addAll(network.networkInterfaces());
        all.addAll(network.gateways().internetGateways());
        all.addAll(network.gateways().addresses());
        all.addAll(network.gateways().natGateways());
        all.addAll(network.routeTables().all());
        all.addAll(network.endpoints().all());
        all.addAll(network.acls().all());
        all.addAll(network.egressOnlyInternetGateways().all());
        all.addAll(network.subnetCidrReservations().all());
        all.addAll(network.prefixLists().all());
        all.addAll(network.dhcpOptions().all());
        all.addAll(network.peerings().all());
        taggableSources.forEach(s -> all.addAll(s.all().get()));
        return all;
    }

    public void create(List<String> resourceIds, Map<String, String> tags) {
        List<Taggable> targets = resourceIds.stream().map(this::get).toList();
        network.gate().open();
        targets.forEach(t -> t.tags().putAll(tags));
    }

    /**
     * Removes tags; a null value removes the key whatever its value, a non-null value only on an exact match. No
     * tags at all removes every tag of the resources, as DeleteTags without a Tag parameter does.
     */
    public void delete(List<String> resourceIds, Map<String, String> tags) {
        List<Taggable> targets = resourceIds.stream().map(this::get).toList();
        network.gate().open();
        if (tags.isEmpty()) {
            targets.forEach(t -> t.tags().clear());
            return;
        }
        for (Taggable t : targets) {
            tags.forEach((k, v) -> {
                if (v == null || v.equals(t.tags().get(k))) {
                    t.tags().remove(k);
                }
            });
        }
    }
}
