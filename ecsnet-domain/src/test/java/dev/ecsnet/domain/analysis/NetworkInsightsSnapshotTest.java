package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.IpPermission;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.Vpc;
import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reachability Analyzer restored from its snapshot record: paths and analyses (verdicts found, and one still running
 * with its timer pending) answer, finish and number the next analyses as the original does.
 */
class NetworkInsightsSnapshotTest {

    /** Paths and analyses as DescribeNetworkInsightsPaths and DescribeNetworkInsightsAnalyses show them. */
    private static List<Object> view(NetworkInsights insights) {
        List<Object> out = new ArrayList<>(insights.paths());
        for (NetworkInsights.InsightsAnalysis a : insights.analyses()) {
            out.add(List.of(a.id(), a.arn(), a.pathId(), a.startDate(), a.tags(), a.status(), a.verdict()));
        }
        return out;
    }

    private record Built(String deletedSourcePath, String running) {
    }

    private static Built build(RegionTwin t) {
        Network net = t.region.network();
        NetworkInsights insights = t.region.insights();
        Vpc vpc = net.createVpc("10.0.0.0/16", null, Map.of());
        Subnet a = net.createSubnet(vpc.id(), "10.0.1.0/24", "us-east-1a", null, Map.of());
        Subnet b = net.createSubnet(vpc.id(), "10.0.2.0/24", "us-east-1b", null, Map.of());
        SecurityGroup sg = net.createSecurityGroup(vpc.id(), "app", "app", Map.of());
        net.authorize(sg.id(), false, List.of(new IpPermission("tcp", 443, 443,
                List.of(new IpPermission.Peer(IpPermission.PeerKind.CIDR_IPV4, "10.0.0.0/16", null)))));
        String client = net.createNetworkInterface(new Network.EniRequest(a.id(), "client", List.of(sg.id()), null, null, null, Map.of())).id();
        String server = net.createNetworkInterface(new Network.EniRequest(b.id(), "server", List.of(sg.id()), null, null, null, Map.of())).id();
        String doomed = net.createNetworkInterface(new Network.EniRequest(b.id(), "doomed", List.of(), null, null, null, Map.of())).id();
        String igw = net.gateways().createInternetGateway(Map.of()).id();
        net.gateways().attachInternetGateway(igw, vpc.id());

        String live = insights.createPath(client, server, null, null, "tcp", 443, Map.of("team", "net", "env", "dev")).id();
        String closed = insights.createPath(client, server, null, null, "tcp", 22, Map.of()).id();
        String outside = insights.createPath(client, null, null, "8.8.8.8", "udp", null, Map.of()).id();
        String inbound = insights.createPath(igw, server, "198.51.100.7", null, "tcp", 443, Map.of()).id();
        String fromDoomed = insights.createPath(doomed, server, null, null, "tcp", 443, Map.of()).id();
        String gone = insights.createPath(server, client, null, null, "tcp", 443, Map.of()).id();
        insights.deletePath(gone);

        for (String path : List.of(live, closed, outside, inbound)) {
            insights.start(path, Map.of("path", path));
        }
        String deleted = insights.start(live, Map.of()).id();
        t.settle();
        insights.deleteAnalysis(deleted);
        net.deleteNetworkInterface(doomed);
        String running = insights.start(fromDoomed, Map.of("k", "v")).id();
        return new Built(fromDoomed, running);
    }

    @Test
    void aRestoredAnalyzerExportsWhatItWasGivenAndFinishesItsRunningAnalysisAsTheOriginalDoes() {
        RegionTwin a = new RegionTwin(42);
        Built built = build(a);
        NetworkInsights original = a.region.insights();
        assertThat(original.analyses()).extracting(x -> x.verdict().map(Verdict::reachable).orElse(null))
                .containsExactly(true, false, false, false, null);
        assertThat(original.analysis(built.running()).status()).isEqualTo("running");

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(view(b.region.insights())).isEqualTo(view(original));

        List<String> next = new ArrayList<>();
        for (RegionTwin t : List.of(a, b)) {
            NetworkInsights insights = t.region.insights();
            t.settle();
            assertThat(insights.analysis(built.running()).status()).isEqualTo("succeeded");
            next.add(insights.start(built.deletedSourcePath(), Map.of()).id());
            next.add(insights.start(built.deletedSourcePath(), Map.of("again", "yes")).id());
            insights.deleteAnalysis(insights.analyses().iterator().next().id());
            t.settle();
        }
        assertThat(next.subList(2, 4)).as("the next analyses get the same ids").isEqualTo(next.subList(0, 2));
        assertThat(view(b.region.insights())).isEqualTo(view(original));
        assertThat(b.exports()).isEqualTo(a.exports());
    }
}
