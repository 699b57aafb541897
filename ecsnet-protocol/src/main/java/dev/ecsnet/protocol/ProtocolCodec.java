package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders answers and errors in one protocol's envelope. Handlers never build envelopes themselves. */
public interface ProtocolCodec {

    WireResponse success(AwsRequest request, ObjectNode result);

    WireResponse error(ServiceSpec service, String requestId, AwsError error);

    static ProtocolCodec of(AwsProtocol protocol) {
        return switch (protocol) {
            case JSON_1_1 -> Json11Codec.INSTANCE;
            case EC2_QUERY -> Ec2QueryCodec.INSTANCE;
            case QUERY -> QueryCodec.INSTANCE;
        };
    }
}
