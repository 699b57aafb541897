package dev.ecsnet.domain.ecs;

import java.util.Optional;

/** One container of a task, as DescribeTasks shows it. */
public final class TaskContainer {
    private final String arn;
    private final ContainerDefinition definition;
    private String lastStatus = "PENDING";
    private Integer exitCode;
    private String runtimeId;

    TaskContainer(String arn, ContainerDefinition definition) {
        this.arn = arn;
        this.definition = definition;
    }

    public String arn() {
        return arn;
    }

    public ContainerDefinition definition() {
        return definition;
    }

    public String lastStatus() {
        return lastStatus;
    }

    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    public Optional<String> runtimeId() {
        return Optional.ofNullable(runtimeId);
    }

    void started(String runtimeId) {
        this.lastStatus = "RUNNING";
        this.runtimeId = runtimeId;
    }

    /** A container that ran exits with 0 on a graceful stop; one that never started has no exit code. */
    void stopped() {
        if ("RUNNING".equals(lastStatus)) {
            exitCode = 0;
        }
        lastStatus = "STOPPED";
    }

    void restore(String lastStatus, Integer exitCode, String runtimeId) {
        this.lastStatus = lastStatus;
        this.exitCode = exitCode;
        this.runtimeId = runtimeId;
    }
}
