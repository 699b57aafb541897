package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code ecsnet diagnose SERVICE}: why a service runs fewer tasks than it wants. Its subnets all out of addresses,
 * no container instance that fits (the scheduler's latest placement event), targets failing their health checks,
 * or whatever stopped its latest failed task (egress, log group, ...). Reads only.
 */
final class ServiceDiagnosis {
    private final Network network;
    private final Function<Task, List<Diagnoser.Finding>> taskFindings;

    ServiceDiagnosis(Network network, Function<Task, List<Diagnoser.Finding>> taskFindings) {
        this.network = network;
        this.taskFindings = taskFindings;
    }

    /** {@code desired}: the tasks the service wants (for a DAEMON service, one per instance it runs on). */
    List<Diagnoser.Finding> findings(Service s, int desired) {
        String subject = "service " + s.name();
        List<Diagnoser.Finding> out = new ArrayList<>();
        if (s.status().equals(Service.INACTIVE)) {
            out.add(new Diagnoser.Finding(subject, Diagnoser.OK, s.arn(), "the service is INACTIVE (deleted)"));
            return out;
        }
        long running = s.tasks.values().stream()
                .filter(t -> t.lastStatus() == TaskLifecycle.RUNNING && !t.isStopRequested()).count();
        long waiting = Math.max(0, desired - running);
        if (waiting > 0) {
            addressFindings(s, subject, waiting, out);
            latestEvent(s, "was unable to place a task").ifPresent(e -> out.add(new Diagnoser.Finding(subject, Diagnoser.BLOCKED,
                    s.cluster().arn(), e + " " + waiting + " task(s) wait: add container instances that fit, or change the "
                    + "task definition or placement constraints")));
            if (out.isEmpty()) {
                lastFailed(s).ifPresent(t -> taskFindings.apply(t).stream().filter(f -> f.status().equals(Diagnoser.BLOCKED))
                        .forEach(out::add));
            }
        }
        if (!s.config().loadBalancers().isEmpty()) {
            latestEvent(s, "is unhealthy in (target-group").filter(e -> !s.isSteady()).ifPresent(e -> out.add(new Diagnoser.Finding(
                    subject, Diagnoser.BLOCKED, s.config().loadBalancers().get(0).targetGroupArn().orElse(""),
                    e + " The load balancer cannot reach the task: check that the task's security groups admit the "
                            + "load balancer's on the container port, and the health check path")));
        }
        if (out.isEmpty()) {
            out.add(new Diagnoser.Finding(subject, Diagnoser.OK, s.arn(), running + " of " + desired + " task(s) running"
                    + (s.isSteady() ? ", steady" : "")));
        }
        return out;
    }

    private void addressFindings(Service s, String subject, long waiting, List<Diagnoser.Finding> out) {
        if (s.config().network().isEmpty() || !s.config().isFargate()) {
            return;
        }
        List<Subnet> subnets = s.config().network().get().subnets().stream().map(network::findSubnet).flatMap(Optional::stream).toList();
        if (subnets.isEmpty() || subnets.stream().anyMatch(x -> x.assignableIpAddressCount() > 0)) {
            return;
        }
        for (Subnet x : subnets) {
            out.add(new Diagnoser.Finding(subject, Diagnoser.BLOCKED, x.id(), "subnet " + x.id() + " has " + x.assignableIpAddressCount()
                    + " free addresses (a /" + x.cidr().prefixLength() + " holds " + (x.cidr().size() - 5) + Diagnoser.reserved(x) + "); " + waiting
                    + " tasks wait: add a subnet with free addresses to the service (UpdateService networkConfiguration), "
                    + "use a larger subnet, or stop some tasks" + Diagnoser.secondaryCidrFix(network, x)));
        }
    }

    private static Optional<String> latestEvent(Service s, String containing) {
        // events are newest first; only a condition not followed by a steady state still holds
        for (ServiceEvent e : s.events()) {
            if (e.message().endsWith("has reached a steady state.")) {
                return Optional.empty();
            }
            if (e.message().contains(containing)) {
                return Optional.of(e.message());
            }
        }
        return Optional.empty();
    }

    private static Optional<Task> lastFailed(Service s) {
        Task last = null;
        for (Task t : s.tasks.values()) {
            if (t.stopCode().filter("TaskFailedToStart"::equals).isPresent()) {
                last = t;
            }
        }
        return Optional.ofNullable(last);
    }
}
