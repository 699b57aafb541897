package dev.ecsnet.api;

import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

/**
 * What every service handler shares: its wire spec, its operation table, and the unknown-operation error its
 * protocol uses (JSON 1.1 {@code UnknownOperationException}; EC2 {@code InvalidAction} "not valid for this web
 * service"; Query {@code InvalidAction} "Could not find operation ... for version ..."). Subclasses register their
 * operation families in their constructor.
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
        return switch (spec.protocol()) {
            case JSON_1_1 -> AwsError.badRequest("UnknownOperationException", null);
            case EC2_QUERY -> AwsError.badRequest("InvalidAction", "The action " + operation + " is not valid for this web service.");
            case QUERY -> AwsError.badRequest("InvalidAction", "Could not find operation " + operation + " for version " + spec.apiVersion());
        };
    }
}
