package dev.ecsnet.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.state.RegionState;
import dev.ecsnet.protocol.AwsRequest;

/**
 * One operation being served, on the engine thread: the decoded request and the caller's region state.
 * {@code replaying}: the call is a journalled one run again, whose answer nobody reads, so an operation may skip
 * building a large one (RunTask's tasks).
 */
public record Call(AwsRequest request, Params params, RegionState state, Clock clock, boolean replaying) {

    public Call(AwsRequest request, Params params, RegionState state, Clock clock) {
        this(request, params, state, clock, false);
    }

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
