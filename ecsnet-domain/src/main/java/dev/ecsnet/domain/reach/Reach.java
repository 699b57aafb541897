package dev.ecsnet.domain.reach;

import dev.ecsnet.domain.analysis.Hop;
import dev.ecsnet.domain.analysis.Ipv6PathAnalyzer;
import dev.ecsnet.domain.analysis.PathAnalyzer;
import dev.ecsnet.domain.analysis.Source;
import dev.ecsnet.domain.analysis.Verdict;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.ecs.Service;
import dev.ecsnet.domain.ecs.Task;
import dev.ecsnet.domain.ecs.TaskLifecycle;
import dev.ecsnet.domain.elb.LoadBalancer;
import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.Ipv6Address;
import dev.ecsnet.domain.net.Ipv6Cidr;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.state.RegionState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ecsnet reach SOURCE DEST PORT}: can the one talk to the other, for every pair of network interfaces the two
 * names stand for? A name is an ENI, a task, an ECS service (its running tasks), a load balancer (its nodes), a
 * security group by id or, last, by name (an interface carrying it, placed beside the other end) or, as
 * destination, a public IPv4 or IPv6 CIDR ({@code 0.0.0.0/0}: the internet; {@code ::/0}: the IPv6 internet). Naming
 * the same thing twice asks about two of its members: {@code sg-X sg-X} two interfaces carrying the group, a service
 * to itself two of its tasks, a task to itself that task and another like it. Each answer names the rule that allows
 * the traffic or the first thing that blocks it. Reads only.
 */
public final class Reach {
    private static final int MAX_PAIRS = 100;
    /** A public address that stands for "the internet" when the destination is {@code 0.0.0.0/0}. */
    private static final String INTERNET_SAMPLE = "8.8.8.8";

    /** One end: what the user named it, and the interface it stands for (a placed one for security groups). */
    public record End(String label, Source source) {
    }

    /** The verdict for one pair, with the rules that let it through when it is allowed. */
    public record Answer(String from, String to, Verdict verdict, List<String> allowingRules) {
        public Answer {
            allowingRules = List.copyOf(allowingRules);
        }
    }

    private sealed interface Named permits Interfaces, Group, Address, Ipv6Destination {
    }

    private record Interfaces(List<End> ends) implements Named {
    }

    private record Group(SecurityGroup group) implements Named {
    }

    private record Address(Cidr cidr) implements Named {
    }

    private record Ipv6Destination(Ipv6Cidr cidr) implements Named {
        /** The address the packet goes to: the block's own one for a /128, else the one after it. */
        Ipv6Address address() {
            return cidr.prefixLength() == 128 ? cidr.network() : cidr.addressAt(1);
        }
    }

    private final RegionState state;
    private final Network network;

    public Reach(RegionState state) {
        this.state = state;
        this.network = state.network();
    }

    public List<Answer> reach(String source, String destination, String protocol, int port) {
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw DomainException.invalid("InvalidParameterValue", "protocol must be tcp or udp, not '" + protocol + "'");
        }
        Named from = resolve(source);
        Named to = resolve(destination);
        if (from instanceof Address || from instanceof Ipv6Destination) {
            throw DomainException.invalid("InvalidParameterValue", "a CIDR can only be a destination; start from a service, task, load balancer, ENI or security group");
        }
        PathAnalyzer analyzer = new PathAnalyzer(network);
        Ipv6PathAnalyzer ipv6 = new Ipv6PathAnalyzer(network);
        List<Answer> answers = new ArrayList<>();
        List<End[]> pairs = source.equals(destination) ? samePairs(from) : pairs(from, to);
        for (End[] pair : pairs) {
            End s = pair[0];
            if (to instanceof Address a) {
                boolean internet = a.cidr().prefixLength() == 0;
                int ip = internet ? (int) Ipv4.parse(INTERNET_SAMPLE) : a.cidr().prefixLength() == 32 ? a.cidr().network() : a.cidr().addressAt(1);
                String label = internet ? "the internet (" + destination + ")" : destination;
                answers.add(answer(s.label(), label, analyzer.toPublicAddress(s.source(), ip, protocol, port, label, List.of())));
            } else if (to instanceof Ipv6Destination d) {
                answers.add(answer(s.label(), destination, ipv6.toIpv6Address(s.source(), d.address(), protocol, port, destination)));
            } else if (!pair[1].source().id().equals(s.source().id())) {
                answers.add(answer(s.label(), pair[1].label(), analyzer.toInterface(s.source(), pair[1].source(), protocol, port, List.of())));
            }
            if (answers.size() >= MAX_PAIRS) {
                break;
            }
        }
        if (answers.isEmpty()) {
            throw DomainException.invalid("InvalidParameterValue", "no pair of network interfaces to analyze between '" + source + "' and '" + destination + "'");
        }
        return answers;
    }

    /**
     * Two members of one thing: two interfaces carrying a group (in the first subnet of its VPC), two distinct tasks
     * of a service, or, when there is only one, it and a twin beside it (same subnet and groups).
     */
    private List<End[]> samePairs(Named named) {
        List<End[]> pairs = new ArrayList<>();
        if (named instanceof Group g) {
            End one = beside(g.group(), firstSubnet(g.group()));
            pairs.add(new End[] {one, twin(one, "another interface carrying " + g.group().id())});
        } else if (named instanceof Interfaces i && i.ends().size() == 1) {
            End one = i.ends().get(0);
            pairs.add(new End[] {one, twin(one, "another interface like it in " + one.source().subnetId())});
        } else if (named instanceof Interfaces i) {
            i.ends().forEach(a -> i.ends().stream().filter(b -> !b.source().id().equals(a.source().id())).forEach(b -> pairs.add(new End[] {a, b})));
        } else {
            throw DomainException.invalid("InvalidParameterValue", "a CIDR can only be a destination");
        }
        return pairs;
    }

    /** A second interface beside {@code one}: same subnet and groups, another address. */
    private End twin(End one, String label) {
        Source s = one.source();
        Cidr cidr = network.subnet(s.subnetId()).cidr();
        int ip = s.ip() == cidr.addressAt(4) ? cidr.addressAt(5) : cidr.addressAt(4);
        return new End(label, new Source("twin:" + s.id(), s.subnetId(), s.vpcId(), s.zone(), s.groupIds(), ip, false, List.of()));
    }

    /**
     * The pairs to analyze: every interface of one end with every interface of the other; a security group is
     * placed beside each interface of the other end (same subnet, so the verdict is about the groups), and two
     * groups meet in the first subnet of their VPC.
     */
    private List<End[]> pairs(Named from, Named to) {
        List<End[]> pairs = new ArrayList<>();
        if (from instanceof Interfaces f && to instanceof Interfaces t) {
            f.ends().forEach(s -> t.ends().forEach(d -> pairs.add(new End[] {s, d})));
        } else if (from instanceof Group g && to instanceof Interfaces t) {
            t.ends().forEach(d -> pairs.add(new End[] {beside(g.group(), d.source().subnetId()), d}));
        } else if (from instanceof Interfaces f && to instanceof Group g) {
            f.ends().forEach(s -> pairs.add(new End[] {s, beside(g.group(), s.source().subnetId())}));
        } else if (from instanceof Group a && to instanceof Group b) {
            String subnet = firstSubnet(a.group());
            pairs.add(new End[] {beside(a.group(), subnet), beside(b.group(), subnet)});
        } else if (from instanceof Interfaces f) {
            f.ends().forEach(s -> pairs.add(new End[] {s, null}));
        } else if (from instanceof Group g) {
            pairs.add(new End[] {beside(g.group(), firstSubnet(g.group())), null});
        }
        return pairs;
    }

    private End beside(SecurityGroup group, String subnetId) {
        Subnet s = network.subnet(subnetId);
        if (!s.vpcId().equals(group.vpcId())) {
            throw DomainException.invalid("InvalidParameterValue", "security group " + group.id() + " is in " + group.vpcId() + ", not in " + s.vpcId());
        }
        return new End("an interface in " + s.id() + " carrying " + group.id() + " (" + group.name() + ")",
                Source.planned("sg:" + group.id() + "@" + s.id(), s, List.of(group.id()), false));
    }

    private String firstSubnet(SecurityGroup group) {
        return network.subnets().stream().filter(s -> s.vpcId().equals(group.vpcId())).map(Subnet::id).findFirst()
                .orElseThrow(() -> DomainException.invalid("InvalidParameterValue", "security group " + group.id() + " is in a VPC without subnets"));
    }

    private static Answer answer(String from, String to, Verdict v) {
        List<String> rules = v.reachable() ? v.path().stream().filter(h -> h.kind().equals("security-group-rule")).map(Hop::detail).toList() : List.of();
        return new Answer(from, to, v, rules);
    }

    private Named resolve(String ref) {
        if (ref.startsWith("eni-")) {
            return new Interfaces(List.of(new End(ref, Source.of(network.networkInterface(ref)))));
        }
        if (ref.contains("/") && ref.contains(":") && !ref.startsWith("arn:")) {
            Ipv6Cidr cidr = Ipv6Cidr.parse(ref).orElseThrow(() -> DomainException.invalid("InvalidParameterValue", "'" + ref + "' is not a CIDR block"));
            boolean inside = network.vpcs().stream().flatMap(v -> v.ipv6CidrBlocks().stream()).anyMatch(b -> b.cidr().contains(cidr));
            if (inside) {
                throw DomainException.invalid("InvalidParameterValue", "CIDR " + ref + " is inside a VPC; name the service, task, ENI or security group there instead");
            }
            return new Ipv6Destination(cidr);
        }
        if (ref.contains("/") && !ref.startsWith("arn:")) {
            Cidr cidr = Cidr.parse(ref).orElseThrow(() -> DomainException.invalid("InvalidParameterValue", "'" + ref + "' is not a CIDR block"));
            boolean inside = cidr.prefixLength() > 0 && network.vpcs().stream().flatMap(v -> v.associatedCidrs().stream()).anyMatch(c -> c.overlaps(cidr));
            if (inside) {
                throw DomainException.invalid("InvalidParameterValue", "CIDR " + ref + " is inside a VPC; name the service, task, ENI or security group there instead");
            }
            return new Address(cidr);
        }
        if (ref.startsWith("sg-") && network.findSecurityGroup(ref).isPresent()) {
            return new Group(network.securityGroup(ref));
        }
        Optional<LoadBalancer> lb = ref.startsWith("arn:aws:elasticloadbalancing:") ? state.elb().findLoadBalancer(ref) : state.elb().findLoadBalancerByName(ref);
        if (lb.isPresent()) {
            List<End> ends = lb.get().nodes().stream().map(n -> network.findNetworkInterface(n.networkInterfaceId()))
                    .flatMap(Optional::stream).map(n -> new End("load balancer " + lb.get().name() + " node " + n.privateIpAddress() + " (" + n.id() + ")", Source.of(n)))
                    .toList();
            return new Interfaces(ends);
        }
        for (var cluster : state.ecs().clusters()) {
            Optional<Task> task = state.ecs().findTask(cluster, ref);
            if (task.isPresent()) {
                return new Interfaces(taskEnds(List.of(task.get()), ref));
            }
        }
        Optional<Service> service = state.ecs().services().findAnywhere(ref);
        if (service.isPresent()) {
            Service s = service.get();
            List<Task> running = state.ecs().tasksOf(s.cluster()).stream()
                    .filter(t -> t.spec().group().equals(s.group()) && t.lastStatus() != TaskLifecycle.STOPPED).toList();
            List<End> ends = taskEnds(running, "service " + s.name());
            if (ends.isEmpty()) {
                throw DomainException.invalid("InvalidParameterValue", "service " + s.name() + " has no task with a network interface yet");
            }
            return new Interfaces(ends);
        }
        // a security group by name comes last, so that a service or load balancer of the same name wins
        Optional<SecurityGroup> byName = network.securityGroups().stream().filter(g -> g.name().equals(ref)).findFirst();
        if (byName.isPresent()) {
            return new Group(byName.get());
        }
        throw DomainException.notFound("NotFound", "no service, task, load balancer, network interface or security group is named '" + ref + "'");
    }

    private List<End> taskEnds(List<Task> tasks, String what) {
        List<End> ends = new ArrayList<>();
        for (Task t : tasks) {
            t.networkInterfaceId().flatMap(network::findNetworkInterface).ifPresent(n -> ends.add(new End(
                    (what.startsWith("service ") ? what + " task " : "task ") + t.id() + " (" + n.privateIpAddress() + ")", Source.of(n))));
        }
        if (ends.isEmpty() && !what.startsWith("service ")) {
            throw DomainException.invalid("InvalidParameterValue", what + " has no network interface (not awsvpc, or not attached yet, or stopped)");
        }
        return ends;
    }
}
