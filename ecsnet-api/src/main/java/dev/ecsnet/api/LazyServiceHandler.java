package dev.ecsnet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

import java.util.function.Supplier;

/**
 * A service whose handler is built on its first call: building one links every operation of its table (hundreds
 * of method references for EC2), which is start-up time a server spends before it can answer anything, and
 * mostly for services a given run never calls. The spec is known at once, so routing needs no handler.
 */
final class LazyServiceHandler implements ServiceHandler {
    private final ServiceSpec spec;
    private final Supplier<ServiceHandler> factory;
    private volatile ServiceHandler handler;

    LazyServiceHandler(ServiceSpec spec, Supplier<ServiceHandler> factory) {
        this.spec = spec;
        this.factory = factory;
    }

    @Override
    public ServiceHandler resolved() {
        ServiceHandler h = handler;
        if (h == null) {
            synchronized (this) {
                h = handler;
                if (h == null) {
                    h = factory.get();
                    if (!h.spec().equals(spec)) {
                        throw new IllegalStateException("handler for " + spec.signingName() + " serves " + h.spec());
                    }
                    handler = h;
                }
            }
        }
        return h;
    }

    @Override
    public ServiceSpec spec() {
        return spec;
    }

    @Override
    public OperationTable operations() {
        return resolved().operations();
    }

    @Override
    public ObjectNode invoke(Operation operation, Call call) {
        return resolved().invoke(operation, call);
    }

    @Override
    public AwsError unknownOperation(String operation) {
        return resolved().unknownOperation(operation);
    }

    @Override
    public AwsError toAwsError(DomainException e) {
        return resolved().toAwsError(e);
    }
}
