package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One decoded AWS call. {@code params} is the request as a tree: the JSON body for JSON 1.1, and for the query
 * protocols the form parameters folded into objects and arrays ({@code Filter.1.Value.2} becomes
 * {@code {"Filter":[{"Value":[..,..]}]}}). Handlers read it by the names the wire uses. {@code accessKeyId} is the
 * key whose signature was verified ({@code serve --verify-signatures}); empty when signatures are not checked.
 */
public record AwsRequest(ServiceSpec service, String operation, String accountId, String region, String requestId,
                         ObjectNode params, String accessKeyId) {

    public AwsRequest(ServiceSpec service, String operation, String accountId, String region, String requestId, ObjectNode params) {
        this(service, operation, accountId, region, requestId, params, "");
    }

    /** The same call, made by a verified key of {@code accountId}. */
    public AwsRequest signedBy(String verifiedAccessKeyId, String verifiedAccountId) {
        return new AwsRequest(service, operation, verifiedAccountId, region, requestId, params, verifiedAccessKeyId);
    }
}
