package dev.ecsnet.api;

import dev.ecsnet.protocol.AwsRequest;
import dev.ecsnet.protocol.HttpExchange;

/**
 * Who a decoded call is made by. {@link #NONE} trusts the routing (a 12-digit access key id is that account, any
 * other key is 000000000000); {@link SignatureCheck} verifies SigV4 and makes the call the signing key's account's.
 */
@FunctionalInterface
public interface Authentication {
    /** Signatures are not checked: the call stays as decoded. */
    Authentication NONE = (http, decoded) -> decoded;

    /** The call as its verified caller makes it, or the protocol's authentication error ({@code AwsError}). */
    AwsRequest authenticate(HttpExchange http, AwsRequest decoded);
}
