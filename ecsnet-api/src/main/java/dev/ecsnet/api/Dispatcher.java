package dev.ecsnet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.AwsRequest;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.ProtocolCodec;
import dev.ecsnet.protocol.RequestDecoder;
import dev.ecsnet.protocol.ServiceSpec;
import dev.ecsnet.protocol.WireResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The front door of the AWS APIs: decode, find the service and operation, run it on the engine, encode. Every
 * failure leaves here in the caller's protocol envelope; an unexpected exception becomes {@code InternalFailure}
 * (500) and is logged with its request id.
 */
public final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final Engine engine;
    private final Map<ServiceSpec, ServiceHandler> handlers;
    private final RequestDecoder decoder;

    public Dispatcher(Engine engine, List<ServiceHandler> handlers) {
        this.engine = engine;
        this.handlers = handlers.stream().collect(Collectors.toMap(ServiceHandler::spec, Function.identity()));
        this.decoder = new RequestDecoder(handlers.stream().map(ServiceHandler::spec).toList());
    }

    public List<String> serviceNames() {
        return handlers.keySet().stream().map(ServiceSpec::signingName).sorted().toList();
    }

    public WireResponse dispatch(HttpExchange http) {
        String requestId = UUID.randomUUID().toString();
        AwsRequest request;
        try {
            request = decoder.decode(http, requestId);
        } catch (RequestDecoder.Failure f) {
            ServiceSpec envelope = f.service().orElseGet(() -> ServiceSpec.query("unknown", "", ""));
            return ProtocolCodec.of(envelope.protocol()).error(envelope, requestId, f.error());
        }
        ServiceHandler handler = handlers.get(request.service());
        ProtocolCodec codec = ProtocolCodec.of(request.service().protocol());
        try {
            Operation op = handler.operations().find(request.operation())
                    .orElseThrow(() -> handler.unknownOperation(request.operation()));
            Params params = handler instanceof ParamErrors pe
                    ? new Params(request.params(), pe::missingParameter, pe::invalidParameter)
                    : new Params(request.params(), n -> AwsError.badRequest("MissingParameter", "The request must contain the parameter " + n),
                    n -> AwsError.badRequest("InvalidParameterValue", "Invalid value for parameter " + n));
            ObjectNode result = engine.call(new AccountRegion(request.accountId(), request.region()),
                    state -> handler.invoke(op, new Call(request, params, state, engine.clock())));
            return codec.success(request, result);
        } catch (AwsError e) {
            return codec.error(request.service(), requestId, e);
        } catch (DomainException e) {
            return codec.error(request.service(), requestId, handler.toAwsError(e));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "requestId=" + requestId + " service=" + request.service().signingName()
                    + " operation=" + request.operation() + " failed", e);
            return codec.error(request.service(), requestId, new AwsError("InternalFailure",
                    "The request processing has failed because of an unknown error, exception or failure.", 500));
        }
    }
}
