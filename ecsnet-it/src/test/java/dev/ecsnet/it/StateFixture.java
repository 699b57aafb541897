package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the state tests share: a stack touching every resource type (the seed stack, the fuzz playground, an Auto
 * Scaling group on a launch template, SSM parameters, a Cloud Map service, a second account), and one text holding
 * the describe output of every resource type, to compare two servers by.
 */
final class StateFixture {
    static final String OTHER_ACCOUNT = "111122223333";

    private StateFixture() {
    }

    static <B extends AwsClientBuilder<B, C>, C> C client(EcsnetServer server, B builder, String accessKey) {
        return builder.endpointOverride(URI.create("http://127.0.0.1:" + server.port())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "test")))
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry())).build();
    }

    static FuzzStack.Clients clients(EcsnetServer server) {
        return new FuzzStack.Clients() {
            @Override
            public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
                return StateFixture.client(server, builder, "test");
            }
        };
    }

    /** Builds the stack on {@code server}; the tasks and gateways start as the caller's clock moves ({@code settle}). */
    static void build(EcsnetServer server, Runnable settle) {
        try (Ec2Client ec2 = client(server, Ec2Client.builder(), "test"); EcsClient ecs = client(server, EcsClient.builder(), "test");
             ElasticLoadBalancingV2Client elb = client(server, ElasticLoadBalancingV2Client.builder(), "test");
             AutoScalingClient autoScaling = client(server, AutoScalingClient.builder(), "test");
             SsmClient ssm = client(server, SsmClient.builder(), "test");
             ServiceDiscoveryClient cloudMap = client(server, ServiceDiscoveryClient.builder(), "test")) {
            SeedStack seed = new SeedStack(ec2, ecs, elb, settle);
            settle.run();
            FuzzStack.playground(clients(server));
            AutoScalingFixture asg = new AutoScalingFixture(ec2, autoScaling, "seed-cluster", "t3.medium");
            asg.createGroup("nodes", 0, 3, 1, r -> { });
            ssm.putParameter(r -> r.name("/app/db-url").value("postgres://db").type(ParameterType.STRING));
            ssm.putParameter(r -> r.name("/app/secret").value("s3cret").type(ParameterType.SECURE_STRING));
            ssm.putParameter(r -> r.name("/app/db-url").value("postgres://db2").type(ParameterType.STRING).overwrite(true));
            String ns = cloudMap.listNamespaces().namespaces().stream().filter(n -> n.name().equals("playground.local")).findFirst()
                    .orElseThrow().id();
            cloudMap.createService(r -> r.name("api").namespaceId(ns).dnsConfig(d -> d.dnsRecords(x -> x.type("A").ttl(60L))));
            ec2.createTags(r -> r.resources(seed.vpc).tags(NetFixture.tag("env", "state")));
            settle.run();
            ecs.updateService(r -> r.cluster("seed-cluster").service("web-app").desiredCount(2));
        }
        try (Ec2Client other = client(server, Ec2Client.builder(), OTHER_ACCOUNT)) {
            String vpc = other.createVpc(r -> r.cidrBlock("172.20.0.0/16")).vpc().vpcId();
            other.createSubnet(r -> r.vpcId(vpc).cidrBlock("172.20.1.0/24").availabilityZone("us-east-1b"));
        }
        settle.run();
    }

    /**
     * Calls that go on from the stack {@link #build} made, touching ids, addresses, tasks, groups and parameters: two
     * servers with equal state must answer them equally and end equal.
     */
    static void goOn(EcsnetServer server, Runnable settle) {
        try (Ec2Client ec2 = client(server, Ec2Client.builder(), "test"); EcsClient ecs = client(server, EcsClient.builder(), "test");
             AutoScalingClient autoScaling = client(server, AutoScalingClient.builder(), "test");
             SsmClient ssm = client(server, SsmClient.builder(), "test")) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.99.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.99.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
            ec2.createNetworkInterface(r -> r.subnetId(subnet).description("after the restart"));
            ecs.updateService(r -> r.cluster("seed-cluster").service("web-app").desiredCount(3));
            autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("nodes").desiredCapacity(2));
            ssm.putParameter(r -> r.name("/app/db-url").value("postgres://db3").type(ParameterType.STRING).overwrite(true));
            settle.run();
            ecs.updateService(r -> r.cluster("seed-cluster").service("web-app").desiredCount(1));
            settle.run();
        }
    }

    /** The describe output of every resource type of both accounts, as one text. */
    static String describeAll(EcsnetServer server) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("test", OTHER_ACCOUNT)) {
            describeAccount(server, key, out);
        }
        return String.join("\n", out);
    }

    private static void describeAccount(EcsnetServer server, String key, List<String> out) {
        try (Ec2Client ec2 = client(server, Ec2Client.builder(), key); EcsClient ecs = client(server, EcsClient.builder(), key);
             ElasticLoadBalancingV2Client elb = client(server, ElasticLoadBalancingV2Client.builder(), key);
             AutoScalingClient autoScaling = client(server, AutoScalingClient.builder(), key);
             SsmClient ssm = client(server, SsmClient.builder(), key);
             ServiceDiscoveryClient cloudMap = client(server, ServiceDiscoveryClient.builder(), key);
             IamClient iam = client(server, IamClient.builder(), key);
             CloudWatchLogsClient logs = client(server, CloudWatchLogsClient.builder(), key)) {
            out.add(ec2.describeVpcs().toString());
            out.add(ec2.describeSubnets().toString());
            out.add(ec2.describeSecurityGroups().toString());
            out.add(ec2.describeNetworkInterfaces().toString());
            out.add(ec2.describeRouteTables().toString());
            out.add(ec2.describeNetworkAcls().toString());
            out.add(ec2.describeInternetGateways().toString());
            out.add(ec2.describeNatGateways(r -> { }).toString());
            out.add(ec2.describeAddresses().toString());
            out.add(ec2.describeVpcEndpoints(r -> { }).toString());
            out.add(ec2.describeLaunchTemplates(r -> { }).toString());
            out.add(ec2.describeInstances().toString());
            for (String cluster : ecs.listClusters().clusterArns()) {
                out.add(ecs.describeClusters(r -> r.clusters(cluster)).toString());
                for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
                    List<String> tasks = ecs.listTasks(r -> r.cluster(cluster).desiredStatus(status)).taskArns();
                    if (!tasks.isEmpty()) {
                        out.add(ecs.describeTasks(r -> r.cluster(cluster).tasks(tasks)).toString());
                    }
                }
                List<String> services = ecs.listServices(r -> r.cluster(cluster)).serviceArns();
                if (!services.isEmpty()) {
                    out.add(ecs.describeServices(r -> r.cluster(cluster).services(services)).toString());
                }
            }
            for (String td : ecs.listTaskDefinitions().taskDefinitionArns()) {
                out.add(ecs.describeTaskDefinition(r -> r.taskDefinition(td)).toString());
            }
            out.add(elb.describeLoadBalancers().toString());
            out.add(elb.describeTargetGroups().toString());
            elb.describeLoadBalancers().loadBalancers().forEach(lb ->
                    out.add(elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn())).toString()));
            elb.describeTargetGroups().targetGroups().forEach(tg ->
                    out.add(elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn())).toString()));
            out.add(cloudMap.listNamespaces().toString());
            out.add(cloudMap.listServices().toString());
            out.add(ssm.describeParameters().toString());
            out.add(ssm.getParametersByPath(r -> r.path("/").recursive(true).withDecryption(true)).toString());
            out.add(iam.listRoles().toString());
            out.add(iam.listUsers().toString());
            iam.listUsers().users().forEach(u -> out.add(iam.listAccessKeys(r -> r.userName(u.userName())).toString()));
            out.add(logs.describeLogGroups().toString());
            out.add(autoScaling.describeAutoScalingGroups().toString());
            out.add(autoScaling.describeScalingActivities().toString());
        }
    }
}
