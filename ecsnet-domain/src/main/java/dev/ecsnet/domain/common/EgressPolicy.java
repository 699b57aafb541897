package dev.ecsnet.domain.common;

/**
 * Whether a task's network paths decide its fate. {@code ENFORCE}: a Fargate task must reach what it uses (registry
 * auth, image manifests and layers, secrets, CloudWatch Logs, and its log group must exist) through its own ENI, or
 * it stops with AWS's reason. {@code IGNORE} (the default): tasks start whatever the network, as in earlier ecsnet
 * versions and in the shared seed scenario, whose VPC has no way out; {@code ecsnet diagnose} still explains.
 */
public enum EgressPolicy {
    IGNORE,
    ENFORCE
}
