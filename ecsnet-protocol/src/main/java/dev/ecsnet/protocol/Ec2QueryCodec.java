package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * EC2 Query: answers are {@code <OpResponse xmlns=...><requestId/>...}, every list's elements are {@code <item>},
 * and errors are {@code <Response><Errors><Error>...</Error></Errors><RequestID/></Response>} (capital D).
 * Result trees must already use EC2's XML names ({@code subnetSet}, {@code availableIpAddressCount}).
 */
public final class Ec2QueryCodec implements ProtocolCodec {
    public static final Ec2QueryCodec INSTANCE = new Ec2QueryCodec();
    private static final String CONTENT_TYPE = "text/xml;charset=UTF-8";

    private Ec2QueryCodec() {
    }

    @Override
    public WireResponse success(AwsRequest request, ObjectNode result) {
        String root = request.operation() + "Response";
        XmlWriter xml = new XmlWriter().declaration().open(root, request.service().xmlNamespace())
                .element("requestId", request.requestId());
        if (result instanceof RenderedAnswer rendered) {
            xml.raw(rendered.xmlMembers());
        } else {
            xml.fields(result, "item");
        }
        xml.close(root);
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
