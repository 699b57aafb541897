package dev.ecsnet.domain.analysis;

/**
 * One component a packet crosses (or is stopped at): {@code kind} is the component type as Reachability Analyzer
 * names it ({@code network-interface}, {@code security-group-rule}, {@code network-acl-rule}, {@code route},
 * {@code nat-gateway}, {@code internet-gateway}, {@code vpc-endpoint}), {@code id} the resource, {@code detail} what
 * about it applied, in words.
 */
public record Hop(String kind, String id, String detail) {
}
