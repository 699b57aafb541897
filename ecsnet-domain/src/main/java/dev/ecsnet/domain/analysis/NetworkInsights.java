package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.InternetGateway;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.NatGateway;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.VpcEndpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EC2 Reachability Analyzer of one region: paths between network resources, and analyses that run them through the
 * {@link PathAnalyzer}. An analysis starts {@code running} and, one provisioning step later on the clock,
 * {@code succeeded} with the verdict the network gives at that moment.
 */
public final class NetworkInsights {
    /** Timer kind: a running analysis (key: its id) runs its path. */
    private static final String ANALYZED = "ec2.insights-analysis.analyzed";

    private final Network network;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final TimingProfile timing;
    private final Map<String, InsightsPath> paths = new LinkedHashMap<>();
    private final Map<String, InsightsAnalysis> analyses = new LinkedHashMap<>();

    /** A path to analyze: source and destination resource ids, protocol, optional port and addresses. */
    public record InsightsPath(String id, String arn, Instant createdDate, String source, Optional<String> destination,
                               Optional<String> sourceIp, Optional<String> destinationIp, String protocol, Optional<Integer> destinationPort,
                               Map<String, String> tags) {
    }

    /** One run of a path; {@code verdict} is empty while running. */
    public static final class InsightsAnalysis {
        private final String id;
        private final String arn;
        private final String pathId;
        private final Instant startDate;
        private final Map<String, String> tags;
        private String status = "running";
        private Verdict verdict;

        InsightsAnalysis(String id, String arn, String pathId, Instant startDate, Map<String, String> tags) {
            this.id = id;
            this.arn = arn;
            this.pathId = pathId;
            this.startDate = startDate;
            this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        public String id() {
            return id;
        }

        public String arn() {
            return arn;
        }

        public String pathId() {
            return pathId;
        }

        public Instant startDate() {
            return startDate;
        }

        public String status() {
            return status;
        }

        public Optional<Verdict> verdict() {
            return Optional.ofNullable(verdict);
        }

        public Map<String, String> tags() {
            return tags;
        }
    }

    public NetworkInsights(Network network, IdSource ids, Clock clock, Timers timers, TimingProfile timing) {
        this.network = network;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.timing = timing;
        timers.on(ANALYZED, (id, args) -> Optional.ofNullable(analyses.get(id)).ifPresent(a -> {
            InsightsPath p = paths.get(a.pathId());
            a.verdict = p != null ? analyze(p) : new Verdict.Blocked("NO_POSSIBLE_DESTINATION", "path", a.pathId(), "path deleted", List.of());
            a.status = "succeeded";
        }));
    }

    public Collection<InsightsPath> paths() {
        return paths.values();
    }

    public Collection<InsightsAnalysis> analyses() {
        return analyses.values();
    }

    public InsightsPath path(String id) {
        InsightsPath p = paths.get(id);
        if (p == null) {
            throw DomainException.notFound("InvalidNetworkInsightsPathId.NotFound", "The NetworkInsightsPath Id '" + id + "' does not exist");
        }
        return p;
    }

    public InsightsAnalysis analysis(String id) {
        InsightsAnalysis a = analyses.get(id);
        if (a == null) {
            throw DomainException.notFound("InvalidNetworkInsightsAnalysisId.NotFound", "The NetworkInsightsAnalysis Id '" + id + "' does not exist");
        }
        return a;
    }

    public InsightsPath createPath(String source, String destination, String sourceIp, String destinationIp, String protocol,
                                   Integer destinationPort, Map<String, String> tags) {
        if (!"tcp".equals(protocol) && !"udp".equals(protocol)) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + protocol + ") for parameter protocol is invalid. Valid values: tcp, udp.");
        }
        requireSupported(source, "source");
        if (destination != null) {
            requireSupported(destination, "destination");
        } else if (destinationIp == null) {
            throw DomainException.invalid("InvalidParameterValue", "Either destination or destinationIp must be specified.");
        }
        if (destinationPort != null && (destinationPort < 0 || destinationPort > 65535)) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + destinationPort + ") for parameter destinationPort is invalid.");
        }
        for (String ip : new String[] {sourceIp, destinationIp}) {
            if (ip != null && Ipv4.parse(ip) < 0) {
                throw DomainException.invalid("InvalidParameterValue", "Value (" + ip + ") is not a valid IPv4 address.");
            }
        }
        network.gate().open();
        String id = ids.resourceId("nip");
        InsightsPath p = new InsightsPath(id, "arn:aws:ec2:" + network.region() + ":" + network.accountId() + ":network-insights-path/" + id,
                clock.now(), source, Optional.ofNullable(destination), Optional.ofNullable(sourceIp), Optional.ofNullable(destinationIp),
                protocol, Optional.ofNullable(destinationPort), Collections.unmodifiableMap(new LinkedHashMap<>(tags)));
        paths.put(id, p);
        return p;
    }

    private void requireSupported(String id, String role) {
        String prefix = id.contains("-") ? id.substring(0, id.lastIndexOf('-')) : id;
        switch (prefix) {
            case "eni" -> network.networkInterface(id);
            case "igw" -> network.gateways().internetGateway(id);
            case "nat" -> network.gateways().natGateway(id);
            case "vpce" -> network.endpoints().endpoint(id);
            default -> throw DomainException.invalid("InvalidParameterValue", "ecsnet analyzes paths between network interfaces, internet gateways, "
                    + "NAT gateways and VPC endpoints; " + role + " '" + id + "' is not one of them.");
        }
    }

    public void deletePath(String id) {
        path(id);
        if (analyses.values().stream().anyMatch(a -> a.pathId().equals(id))) {
            throw DomainException.dependency("DependencyViolation", "Network Insights Path " + id + " has dependent analyses. Delete the analyses first.");
        }
        network.gate().open();
        paths.remove(id);
    }

    public void deleteAnalysis(String id) {
        analysis(id);
        network.gate().open();
        analyses.remove(id);
    }

    public InsightsAnalysis start(String pathId, Map<String, String> tags) {
        InsightsPath p = path(pathId);
        network.gate().open();
        String id = ids.resourceId("nia");
        InsightsAnalysis a = new InsightsAnalysis(id, "arn:aws:ec2:" + network.region() + ":" + network.accountId()
                + ":network-insights-analysis/" + id, p.id(), clock.now(), tags);
        analyses.put(id, a);
        timers.schedule(timing.provisioning(), ANALYZED, id);
        return a;
    }

    /** Runs a path now. A resource deleted since the path was created ends the analysis at that resource. */
    Verdict analyze(InsightsPath p) {
        PathAnalyzer analyzer = new PathAnalyzer(network);
        int port = p.destinationPort().orElse(443);
        Optional<Source> src = endpointOf(p.source());
        if (src.isEmpty()) {
            if (p.source().startsWith("igw-") && p.destination().isPresent()) {
                return fromInternet(p, port);
            }
            return new Verdict.Blocked("UNKNOWN_COMPONENT", "network-interface", p.source(), "source " + p.source() + " no longer exists", List.of());
        }
        if (p.destination().isEmpty()) {
            int ip = (int) Ipv4.parse(p.destinationIp().orElseThrow());
            return analyzer.toPublicAddress(src.get(), ip, p.protocol(), port, p.destinationIp().get(), List.of());
        }
        String dest = p.destination().get();
        if (dest.startsWith("igw-")) {
            int ip = (int) Ipv4.parse(p.destinationIp().orElse("8.8.8.8"));
            Verdict v = analyzer.toPublicAddress(src.get(), ip, p.protocol(), port, "the internet via " + dest, List.of());
            if (v.reachable() && v.path().stream().noneMatch(h -> h.id().equals(dest))) {
                return new Verdict.Blocked("NO_ROUTE_TO_DESTINATION", "internet-gateway", dest, "the traffic leaves through "
                        + v.path().stream().filter(h -> h.kind().equals("internet-gateway")).map(Hop::id).findFirst().orElse("another way")
                        + ", not " + dest, v.path());
            }
            return v;
        }
        Optional<Source> dst = endpointOf(dest);
        if (dst.isEmpty()) {
            return new Verdict.Blocked("UNKNOWN_COMPONENT", "network-interface", dest, "destination " + dest + " no longer exists", List.of());
        }
        return analyzer.toInterface(src.get(), dst.get(), p.protocol(), port, List.of());
    }

    /** Inbound from the internet through an internet gateway to an ENI: it needs a public IP and an open door. */
    private Verdict fromInternet(InsightsPath p, int port) {
        InternetGateway igw = network.gateways().internetGateway(p.source());
        Optional<Source> dst = endpointOf(p.destination().get());
        List<Hop> path = new ArrayList<>(List.of(new Hop("internet-gateway", igw.id(), "from the internet")));
        if (dst.isEmpty()) {
            return new Verdict.Blocked("UNKNOWN_COMPONENT", "network-interface", p.destination().get(), "destination no longer exists", path);
        }
        Source d = dst.get();
        if (!d.vpcId().equals(igw.attachedVpcId())) {
            return new Verdict.Blocked("BAD_STATE_ATTACHMENT", "internet-gateway", igw.id(), "internet gateway " + igw.id() + " is not attached to " + d.vpcId(), path);
        }
        if (!d.hasPublicIp()) {
            return new Verdict.Blocked("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", "internet-gateway", igw.id(), d.id()
                    + " has no public IP address, so nothing from the internet can reach it through " + igw.id(), path);
        }
        int from = (int) Ipv4.parse(p.sourceIp().orElse("203.0.113.10"));
        Optional<dev.ecsnet.domain.net.SecurityGroupRule> rule = new SecurityGroupEvaluator(network).ingress(d.groupIds(), new Traffic(p.protocol(), port, from, List.of()));
        if (rule.isEmpty()) {
            return new Verdict.Blocked("ENI_SG_RULES_MISMATCH", "network-interface", d.id(), "security group(s) " + String.join(", ", d.groupIds())
                    + " of " + d.id() + " admit nothing on " + p.protocol() + " " + port + " from " + Ipv4.format(from), path);
        }
        path.add(new Hop("security-group-rule", rule.get().ruleId(), SecurityGroupEvaluator.describe(rule.get())));
        path.add(new Hop("network-interface", d.id(), d.address() + " in " + d.subnetId()));
        return new Verdict.Reachable(path);
    }

    private Optional<Source> endpointOf(String id) {
        if (id.startsWith("eni-")) {
            return network.findNetworkInterface(id).map(Source::of);
        }
        if (id.startsWith("nat-")) {
            return network.gateways().natGateways().stream().filter(n -> n.id().equals(id) && !n.isGone())
                    .map(NatGateway::networkInterfaceId).findFirst().flatMap(network::findNetworkInterface).map(Source::of);
        }
        if (id.startsWith("vpce-")) {
            return network.endpoints().all().stream().filter(e -> e.id().equals(id)).map(VpcEndpoint::networkInterfaceIds)
                    .flatMap(List::stream).findFirst().flatMap(network::findNetworkInterface).map(Source::of);
        }
        return Optional.<NetworkInterface>empty().map(Source::of);
    }

    /** Paths and analyses as plain records, in creation order, verdicts included. */
    public NetworkInsightsRecord export() {
        List<NetworkInsightsRecord.PathRecord> pathRecords = paths.values().stream().map(p -> new NetworkInsightsRecord.PathRecord(p.id(),
                p.arn(), p.createdDate(), p.source(), p.destination().orElse(null), p.sourceIp().orElse(null), p.destinationIp().orElse(null),
                p.protocol(), p.destinationPort().orElse(null), new LinkedHashMap<>(p.tags()))).toList();
        List<NetworkInsightsRecord.AnalysisRecord> analysisRecords = analyses.values().stream().map(a -> new NetworkInsightsRecord.AnalysisRecord(
                a.id(), a.arn(), a.pathId(), a.startDate(), new LinkedHashMap<>(a.tags()), a.status(),
                a.verdict().map(NetworkInsights::export).orElse(null))).toList();
        return new NetworkInsightsRecord(pathRecords, analysisRecords);
    }

    private static NetworkInsightsRecord.VerdictRecord export(Verdict v) {
        List<NetworkInsightsRecord.HopRecord> hops = v.path().stream().map(h -> new NetworkInsightsRecord.HopRecord(h.kind(), h.id(), h.detail()))
                .toList();
        return v instanceof Verdict.Blocked b
                ? new NetworkInsightsRecord.VerdictRecord(false, b.explanationCode(), b.componentKind(), b.componentId(), b.reason(), hops)
                : new NetworkInsightsRecord.VerdictRecord(true, null, null, null, null, hops);
    }

    /**
     * On an aggregate just built (after the network it reads), the recorded paths and analyses as they were. A
     * running analysis stays running: its pending timer is the engine's.
     */
    public void restore(NetworkInsightsRecord record) {
        paths.clear();
        analyses.clear();
        for (NetworkInsightsRecord.PathRecord r : record.paths()) {
            paths.put(r.id(), new InsightsPath(r.id(), r.arn(), r.createdDate(), r.source(), Optional.ofNullable(r.destination()),
                    Optional.ofNullable(r.sourceIp()), Optional.ofNullable(r.destinationIp()), r.protocol(),
                    Optional.ofNullable(r.destinationPort()), Map.copyOf(r.tags())));
        }
        for (NetworkInsightsRecord.AnalysisRecord r : record.analyses()) {
            InsightsAnalysis a = new InsightsAnalysis(r.id(), r.arn(), r.pathId(), r.startDate(), r.tags());
            a.status = r.status();
            a.verdict = r.verdict() == null ? null : verdict(r.verdict());
            analyses.put(r.id(), a);
        }
    }

    private static Verdict verdict(NetworkInsightsRecord.VerdictRecord r) {
        List<Hop> hops = r.path().stream().map(h -> new Hop(h.kind(), h.id(), h.detail())).toList();
        return r.reachable() ? new Verdict.Reachable(hops)
                : new Verdict.Blocked(r.explanationCode(), r.componentKind(), r.componentId(), r.reason(), hops);
    }
}
