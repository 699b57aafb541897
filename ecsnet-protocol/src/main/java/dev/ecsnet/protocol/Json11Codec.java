package dev.ecsnet.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Map;

/** AWS JSON 1.1: the body is the input shape; errors carry {@code __type} and {@code x-amzn-ErrorType}. */
public final class Json11Codec implements ProtocolCodec {
    public static final Json11Codec INSTANCE = new Json11Codec();
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private Json11Codec() {
    }

    public static ObjectNode parseBody(byte[] body) {
        if (body == null || body.length == 0) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw AwsError.badRequest("SerializationException", "Could not parse the request body as JSON");
        }
        if (node == null || node.isMissingNode()) {
            return MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw AwsError.badRequest("SerializationException", "The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    @Override
    public WireResponse success(AwsRequest request, ObjectNode result) {
        byte[] body = result instanceof RenderedAnswer rendered ? rendered.jsonBody() : write(result);
        return new WireResponse(200, CONTENT_TYPE, Map.of("x-amzn-RequestId", request.requestId()), body);
    }

    @Override
    public WireResponse error(ServiceSpec service, String requestId, AwsError error) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("__type", error.code());
        if (error.getMessage() != null) {
            body.put("message", error.getMessage());
        }
        return new WireResponse(error.httpStatus(), CONTENT_TYPE,
                Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", error.code()), write(body));
    }

    private static byte[] write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
