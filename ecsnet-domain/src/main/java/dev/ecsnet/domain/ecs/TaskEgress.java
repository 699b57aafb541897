package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.analysis.AwsServiceAddresses;
import dev.ecsnet.domain.analysis.PathAnalyzer;
import dev.ecsnet.domain.analysis.Source;
import dev.ecsnet.domain.analysis.Verdict;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Fargate task must reach before it can run, checked in the order the agent does it, each through the
 * task's own ENI (platform version 1.4: registry auth, secrets, image and logs all leave through the task ENI):
 * registry auth and secrets, then the image (ECR manifests and S3 layers, or a public registry), then the
 * {@code awslogs} log stream. The first thing that cannot be reached stops the task with AWS's own text.
 */
final class TaskEgress {
    private static final Pattern ECR_IMAGE = Pattern.compile("^(\\d+)\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)(?::([^@]+))?.*$");

    /** Whether a log group exists in the task's region, and a way to create one ({@code awslogs-create-group}). */
    interface LogGroups {
        boolean exists(String name);

        void create(String name);
    }

    /**
     * Why the task cannot start: the need that failed ({@code ecr.api}, {@code ecr.dkr}, {@code s3}, {@code logs},
     * {@code secretsmanager}, {@code ssm}, {@code internet}, {@code log-group}), AWS's stop reason, and the blocked
     * path (absent for a missing log group, which is not a network problem).
     */
    record Failure(String need, String stoppedReason, Optional<Verdict.Blocked> verdict, String detail) {
    }

    private final Network network;
    private final PathAnalyzer analyzer;
    private final LogGroups logGroups;
    private final EgressPolicy policy;
    private SecretParameters secretParameters = SecretParameters.NONE;

    TaskEgress(Network network, EgressPolicy policy, LogGroups logGroups) {
        this.network = network;
        this.policy = policy;
        this.analyzer = new PathAnalyzer(network);
        this.logGroups = logGroups;
    }

    /** Wires SSM Parameter Store in, so that secrets naming no parameter stop the task. */
    void connect(SecretParameters parameters) {
        this.secretParameters = parameters;
    }

    /** The first unmet need of a task whose ENI is attached; empty when it can start. */
    Optional<Failure> firstFailure(Task task) {
        if (policy == EgressPolicy.IGNORE) {
            // a secret whose parameter does not exist stops the task whatever the network
            return missingSecrets(task);
        }
        return unmetNeed(task, true);
    }

    /**
     * The first unmet need whatever the policy: what {@code diagnose} reports. A task whose ENI is gone (stopped,
     * or never created) is judged by the ENI it would get: its subnet, groups and public IP choice.
     */
    Optional<Failure> unmetNeed(Task task, boolean actAsAgent) {
        if (!"FARGATE".equals(task.spec().launchType())) {
            // On the EC2 launch type the agent pulls through the instance's own network, not the task ENI.
            return missingSecrets(task);
        }
        Optional<Source> eni = task.networkInterfaceId().flatMap(network::findNetworkInterface).map(Source::of)
                .or(() -> network.findSubnet(task.spec().subnetId()).map(s -> Source.planned(task.id(), s,
                        task.spec().securityGroupIds(), task.spec().assignPublicIp())));
        if (eni.isEmpty()) {
            return Optional.empty();
        }
        String region = network.region();
        List<Map<String, Object>> containers = ClientDocument.objects(task.spec().taskDefinition().document(), "containerDefinitions");
        List<Failure> failures = new ArrayList<>();
        // 1. registry auth and secrets
        for (Map<String, Object> c : containers) {
            String image = ClientDocument.string(c, "image").orElse("");
            if (ECR_IMAGE.matcher(image).matches()) {
                need(eni.get(), "ecr.api", v -> "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: "
                        + "unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://"
                        + AwsServiceAddresses.hostname("ecr.api", region, network.accountId()) + "/\": dial tcp " + ip("ecr.api") + ":443: i/o timeout. "
                        + "Please check your task network configuration.").ifPresent(failures::add);
            }
            for (Map<String, Object> secret : ClientDocument.objects(c, "secrets")) {
                String from = ClientDocument.string(secret, "valueFrom").orElse("");
                if (from.startsWith("arn:aws:secretsmanager:")) {
                    need(eni.get(), "secretsmanager", v -> "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: "
                            + "unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret " + from
                            + " from secrets manager: RequestCanceled: request context canceled caused by: context deadline exceeded. "
                            + "Please check your task network configuration.").ifPresent(failures::add);
                } else if (!from.isEmpty()) {
                    need(eni.get(), "ssm", v -> "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: "
                            + "unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: "
                            + "context deadline exceeded. Please check your task network configuration.").ifPresent(failures::add);
                }
            }
        }
        if (!failures.isEmpty()) {
            return Optional.of(failures.get(0));
        }
        Optional<Failure> secrets = missingSecrets(task);
        if (secrets.isPresent()) {
            return secrets;
        }
        // 2. the images
        for (Map<String, Object> c : containers) {
            String image = ClientDocument.string(c, "image").orElse("");
            Optional<Failure> pull = pull(eni.get(), image);
            if (pull.isPresent()) {
                return pull;
            }
        }
        // 3. the awslogs log streams
        for (Map<String, Object> c : containers) {
            Optional<Failure> logs = logs(eni.get(), c, actAsAgent);
            if (logs.isPresent()) {
                return logs;
            }
        }
        return Optional.empty();
    }

    /**
     * Secrets from SSM parameters that do not exist: the agent's GetParameters answers them as invalid, and the
     * task stops with the agent's text (Fargate's, or the EC2 agent's).
     */
    private Optional<Failure> missingSecrets(Task task) {
        List<String> froms = new ArrayList<>();
        for (Map<String, Object> c : ClientDocument.objects(task.spec().taskDefinition().document(), "containerDefinitions")) {
            for (Map<String, Object> secret : ClientDocument.objects(c, "secrets")) {
                ClientDocument.string(secret, "valueFrom").filter(f -> !f.isEmpty() && !f.startsWith("arn:aws:secretsmanager:"))
                        .ifPresent(froms::add);
            }
        }
        List<String> missing = froms.isEmpty() ? List.of() : secretParameters.missing(froms);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(",", missing);
        String reason = "FARGATE".equals(task.spec().launchType())
                ? "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: "
                + "unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: " + names
                : "fetching secret data from SSM Parameter Store in " + network.region() + ": invalid parameters: " + names;
        return Optional.of(new Failure("ssm-parameter", reason, Optional.empty(), "SSM parameter(s) " + String.join(", ", missing)
                + " do not exist in " + network.region() + ": create them (ssm put-parameter) or correct the secrets' valueFrom"));
    }

    private Optional<Failure> pull(Source eni, String image) {
        Matcher ecr = ECR_IMAGE.matcher(image);
        if (ecr.matches()) {
            String registry = ecr.group(1) + ".dkr.ecr." + ecr.group(2) + ".amazonaws.com";
            String repository = ecr.group(3);
            String tag = ecr.group(4) == null ? "latest" : ecr.group(4);
            Optional<Failure> manifest = need(eni, "ecr.dkr", v -> "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                    + registry + "/" + repository + ":" + tag + ": failed to do request: Head \"https://" + registry + "/v2/" + repository + "/manifests/" + tag
                    + "\": dial tcp " + ip("ecr.dkr") + ":443: i/o timeout");
            if (manifest.isPresent()) {
                return manifest;
            }
            String bucket = AwsServiceAddresses.hostname("s3", network.region(), network.accountId());
            return need(eni, "s3", v -> "CannotPullContainerError: ref pull has been retried 5 time(s): failed to copy: httpReadSeeker: failed open: "
                    + "failed to do request: Get \"https://" + bucket + "/\": dial tcp " + ip("s3") + ":443: i/o timeout");
        }
        String registry = image.contains("/") && image.substring(0, image.indexOf('/')).contains(".") ? image.substring(0, image.indexOf('/')) : "registry-1.docker.io";
        Verdict v = analyzer.toPublicAddress(eni, AwsServiceAddresses.PUBLIC_REGISTRY, "tcp", 443, registry, List.of());
        if (v instanceof Verdict.Blocked b) {
            return Optional.of(new Failure("internet", "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                    + image + ": failed to do request: Head \"https://" + registry + "/v2/\": dial tcp " + Ipv4.format(AwsServiceAddresses.PUBLIC_REGISTRY)
                    + ":443: i/o timeout", Optional.of(b), b.reason()));
        }
        return Optional.empty();
    }

    /** With {@code actAsAgent}, a missing group with {@code awslogs-create-group} is created, as the agent does. */
    private Optional<Failure> logs(Source eni, Map<String, Object> container, boolean actAsAgent) {
        Optional<Map<String, Object>> config = ClientDocument.object(container, "logConfiguration");
        if (config.isEmpty() || !"awslogs".equals(ClientDocument.string(config.get(), "logDriver").orElse(""))) {
            return Optional.empty();
        }
        String region = network.region();
        Optional<Failure> path = need(eni, "logs", v -> "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: "
                + "failed to create Cloudwatch log stream: RequestError: send request failed caused by: Post \"https://"
                + AwsServiceAddresses.hostname("logs", region, network.accountId()) + "/\": dial tcp " + ip("logs") + ":443: i/o timeout : exit status 1");
        if (path.isPresent()) {
            return path;
        }
        Map<String, Object> options = ClientDocument.object(config.get(), "options").orElse(Map.of());
        String group = ClientDocument.string(options, "awslogs-group").orElse("");
        if (group.isEmpty() || logGroups.exists(group)) {
            return Optional.empty();
        }
        if ("true".equalsIgnoreCase(ClientDocument.string(options, "awslogs-create-group").orElse(""))) {
            if (actAsAgent) {
                logGroups.create(group);
            }
            return Optional.empty();
        }
        return Optional.of(new Failure("log-group", "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: "
                + "failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1", Optional.empty(),
                "log group " + group + " does not exist in " + network.region() + ": create it, or set awslogs-create-group to true so that the awslogs driver creates it"));
    }

    private Optional<Failure> need(Source eni, String service, java.util.function.Function<Verdict.Blocked, String> reason) {
        Verdict v = analyzer.toAwsService(eni, service);
        if (v instanceof Verdict.Blocked b) {
            return Optional.of(new Failure(service, reason.apply(b), Optional.of(b), b.reason()));
        }
        return Optional.empty();
    }

    private String ip(String service) {
        return Ipv4.format(AwsServiceAddresses.address(service, network.region()));
    }
}
