package dev.ecsnet.domain.common;

/**
 * Something ecsnet itself explains about an outcome, for the request log: {@code kind} says what happened
 * ({@code task-stopped}, {@code subnet-full}), {@code resource} what it happened to, {@code message} why, in words.
 */
public record Notice(String kind, String resource, String message) {
}
