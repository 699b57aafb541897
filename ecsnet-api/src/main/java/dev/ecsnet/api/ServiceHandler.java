package dev.ecsnet.api;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

/** One AWS service: how it is addressed, what it serves, and how its domain errors and unknown operations read. */
public interface ServiceHandler {

    ServiceSpec spec();

    OperationTable operations();

    /** The error a client of this service gets for an operation ecsnet does not serve. */
    AwsError unknownOperation(String operation);

    /** Domain errors already carry this service's code; only the HTTP status is added. */
    default AwsError toAwsError(DomainException e) {
        return AwsError.badRequest(e.code(), e.getMessage());
    }
}
