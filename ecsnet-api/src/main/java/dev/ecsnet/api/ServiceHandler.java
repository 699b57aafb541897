package dev.ecsnet.api;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

/** One AWS service: how it is addressed, what it serves, and how its domain errors and unknown operations read. */
public interface ServiceHandler {

    ServiceSpec spec();

    /** The handler that serves the calls (itself, unless it is built on first use). */
    default ServiceHandler resolved() {
        return this;
    }

    OperationTable operations();

    /** Runs one of this service's operations; a service with call-wide options (EC2's {@code DryRun}) wraps it here. */
    default com.fasterxml.jackson.databind.node.ObjectNode invoke(Operation operation, Call call) {
        return operation.handle(call);
    }

    /**
     * Whether this call of {@code operation} only reads state, so that it may run beside other reads: operations
     * registered with {@link OperationTable#registerRead}, unless a call-wide option makes the call do more.
     */
    default boolean onlyReads(String operation, Params params) {
        return operations().onlyReads(operation);
    }

    /** The error a client of this service gets for an operation ecsnet does not serve. */
    AwsError unknownOperation(String operation);

    /** Domain errors already carry this service's code; only the HTTP status is added. */
    default AwsError toAwsError(DomainException e) {
        return AwsError.badRequest(e.code(), e.getMessage());
    }
}
