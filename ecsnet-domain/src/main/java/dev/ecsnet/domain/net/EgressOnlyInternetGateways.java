package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Egress-only internet gateways of a region. Created in (and attached to) one VPC; a {@code ClientToken} makes
 * CreateEgressOnlyInternetGateway idempotent; deleting one leaves the routes to it as blackholes, as deleting a
 * route target does; a VPC with one cannot be deleted.
 */
public final class EgressOnlyInternetGateways {
    private static final Pattern ID = Pattern.compile("eigw-[0-9a-f]{8}([0-9a-f]{9})?");

    private final Network network;
    private final IdSource ids;
    final Map<String, EgressOnlyInternetGateway> gateways = new LinkedHashMap<>();
    final Map<String, String> byClientToken = new LinkedHashMap<>();

    EgressOnlyInternetGateways(Network network, IdSource ids) {
        this.network = network;
        this.ids = ids;
    }

    public Collection<EgressOnlyInternetGateway> all() {
        return gateways.values();
    }

    public EgressOnlyInternetGateway get(String id) {
        EgressOnlyInternetGateway g = gateways.get(id);
        if (g == null) {
            if (!ID.matcher(id).matches()) {
                throw DomainException.invalid("InvalidEgressOnlyInternetGatewayId.Malformed", "Invalid id: \"" + id + "\"");
            }
            throw DomainException.notFound("InvalidEgressOnlyInternetGatewayId.NotFound",
                    "The egressOnlyInternetGateway ID '" + id + "' does not exist");
        }
        return g;
    }

    public EgressOnlyInternetGateway create(String vpcId, String clientToken, Map<String, String> tags) {
        Vpc vpc = network.vpc(vpcId);
        if (clientToken != null && byClientToken.containsKey(clientToken)) {
            EgressOnlyInternetGateway earlier = gateways.get(byClientToken.get(clientToken));
            if (earlier != null && earlier.vpcId().equals(vpc.id())) {
                return earlier;
            }
            throw DomainException.invalid("IdempotentParameterMismatch",
                    "The client token you have provided is associated with a resource that is already deleted or has different parameters.");
        }
        network.gate().open();
        EgressOnlyInternetGateway g = new EgressOnlyInternetGateway(ids.resourceId("eigw"), vpc.id());
        g.tags().putAll(tags);
        gateways.put(g.id(), g);
        if (clientToken != null) {
            byClientToken.put(clientToken, g.id());
        }
        return g;
    }

    public void delete(String id) {
        get(id);
        network.gate().open();
        gateways.remove(id);
        network.routeTables().blackhole(id);
    }

    boolean hasGateway(String vpcId) {
        return gateways.values().stream().anyMatch(g -> g.vpcId().equals(vpcId));
    }
}
