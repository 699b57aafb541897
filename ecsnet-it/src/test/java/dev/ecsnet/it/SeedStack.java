package dev.ecsnet.it;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.util.ArrayList;
import java.util.List;

/**
 * The Terraform seed stack's shape ({@code ../shared/scenarios/tf-seed-stack}) built through the SDK: a /16 VPC with
 * three private and three public /24s over three zones, an internet gateway, one NAT gateway, public and private
 * route tables, ecr.api and ecr.dkr interface endpoints in the private subnets and an S3 gateway endpoint, the alb,
 * web-task (8080 from alb), worker and database (5432 from web-task) groups, an ALB with an ip target group on 8080,
 * and the web-app service with three Fargate tasks behind it. The tasks start once the caller's clock moves.
 */
final class SeedStack {
    final String vpc;
    final List<String> privateSubnets = new ArrayList<>();
    final List<String> publicSubnets = new ArrayList<>();
    final String nat;
    final String privateRouteTable;
    final String albSg;
    final String webSg;
    final String ecrApi;
    final String loadBalancer;
    final String targetGroup;

    SeedStack(Ec2Client ec2, EcsClient ecs, ElasticLoadBalancingV2Client elb, Runnable waitForGateways) {
        NetFixture net = new NetFixture(ec2);
        vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(NetFixture.tagged(
                software.amazon.awssdk.services.ec2.model.ResourceType.VPC, "Name", "seed-vpc"))).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        String igw = net.attachedIgw(vpc);
        List<String> zones = List.of("us-east-1a", "us-east-1b", "us-east-1c");
        for (int i = 0; i < 3; i++) {
            int n = i;
            privateSubnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0." + (n + 1) + ".0/24").availabilityZone(zones.get(n))
                    .tagSpecifications(NetFixture.tagged(software.amazon.awssdk.services.ec2.model.ResourceType.SUBNET, "Name",
                            "seed-private-" + (n + 1)))).subnet().subnetId());
            publicSubnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0." + (n + 101) + ".0/24").availabilityZone(zones.get(n))
                    .tagSpecifications(NetFixture.tagged(software.amazon.awssdk.services.ec2.model.ResourceType.SUBNET, "Name",
                            "seed-public-" + (n + 1)))).subnet().subnetId());
        }
        String publicRt = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(publicRt).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        publicSubnets.forEach(s -> ec2.associateRouteTable(r -> r.routeTableId(publicRt).subnetId(s)));
        nat = net.nat(publicSubnets.get(0), net.eip());
        waitForGateways.run();
        privateRouteTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(privateRouteTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        privateSubnets.forEach(s -> ec2.associateRouteTable(r -> r.routeTableId(privateRouteTable).subnetId(s)));

        albSg = group(ec2, "seed-alb", "ALB: HTTP from anywhere");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(albSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(80).toPort(80)
                .ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
        webSg = group(ec2, "seed-web-task", "web-app tasks: 8080 only from the ALB");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(webSg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(8080)
                .toPort(8080).userIdGroupPairs(p -> p.groupId(albSg)).build()));
        group(ec2, "seed-worker-task", "worker tasks: egress only");
        String database = group(ec2, "seed-database", "database: 5432 from web tasks");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(database).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(5432)
                .toPort(5432).userIdGroupPairs(p -> p.groupId(webSg)).build()));
        String vpce = group(ec2, "seed-vpce", "interface endpoints: 443 from the VPC");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(vpce).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443)
                .ipRanges(x -> x.cidrIp("10.0.0.0/16"))));
        ecrApi = endpoint(ec2, "com.amazonaws.us-east-1.ecr.api", vpce);
        endpoint(ec2, "com.amazonaws.us-east-1.ecr.dkr", vpce);
        ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws.us-east-1.s3").vpcEndpointType(VpcEndpointType.GATEWAY)
                .routeTableIds(privateRouteTable));

        loadBalancer = elb.createLoadBalancer(r -> r.name("seed-web-alb").subnets(publicSubnets).securityGroups(albSg))
                .loadBalancers().get(0).loadBalancerArn();
        targetGroup = elb.createTargetGroup(r -> r.name("seed-web-tg").protocol("HTTP").port(8080).vpcId(vpc).targetType("ip")
                .healthCheckPath("/health")).targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(loadBalancer).port(80).protocol("HTTP")
                .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup)));
        ecs.createCluster(r -> r.clusterName("seed-cluster"));
        ecs.registerTaskDefinition(r -> r.family("web-app").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx:latest").portMappings(p -> p.containerPort(8080))));
        ecs.createService(r -> r.cluster("seed-cluster").serviceName("web-app").taskDefinition("web-app").desiredCount(3)
                .launchType(LaunchType.FARGATE).loadBalancers(l -> l.targetGroupArn(targetGroup).containerName("app").containerPort(8080))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(privateSubnets).securityGroups(webSg))));
    }

    private String group(Ec2Client ec2, String name, String description) {
        return ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(description)).groupId();
    }

    private String endpoint(Ec2Client ec2, String service, String group) {
        return ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName(service).vpcEndpointType(VpcEndpointType.INTERFACE)
                .subnetIds(privateSubnets).securityGroupIds(group).privateDnsEnabled(true)).vpcEndpoint().vpcEndpointId();
    }
}
