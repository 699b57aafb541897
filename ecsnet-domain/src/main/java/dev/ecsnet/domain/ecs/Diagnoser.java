package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.analysis.Verdict;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.RouteTable;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says in plain words what keeps a task (or every task of a cluster) from running, naming the exact resource and
 * the fix: a subnet out of addresses, a missing route, endpoint or rule, a missing log group. It reads the current
 * state and changes nothing; a task that failed earlier is judged against the network as it is now, so a fix shows
 * up at once.
 */
public final class Diagnoser {
    /** One thing found: {@code BLOCKED} with the resource to change, or {@code OK}. */
    public record Finding(String subject, String status, String resource, String message) {
    }

    /** The answer for one target: what it was ({@code task} or {@code cluster}) and the findings. */
    public record Report(String target, String kind, List<Finding> findings) {
        public Report {
            findings = List.copyOf(findings);
        }
    }

    static final String BLOCKED = "BLOCKED";
    /** A task that runs only because egress is not enforced ({@code --egress ignore}): AWS would stop it. */
    static final String WARNING = "WARNING";
    static final String OK = "OK";

    private final Ecs ecs;
    private final Network network;
    private final TaskEgress egress;

    Diagnoser(Ecs ecs, Network network, TaskEgress egress) {
        this.ecs = ecs;
        this.network = network;
        this.egress = egress;
    }

    /** A task by ARN or id (in any cluster), else a cluster by name or ARN. */
    public Report diagnose(String target) {
        for (Cluster c : ecs.clusters()) {
            Optional<Task> task = ecs.findTask(c, target);
            if (task.isPresent()) {
                return new Report(target, "task", task(task.get()));
            }
        }
        if (target.startsWith("arn:") && target.contains(":service/")) {
            Optional<Service> service = ecs.services().findAnywhere(target);
            if (service.isPresent()) {
                return new Report(target, "service", new ServiceDiagnosis(network, this::task).findings(service.get(), ecs.services().desiredCount(service.get())));
            }
        }
        Optional<Cluster> cluster = ecs.findCluster(target);
        if (cluster.isPresent()) {
            return new Report(target, "cluster", cluster(cluster.get()));
        }
        Optional<Service> service = ecs.services().findAnywhere(target);
        if (service.isPresent()) {
            return new Report(target, "service", new ServiceDiagnosis(network, this::task).findings(service.get(), ecs.services().desiredCount(service.get())));
        }
        throw DomainException.notFound("NotFound", "no task, cluster or service is named '" + target + "'");
    }

    private List<Finding> cluster(Cluster cluster) {
        Map<String, List<Task>> tasksByMessage = new LinkedHashMap<>();
        Map<String, Finding> firstByMessage = new LinkedHashMap<>();
        int ok = 0;
        for (Task t : ecs.tasksOf(cluster)) {
            for (Finding f : task(t)) {
                if (f.status().equals(OK)) {
                    // stopped tasks that nothing blocked (stopped on purpose) are not counted
                    ok += t.lastStatus() == TaskLifecycle.STOPPED ? 0 : 1;
                    continue;
                }
                tasksByMessage.computeIfAbsent(f.message(), k -> new ArrayList<>()).add(t);
                firstByMessage.putIfAbsent(f.message(), f);
            }
        }
        List<Finding> out = new ArrayList<>();
        tasksByMessage.forEach((message, tasks) -> {
            Finding first = firstByMessage.get(message);
            out.add(new Finding(subject(tasks), first.status(), first.resource(), message));
        });
        if (out.isEmpty()) {
            out.add(new Finding("cluster " + cluster.name(), OK, cluster.arn(), ok + " live task(s), nothing blocks them"));
        }
        return out;
    }

    /** "task ID", or "N tasks (K stopped): ID, ID, ID, ..." so that stopped tasks are not counted as live ones. */
    private static String subject(List<Task> tasks) {
        if (tasks.size() == 1) {
            return "task " + tasks.get(0).id();
        }
        long stopped = tasks.stream().filter(t -> t.lastStatus() == TaskLifecycle.STOPPED).count();
        String ids = String.join(", ", tasks.subList(0, Math.min(3, tasks.size())).stream().map(Task::id).toList())
                + (tasks.size() > 3 ? ", ..." : "");
        return tasks.size() + " tasks (" + (stopped == tasks.size() ? "all stopped" : stopped + " stopped") + ": " + ids + ")";
    }

    List<Finding> task(Task t) {
        List<Finding> out = new ArrayList<>();
        String subject = "task " + t.id();
        String reason = t.stoppedReason().orElse("");
        if (reason.contains("InsufficientFreeAddressesInSubnet")) {
            network.findSubnet(t.spec().subnetId()).ifPresent(s -> out.add(new Finding(subject, BLOCKED, s.id(), exhausted(s))));
        }
        new WaitingDiagnosis(ecs).explain(t).ifPresent(out::add);
        boolean live = t.lastStatus() != TaskLifecycle.STOPPED && !t.isStopRequested();
        egress.unmetNeed(t, false).ifPresent(f -> out.add(live && t.lastStatus() == TaskLifecycle.RUNNING
                ? new Finding(subject, WARNING, resource(f), "RUNNING here; AWS would stop it: " + explain(t, f))
                : new Finding(subject, BLOCKED, resource(f), explain(t, f))));
        if (out.isEmpty()) {
            String state = t.lastStatus().name();
            String how = t.lastStatus() == TaskLifecycle.STOPPED ? "stopped: " + reason
                    : state + (t.privateIpv4Address().map(ip -> ", " + ip + " in " + t.spec().subnetId()).orElse(""));
            out.add(new Finding(subject, OK, t.arn(), "nothing blocks it (" + how + ")"));
        }
        return out;
    }

    private String exhausted(Subnet s) {
        long failed = ecs.clusters().stream().flatMap(c -> ecs.tasksOf(c).stream())
                .filter(x -> s.id().equals(x.spec().subnetId()) && x.stoppedReason().orElse("").contains("InsufficientFreeAddressesInSubnet"))
                .count();
        long holding = network.networkInterfaces().stream().filter(n -> n.subnetId().equals(s.id())).count();
        return "subnet " + s.id() + " has " + s.assignableIpAddressCount() + " free addresses (a /" + s.cidr().prefixLength() + " holds "
                + (s.cidr().size() - 5) + "; " + holding + " held by ENIs" + reserved(s) + "); " + failed + " task(s) could not get one: "
                + "use a larger subnet, spread tasks over more subnets, or stop some" + secondaryCidrFix(network, s);
    }

    /** The reserved-but-unused addresses, when subnet CIDR reservations keep some free ones out of reach. */
    static String reserved(Subnet s) {
        int kept = s.availableIpAddressCount() - s.assignableIpAddressCount();
        return kept > 0 ? "; " + kept + " more free but in subnet CIDR reservations" : "";
    }

    /**
     * AWS's standard fix when a VPC's subnets are full: a secondary CIDR block and a subnet in it, with the block
     * AssociateVpcCidrBlock would take now.
     */
    static String secondaryCidrFix(Network network, Subnet s) {
        return network.findVpc(s.vpcId()).flatMap(v -> network.cidrs().suggestSecondaryCidr(v))
                .map(c -> "; or give the VPC more addresses: aws ec2 associate-vpc-cidr-block --vpc-id " + s.vpcId() + " --cidr-block " + c
                        + ", then create a subnet in it (aws ec2 create-subnet --vpc-id " + s.vpcId() + " --cidr-block "
                        + new dev.ecsnet.domain.net.Cidr(c.network(), Math.max(c.prefixLength(), Math.min(24, s.cidr().prefixLength()))) + ") and add it to the tasks' subnets")
                .orElse("");
    }

    private static String resource(TaskEgress.Failure f) {
        return f.verdict().map(Verdict.Blocked::componentId).orElse(f.need());
    }

    private String explain(Task t, TaskEgress.Failure f) {
        String consequence = switch (f.need()) {
            case "ecr.api" -> "the registry auth cannot be fetched, so the image cannot be pulled";
            case "ecr.dkr" -> "the image cannot be pulled";
            case "s3" -> "the image layers (in S3) cannot be downloaded";
            case "logs" -> "the awslogs driver cannot create its log stream";
            case "secretsmanager", "ssm" -> "the task's secrets cannot be fetched";
            case "internet" -> "the image cannot be pulled from its public registry";
            default -> "";
        };
        if (f.verdict().isEmpty()) {
            return f.detail();
        }
        Verdict.Blocked b = f.verdict().get();
        Optional<Subnet> subnet = network.findSubnet(t.spec().subnetId());
        if (b.explanationCode().equals("NO_ROUTE_TO_DESTINATION") && subnet.isPresent()
                && b.componentId().equals(network.routeTables().forSubnet(subnet.get()).id())) {
            RouteTable rt = network.routeTables().forSubnet(subnet.get());
            String alternative = switch (f.need()) {
                case "s3" -> " and no S3 gateway endpoint route";
                case "internet" -> "";
                default -> " and the VPC has no " + f.need() + " endpoint";
            };
            return "route table " + rt.id() + " of " + subnet.get().id() + " has no route to a NAT gateway or internet gateway" + alternative
                    + ": " + consequence;
        }
        return b.reason() + ": " + consequence;
    }
}
