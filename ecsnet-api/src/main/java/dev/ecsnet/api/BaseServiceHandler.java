package dev.ecsnet.api;

import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

/**
 * What every service handler shares: its wire spec, its operation table, and the unknown-operation error its
 * protocol uses (JSON 1.1 {@code UnknownOperationException}; EC2 and Query {@code InvalidAction}, all 400). The
 * message says that ecsnet does not emulate the operation, so a user can tell "not emulated" from "broken".
 * Subclasses register their operation families in their constructor.
 */
public abstract class BaseServiceHandler implements ServiceHandler {
    private final ServiceSpec spec;
    private final OperationTable operations = new OperationTable();

    protected BaseServiceHandler(ServiceSpec spec) {
        this.spec = spec;
    }

    @Override
    public final ServiceSpec spec() {
        return spec;
    }

    @Override
    public final OperationTable operations() {
        return operations;
    }

    @Override
    public AwsError unknownOperation(String operation) {
        return AwsError.notEmulated(spec, operation);
    }
}
