package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Explanation;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;
import software.amazon.awssdk.services.ec2.model.PathComponent;
import software.amazon.awssdk.services.ec2.model.Protocol;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reachability Analyzer through the SDK: paths, analyses on the clock, path components and explanation codes. */
class Ec2NetworkInsightsIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    String vpc;
    String subnetA;
    String subnetB;
    String albSg;
    String webSg;
    String workerSg;

    Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnetA = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        subnetB = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        albSg = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("alb").description("alb")).groupId();
        webSg = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
        workerSg = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("worker").description("worker")).groupId();
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(webSg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(8080).toPort(8080)
                .userIdGroupPairs(p -> p.groupId(albSg)).build()));
    }

    String eni(String subnet, String sg) {
        return ec2().createNetworkInterface(r -> r.subnetId(subnet).groups(sg)).networkInterface().networkInterfaceId();
    }

    NetworkInsightsAnalysis analyze(String source, String destination, int port) {
        String path = ec2().createNetworkInsightsPath(r -> r.source(source).destination(destination).protocol(Protocol.TCP).destinationPort(port))
                .networkInsightsPath().networkInsightsPathId();
        NetworkInsightsAnalysis started = ec2().startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(path)).networkInsightsAnalysis();
        assertThat(started.statusAsString()).isEqualTo("running");
        assertThat(started.networkPathFound()).isNull();
        ecsnet.advance(Duration.ofSeconds(1));
        return ec2().describeNetworkInsightsAnalyses(r -> r.networkInsightsAnalysisIds(started.networkInsightsAnalysisId()))
                .networkInsightsAnalyses().get(0);
    }

    @Test
    void albToWebOnItsPortIsFoundHopByHop() {
        String web = eni(subnetA, webSg);
        NetworkInsightsAnalysis a = analyze(eni(subnetB, albSg), web, 8080);
        assertThat(a.statusAsString()).isEqualTo("succeeded");
        assertThat(a.networkPathFound()).isTrue();
        List<PathComponent> path = a.forwardPathComponents();
        assertThat(path).extracting(PathComponent::sequenceNumber).containsExactly(1, 2, 3, 4, 5);
        assertThat(path.get(path.size() - 1).component().id()).isEqualTo(web);
        assertThat(path).anySatisfy(c -> {
            assertThat(c.securityGroupRule()).isNotNull();
            assertThat(c.securityGroupRule().securityGroupId()).isEqualTo(webSg);
            assertThat(c.securityGroupRule().direction()).isEqualTo("ingress");
            assertThat(c.securityGroupRule().portRange().from()).isEqualTo(8080);
        });
        assertThat(path).anySatisfy(c -> assertThat(c.routeTableRoute() == null ? null : c.routeTableRoute().gatewayId()).isEqualTo("local"));
        assertThat(a.explanations()).isEmpty();
    }

    @Test
    void workerToWebIsBlockedByTheWebGroupWithAwsExplanationCode() {
        String web = eni(subnetA, webSg);
        NetworkInsightsAnalysis a = analyze(eni(subnetA, workerSg), web, 8080);
        assertThat(a.networkPathFound()).isFalse();
        Explanation e = a.explanations().get(0);
        assertThat(e.explanationCode()).isEqualTo("ENI_SG_RULES_MISMATCH");
        assertThat(e.direction()).isEqualTo("ingress");
        assertThat(e.networkInterface().id()).isEqualTo(web);
        assertThat(e.securityGroups()).extracting(c -> c.id()).containsExactly(webSg);
        assertThat(analyze(eni(subnetB, albSg), web, 9090).networkPathFound()).isFalse();
    }

    @Test
    void noPublicIpThroughAnInternetGatewayIsTheIgwExplanation() {
        String igw = ec2().createInternetGateway().internetGateway().internetGatewayId();
        ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String rt = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2().createRoute(r -> r.routeTableId(rt).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2().associateRouteTable(r -> r.routeTableId(rt).subnetId(subnetA));
        NetworkInsightsAnalysis a = analyze(eni(subnetA, workerSg), igw, 443);
        assertThat(a.networkPathFound()).isFalse();
        assertThat(a.explanations().get(0).explanationCode()).isEqualTo("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS");
        assertThat(a.explanations().get(0).internetGateway().id()).isEqualTo(igw);
        NetworkInsightsAnalysis noRoute = analyze(eni(subnetB, workerSg), igw, 443);
        assertThat(noRoute.explanations().get(0).explanationCode()).isEqualTo("NO_ROUTE_TO_DESTINATION");
    }

    @Test
    void pathsAndAnalysesAreListedFilteredAndDeletedInOrder() {
        String web = eni(subnetA, webSg);
        NetworkInsightsAnalysis a = analyze(eni(subnetB, albSg), web, 8080);
        assertThat(ec2().describeNetworkInsightsPaths(r -> { }).networkInsightsPaths()).singleElement()
                .satisfies(p -> assertThat(p.destinationPort()).isEqualTo(8080));
        assertThat(ec2().describeNetworkInsightsAnalyses(r -> r.filters(f -> f.name("path-found").values("true"))).networkInsightsAnalyses()).hasSize(1);
        assertThat(ec2().describeNetworkInsightsAnalyses(r -> r.filters(f -> f.name("path-found").values("false"))).networkInsightsAnalyses()).isEmpty();
        Ec2Refusal.refused(() -> ec2().deleteNetworkInsightsPath(r -> r.networkInsightsPathId(a.networkInsightsPathId())), "DependencyViolation", null);
        ec2().deleteNetworkInsightsAnalysis(r -> r.networkInsightsAnalysisId(a.networkInsightsAnalysisId()));
        ec2().deleteNetworkInsightsPath(r -> r.networkInsightsPathId(a.networkInsightsPathId()));
        assertThat(ec2().describeNetworkInsightsPaths(r -> { }).networkInsightsPaths()).isEmpty();
    }

    @Test
    void badPathsAreRefusedAndNothingIsCreated() {
        String web = eni(subnetA, webSg);
        Ec2Refusal.refused(() -> ec2().createNetworkInsightsPath(r -> r.source("eni-0123456789abcdef0").destination(web).protocol("tcp")),
                "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID 'eni-0123456789abcdef0' does not exist");
        Ec2Refusal.refused(() -> ec2().createNetworkInsightsPath(r -> r.source(web).destination(web).protocol("icmp")), "InvalidParameterValue", null);
        Ec2Refusal.refused(() -> ec2().startNetworkInsightsAnalysis(r -> r.networkInsightsPathId("nip-0123456789abcdef0")),
                "InvalidNetworkInsightsPathId.NotFound", null);
        assertThat(ec2().describeNetworkInsightsPaths(r -> { }).networkInsightsPaths()).isEmpty();
        assertThat(ec2().describeNetworkInsightsAnalyses(r -> { }).networkInsightsAnalyses()).isEmpty();
    }
}
