package dev.ecsnet.domain.common;

/** State is kept per account and region, as in AWS. */
public record AccountRegion(String accountId, String region) {
}
