package dev.ecsnet.protocol;

/** The wire protocols ecsnet speaks. Each has its own request parsing and its own response and error envelope. */
public enum AwsProtocol {
    /** JSON 1.1, routed by {@code X-Amz-Target} (ECS, Cloud Map, CloudWatch Logs). */
    JSON_1_1,
    /** EC2 Query: form-encoded {@code Action}, XML answers with {@code <item>} lists and {@code Response/Errors}. */
    EC2_QUERY,
    /** Query: form-encoded {@code Action}, XML answers wrapped in {@code <XResult>} with {@code <member>} lists (STS, IAM, ELBv2). */
    QUERY
}
