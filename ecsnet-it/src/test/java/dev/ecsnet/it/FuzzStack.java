package dev.ecsnet.it;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.List;

/**
 * The resources the fuzz properties stand on, built with the SDK: {@link #fixture} (never to change) and
 * {@link #playground} (the corpus: every request of it is a valid request of its codec, with real ids).
 */
record FuzzStack(List<String> taskArns) {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** Builds SDK clients of one server and key. */
    interface Clients {
        <B extends AwsClientBuilder<B, C>, C> C client(B builder);
    }

    /** The resources of one account: a VPC with a subnet, group, ENI and a route out, a cluster with two tasks, IAM, logs, a target group, a namespace. */
    private record Built(String vpc, String subnet, String group, String eni, String cluster, List<String> tasks) {
    }

    static FuzzStack fixture(Clients clients) {
        return new FuzzStack(build(clients, "fixture", "10.9").tasks());
    }

    private static Built build(Clients clients, String name, String net) {
        try (Ec2Client ec2 = clients.client(Ec2Client.builder()); EcsClient ecs = clients.client(EcsClient.builder());
             IamClient iam = clients.client(IamClient.builder()); CloudWatchLogsClient logs = clients.client(CloudWatchLogsClient.builder());
             ElasticLoadBalancingV2Client elb = clients.client(ElasticLoadBalancingV2Client.builder());
             ServiceDiscoveryClient cloudMap = clients.client(ServiceDiscoveryClient.builder())) {
            String vpc = ec2.createVpc(r -> r.cidrBlock(net + ".0.0/16").tagSpecifications(NetFixture.tagged(ResourceType.VPC, "Name", name)))
                    .vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(net + ".1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
            String group = ec2.createSecurityGroup(r -> r.groupName(name).description(name + " tasks").vpcId(vpc)).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                    .ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(i -> i.cidrIp("10.0.0.0/8"))));
            String eni = ec2.createNetworkInterface(r -> r.subnetId(subnet).groups(group).description(name)).networkInterface().networkInterfaceId();
            String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
            String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
            ec2.createTags(r -> r.resources(subnet).tags(NetFixture.tag("team", name)));

            ecs.createCluster(r -> r.clusterName(name));
            ecs.registerTaskDefinition(r -> r.family(name).networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                    .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080))));
            List<String> tasks = ecs.runTask(r -> r.cluster(name).taskDefinition(name).launchType(LaunchType.FARGATE).count(2)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(group)))).tasks()
                    .stream().map(Task::taskArn).toList();

            iam.createRole(r -> r.roleName(name + "-role").assumeRolePolicyDocument(TRUST));
            iam.createUser(r -> r.userName(name + "-user"));
            logs.createLogGroup(r -> r.logGroupName("/ecs/" + name));
            elb.createTargetGroup(r -> r.name(name + "-tg").protocol("HTTP").port(8080).vpcId(vpc).targetType(TargetTypeEnum.IP));
            cloudMap.createPrivateDnsNamespace(r -> r.name(name + ".local").vpc(vpc));
            return new Built(vpc, subnet, group, eni, name, tasks);
        }
    }

    /** The corpus: the stack above plus reads and changes of every resource family, a dozen operations or more per protocol. */
    static void playground(Clients clients) {
        Built b = build(clients, "playground", "10.0");
        try (Ec2Client ec2 = clients.client(Ec2Client.builder()); EcsClient ecs = clients.client(EcsClient.builder());
             IamClient iam = clients.client(IamClient.builder()); CloudWatchLogsClient logs = clients.client(CloudWatchLogsClient.builder());
             ElasticLoadBalancingV2Client elb = clients.client(ElasticLoadBalancingV2Client.builder());
             ServiceDiscoveryClient cloudMap = clients.client(ServiceDiscoveryClient.builder()); StsClient sts = clients.client(StsClient.builder())) {
            ec2.describeVpcs(r -> r.vpcIds(b.vpc()));
            ec2.describeSubnets(r -> r.filters(NetFixture.filter("vpc-id", b.vpc()), NetFixture.filter("tag:team", "playground")));
            ec2.describeSecurityGroups(r -> r.groupIds(b.group()));
            ec2.describeNetworkInterfaces(r -> r.filters(NetFixture.filter("subnet-id", b.subnet())).maxResults(5));
            ec2.describeRouteTables(r -> r.filters(NetFixture.filter("vpc-id", b.vpc())));
            ec2.describeAvailabilityZones();
            ec2.modifyVpcAttribute(r -> r.vpcId(b.vpc()).enableDnsHostnames(v -> v.value(true)));
            String second = ec2.createSubnet(r -> r.vpcId(b.vpc()).cidrBlock("10.0.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
            String spare = ec2.createNetworkInterface(r -> r.subnetId(second).privateIpAddress("10.0.2.50")).networkInterface().networkInterfaceId();
            ec2.deleteNetworkInterface(r -> r.networkInterfaceId(spare));
            ec2.allocateAddress(r -> r.domain("vpc"));
            ec2.revokeSecurityGroupIngress(r -> r.groupId(b.group())
                    .ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(i -> i.cidrIp("10.0.0.0/8"))));
            ec2.describeTags(r -> r.filters(NetFixture.filter("resource-id", b.subnet())));

            ecs.describeTasks(r -> r.cluster(b.cluster()).tasks(b.tasks()));
            ecs.listTasks(r -> r.cluster(b.cluster()).desiredStatus("RUNNING"));
            ecs.stopTask(r -> r.cluster(b.cluster()).task(b.tasks().get(0)).reason("fuzz"));
            ecs.createService(r -> r.cluster(b.cluster()).serviceName("web").taskDefinition("playground").desiredCount(1)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(b.subnet(), second))));
            ecs.describeServices(r -> r.cluster(b.cluster()).services("web"));
            ecs.updateService(r -> r.cluster(b.cluster()).service("web").desiredCount(2));
            ecs.putAccountSetting(r -> r.name("awsvpcTrunking").value("enabled"));
            ecs.describeClusters(r -> r.clusters(b.cluster()));
            ecs.describeTaskDefinition(r -> r.taskDefinition("playground"));
            ecs.listTaskDefinitions(r -> r.familyPrefix("play"));
            logs.putRetentionPolicy(r -> r.logGroupName("/ecs/playground").retentionInDays(7));
            logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/"));
            cloudMap.listNamespaces();

            sts.getCallerIdentity();
            iam.getRole(r -> r.roleName("playground-role"));
            iam.listRoles(r -> r.pathPrefix("/"));
            iam.putRolePolicy(r -> r.roleName("playground-role").policyName("logs").policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
            iam.attachRolePolicy(r -> r.roleName("playground-role").policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
            iam.tagRole(r -> r.roleName("playground-role").tags(t -> t.key("team").value("web")));
            iam.createAccessKey(r -> r.userName("playground-user"));
            iam.listAccessKeys(r -> r.userName("playground-user"));
            String tg = elb.describeTargetGroups(r -> r.names("playground-tg")).targetGroups().get(0).targetGroupArn();
            elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg).attributes(a -> a.key("deregistration_delay.timeout_seconds").value("30")));
            elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.1.99").port(8080)));
            String lb = elb.createLoadBalancer(r -> r.name("playground-alb").subnets(b.subnet(), second).securityGroups(b.group()))
                    .loadBalancers().get(0).loadBalancerArn();
            elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80).defaultActions(a -> a.type("forward").targetGroupArn(tg)));
            elb.describeLoadBalancers(r -> r.loadBalancerArns(lb));
            elb.describeTargetHealth(r -> r.targetGroupArn(tg));
        }
    }
}
