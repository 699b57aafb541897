package dev.ecsnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ecsnet reach} to the IPv6 internet ({@code ::/0}) from a dual-stack ENI: the ENI's IPv6 address, its groups'
 * IPv6 egress, the IPv6 route to an internet gateway or an egress-only internet gateway, or what is missing.
 */
class ReachIpv6IT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(TimingProfile.INSTANT);
    static final ObjectMapper JSON = new ObjectMapper();

    private String vpc;
    private String table;
    private String sg;
    private String eni;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void dualStackEni() {
        NetFixture net = new NetFixture(ec2());
        vpc = net.dualStackVpc("10.0.0.0/16");
        String subnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").ipv6CidrBlock(NetFixture.slash64(net.ipv6Block(vpc), 1)))
                .subnet().subnetId();
        table = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2().associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
        sg = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("task").description("task")).groupId();
        eni = ec2().createNetworkInterface(r -> r.subnetId(subnet).groups(sg).ipv6AddressCount(1)).networkInterface().networkInterfaceId();
    }

    private JsonNode reach(String destination) throws Exception {
        String q = "source=" + eni + "&destination=" + URLEncoder.encode(destination, StandardCharsets.UTF_8) + "&port=443";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ecsnet.endpoint() + "/_ecsnet/reach?" + q))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("answers").get(0);
    }

    private void allowIpv6Egress() {
        ec2().authorizeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .ipv6Ranges(x -> x.cidrIpv6("::/0")).build()));
    }

    @Test
    void theIpv6InternetIsReachedOnlyWithAnIpv6RuleAndRoute() throws Exception {
        JsonNode noRule = reach("::/0");
        assertThat(noRule.path("allowed").asBoolean()).isFalse();
        assertThat(noRule.path("explanationCode").asText()).isEqualTo("ENI_SG_RULES_MISMATCH");
        assertThat(noRule.path("blockedBy").asText()).contains("IPv4 rules do not cover IPv6");

        allowIpv6Egress();
        JsonNode noRoute = reach("::/0");
        assertThat(noRoute.path("explanationCode").asText()).isEqualTo("NO_ROUTE_TO_DESTINATION");
        assertThat(noRoute.path("component").asText()).isEqualTo(table);

        String eigw = ec2().createEgressOnlyInternetGateway(r -> r.vpcId(vpc)).egressOnlyInternetGateway().egressOnlyInternetGatewayId();
        ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/0").egressOnlyInternetGatewayId(eigw));
        JsonNode viaEigw = reach("::/0");
        assertThat(viaEigw.path("allowed").asBoolean()).as(viaEigw.toString()).isTrue();
        assertThat(viaEigw.path("allowedBy").findValuesAsText("rule")).anySatisfy(x -> assertThat(x).contains("all traffic to ::/0"));

        // the IPv4 internet still has no way out: IPv6 routes do not carry IPv4 traffic
        assertThat(reach("8.8.8.0/24").path("explanationCode").asText()).isEqualTo("NO_ROUTE_TO_DESTINATION");
    }

    @Test
    void anInternetGatewayCarriesIpv6WithoutAPublicIp() throws Exception {
        allowIpv6Egress();
        String igw = new NetFixture(ec2()).attachedIgw(vpc);
        ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/0").gatewayId(igw));
        assertThat(reach("2600::/16").path("allowed").asBoolean()).isTrue();
    }

    @Test
    void anAddressInsideTheVpcIsNotADestinationHere() throws Exception {
        String block = new NetFixture(ec2()).ipv6Block(vpc);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ecsnet.endpoint() + "/_ecsnet/reach?source=" + eni
                + "&destination=" + URLEncoder.encode(block, StandardCharsets.UTF_8) + "&port=443")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("is inside a VPC");
    }
}
