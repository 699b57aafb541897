package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Query (STS, IAM, ELBv2): answers are {@code <OpResponse><OpResult>...</OpResult><ResponseMetadata>}, lists use
 * {@code <member>}, errors are {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>}.
 */
public final class QueryCodec implements ProtocolCodec {
    public static final QueryCodec INSTANCE = new QueryCodec();
    private static final String CONTENT_TYPE = "text/xml";

    private QueryCodec() {
    }

    @Override
    public WireResponse success(AwsRequest request, ObjectNode result) {
        if (result instanceof RenderedAnswer) {
            throw new IllegalStateException("an EC2 XML answer reached the Query codec");
        }
        String op = request.operation();
        XmlWriter xml = new XmlWriter().declaration().open(op + "Response", request.service().xmlNamespace())
                .open(op + "Result").fields(result, "member").close(op + "Result")
                .open("ResponseMetadata").element("RequestId", request.requestId()).close("ResponseMetadata")
                .close(op + "Response");
        return new WireResponse(200, CONTENT_TYPE, Map.of("x-amzn-RequestId", request.requestId()), xml.toBytes());
    }

    @Override
    public WireResponse error(ServiceSpec service, String requestId, AwsError error) {
        XmlWriter xml = new XmlWriter().declaration().open("ErrorResponse", service.xmlNamespace()).open("Error")
                .element("Type", error.faultType())
                .element("Code", error.code())
                .element("Message", error.getMessage() == null ? "" : error.getMessage())
                .close("Error")
                .element("RequestId", requestId)
                .close("ErrorResponse");
        return new WireResponse(error.httpStatus(), CONTENT_TYPE, Map.of("x-amzn-RequestId", requestId), xml.toBytes());
    }
}
