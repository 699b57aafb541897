package dev.ecsnet.api;

import dev.ecsnet.protocol.AwsError;

/** How a service words a missing or malformed parameter. */
public interface ParamErrors {
    AwsError missingParameter(String name);

    AwsError invalidParameter(String name);
}
