package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One decoded AWS call. {@code params} is the request as a tree: the JSON body for JSON 1.1, and for the query
 * protocols the form parameters folded into objects and arrays ({@code Filter.1.Value.2} becomes
 * {@code {"Filter":[{"Value":[..,..]}]}}). Handlers read it by the names the wire uses.
 */
public record AwsRequest(ServiceSpec service, String operation, String accountId, String region, String requestId,
                         ObjectNode params) {
}
