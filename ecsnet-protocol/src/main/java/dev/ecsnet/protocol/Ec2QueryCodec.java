package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * EC2 Query: answers are {@code <OpResponse xmlns=...><requestId/>...}, every list's elements are {@code <item>}
 * (or the list's own element name), and errors are
 * {@code <Response><Errors><Error>...</Error></Errors><RequestID/></Response>} (capital D). Every EC2 operation
 * writes its answer straight ({@link Ec2XmlShapeWriter}, in EC2's XML names: {@code subnetSet},
 * {@code availableIpAddressCount}); a tree is refused, as a programming error.
 */
public final class Ec2QueryCodec implements ProtocolCodec {
    public static final Ec2QueryCodec INSTANCE = new Ec2QueryCodec();
    private static final String CONTENT_TYPE = "text/xml;charset=UTF-8";

    private Ec2QueryCodec() {
    }

    @Override
    public WireResponse success(AwsRequest request, ObjectNode result) {
        String root = request.operation() + "Response";
        if (!(result instanceof RenderedAnswer rendered)) {
            throw new IllegalStateException("an EC2 answer built as a tree, not written by Ec2XmlShapeWriter: " + request.operation());
        }
        XmlWriter xml = new XmlWriter().declaration().open(root, request.service().xmlNamespace())
                .element("requestId", request.requestId()).raw(rendered.xmlMembers()).close(root);
        return new WireResponse(200, CONTENT_TYPE, Map.of(), xml.toBytes());
    }

    @Override
    public WireResponse error(ServiceSpec service, String requestId, AwsError error) {
        XmlWriter xml = new XmlWriter().declaration().open("Response").open("Errors").open("Error")
                .element("Code", error.code())
                .element("Message", error.getMessage() == null ? "" : error.getMessage())
                .close("Error").close("Errors")
                .element("RequestID", requestId)
                .close("Response");
        return new WireResponse(error.httpStatus(), CONTENT_TYPE, Map.of(), xml.toBytes());
    }
}
