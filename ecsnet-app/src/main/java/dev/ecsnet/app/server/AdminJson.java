package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.state.RegionState;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.AwsRegions;
import dev.ecsnet.protocol.RequestDecoder;
import dev.ecsnet.protocol.WireResponse;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What every admin endpoint shares: JSON answers, refusals, and the account and region a query names. */
final class AdminJson {
    /** Trees only: an {@code ObjectMapper} would cost start-up time before the first health answer. */
    static final Trees JSON = new Trees();

    static final class Trees {
        ObjectNode createObjectNode() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private AdminJson() {
    }

    /** An admin request refused with an HTTP status and a message saying why; {@link AdminApi} answers it. */
    static final class Refusal extends RuntimeException {
        private final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static WireResponse json(int status, JsonNode body) {
        return WireResponse.text(status, "application/json", body.toString(), Map.of());
    }

    static WireResponse error(int status, String message) {
        return json(status, JSON.createObjectNode().put("error", message));
    }

    /** The account and region a query names (default: 000000000000, us-east-1), or a 400 saying why they are refused. */
    static AccountRegion scope(Map<String, String> query) {
        String account = query.getOrDefault("account", RequestDecoder.DEFAULT_ACCOUNT);
        String region = query.getOrDefault("region", RequestDecoder.DEFAULT_REGION);
        if (!account.matches("\\d{12}")) {
            throw new Refusal(400, "account must be 12 digits, not '" + account + "'");
        }
        if (!AwsRegions.isKnown(region)) {
            throw new Refusal(400, "'" + region + "' is not an AWS region (ecsnet serves only real region names, e.g. us-east-1)");
        }
        return new AccountRegion(account, region);
    }

    /** A required query parameter, or a 400 naming it. */
    static String required(Map<String, String> query, String name, String what) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new Refusal(400, "the " + name + " parameter (" + what + ") is required");
        }
        return value;
    }

    /**
     * A read of one region that exists, on the engine thread; empty when nothing has created it yet. Unlike
     * {@link Engine#call}, looking does not create the region.
     */
    static <T> Optional<T> read(Engine engine, AccountRegion key, Function<RegionState, T> query) {
        return engine.readAll(regions -> regions.stream().filter(r -> r.key().equals(key)).findFirst().map(query));
    }
}
