package dev.ecsnet.api;

/**
 * One answered AWS call, for the request log: who called what where, and how it went. {@code errorCode} is empty
 * for a success; {@code service} and {@code operation} are as far as the request could be decoded.
 */
public record CallRecord(String requestId, String service, String operation, String accountId, String region, int status,
                         String errorCode, long millis) {
}
