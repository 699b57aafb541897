package dev.ecsnet.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.state.RegionState;
import dev.ecsnet.protocol.AwsRequest;

/** One operation being served, on the engine thread: the decoded request and the caller's region state. */
public record Call(AwsRequest request, Params params, RegionState state, Clock clock) {

    public String accountId() {
        return request.accountId();
    }

    public String region() {
        return request.region();
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
