package dev.ecsnet.api;

import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

/**
 * A JSON 1.1 service that answers a missing or malformed request member with {@code ValidationException} in the
 * model's wording ({@code 1 validation error detected: Value null at 'name' ...}).
 */
public abstract class JsonServiceHandler extends BaseServiceHandler implements ParamErrors {
    public static final String VALIDATION = "ValidationException";

    protected JsonServiceHandler(ServiceSpec spec) {
        super(spec);
    }

    @Override
    public AwsError missingParameter(String name) {
        return ConstraintErrors.missing(VALIDATION, name);
    }

    @Override
    public AwsError invalidParameter(String name) {
        return ConstraintErrors.malformed(VALIDATION, name);
    }
}
