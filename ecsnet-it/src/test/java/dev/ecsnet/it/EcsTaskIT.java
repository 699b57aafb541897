package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RunTask, StopTask, DescribeTasks and ListTasks through the SDK: the task shape, validation, filters. */
class EcsTaskIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    /** A VPC 10.0.0.0/16 with subnets 10.0.1-3.0/24 in us-east-1a/b/c and a "web-task" security group. */
    record Net(String vpcId, List<String> subnets, String webSg, String defaultSg) {
    }

    static Net network(EcsnetServerExtension ecsnet) {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        List<String> subnets = new ArrayList<>();
        String[] zones = {"a", "b", "c"};
        for (int i = 0; i < 3; i++) {
            int n = i;
            subnets.add(ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0." + (n + 1) + ".0/24")
                    .availabilityZone("us-east-1" + zones[n])).subnet().subnetId());
        }
        String sg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("web-task").description("web")).groupId();
        String defaultSg = ecsnet.ec2().describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpc),
                f -> f.name("group-name").values("default"))).securityGroups().get(0).groupId();
        return new Net(vpc, subnets, sg, defaultSg);
    }

    static void registerWebApp(EcsnetServerExtension ecsnet) {
        ecsnet.ecs().registerTaskDefinition(r -> r.family("web-app").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest").portMappings(p -> p.containerPort(8080))));
    }

    private Net setUp() {
        Net net = network(ecsnet);
        registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        return net;
    }

    private static void assertEcsError(Executable call, String code, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(EcsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private List<String> listTasks(String desired) {
        return ecsnet.ecs().listTasks(r -> r.cluster("web").desiredStatus(desired)).taskArns();
    }

    private int eniCount() {
        return ecsnet.ec2().describeNetworkInterfaces().networkInterfaces().size();
    }

    /** Runs a RunTask that must be refused; nothing may change: no task, no ENI. */
    private void assertRunTaskRefused(Consumer<RunTaskRequest.Builder> request, String code, String message) {
        int enis = eniCount();
        assertEcsError(() -> ecsnet.ecs().runTask(request), code, message);
        ecsnet.settle();
        assertThat(listTasks("RUNNING")).isEmpty();
        assertThat(listTasks("STOPPED")).isEmpty();
        assertThat(eniCount()).isEqualTo(enis);
    }

    @Test
    void runTaskAnswersWithTheFullProvisioningTaskShape() {
        Net net = setUp();
        Task t = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").launchType(LaunchType.FARGATE)
                .startedBy("me").tags(tag -> tag.key("team").value("blue"))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets().get(1))))).tasks().get(0);
        assertThat(t.taskArn()).matches("arn:aws:ecs:us-east-1:000000000000:task/web/[0-9a-f]{32}");
        assertThat(t.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/web");
        assertThat(t.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/web-app:1");
        assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(t.desiredStatus()).isEqualTo("RUNNING");
        assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(t.capacityProviderName()).isEqualTo("FARGATE");
        assertThat(t.platformVersion()).isEqualTo("1.4.0");
        assertThat(t.platformFamily()).isEqualTo("Linux");
        assertThat(t.cpu()).isEqualTo("256");
        assertThat(t.memory()).isEqualTo("512");
        assertThat(t.availabilityZone()).isEqualTo("us-east-1b");
        assertThat(t.group()).isEqualTo("family:web-app");
        assertThat(t.startedBy()).isEqualTo("me");
        assertThat(t.version()).isEqualTo(1L);
        assertThat(t.createdAt()).isEqualTo(EcsnetServerExtension.START);
        assertThat(t.ephemeralStorage().sizeInGiB()).isEqualTo(20);
        assertThat(t.enableExecuteCommand()).isFalse();
        assertThat(t.attributes()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("ecs.cpu-architecture");
            assertThat(a.value()).isEqualTo("x86_64");
        });
        assertThat(t.tags()).singleElement().satisfies(tag -> assertThat(tag.value()).isEqualTo("blue"));
        assertThat(t.overrides().containerOverrides()).extracting(o -> o.name()).containsExactly("app");
        assertThat(t.containers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("app");
            assertThat(c.image()).isEqualTo("nginx:latest");
            assertThat(c.lastStatus()).isEqualTo("PENDING");
            assertThat(c.taskArn()).isEqualTo(t.taskArn());
            assertThat(c.containerArn()).startsWith("arn:aws:ecs:us-east-1:000000000000:container/web/" + t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1) + "/");
        });
        assertThat(t.attachments().get(0).id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void omittedSecurityGroupsMeanTheVpcDefaultGroupAndPublicIpShowsAsAssociation() {
        Net net = setUp();
        String arn = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets().get(0)).assignPublicIp("ENABLED"))))
                .tasks().get(0).taskArn();
        ecsnet.settle();
        Task t = ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arn)).tasks().get(0);
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);   // the definition requires FARGATE
        String eniId = t.attachments().get(0).details().stream().filter(d -> d.name().equals("networkInterfaceId")).findFirst().orElseThrow().value();
        NetworkInterface eni = ecsnet.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(eniId)).networkInterfaces().get(0);
        assertThat(eni.groups()).extracting(g -> g.groupId()).containsExactly(net.defaultSg());
        assertThat(eni.association()).isNotNull();
        assertThat(eni.association().publicIp()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(eni.association().ipOwnerId()).isEqualTo("amazon");
    }

    @Test
    void fargateSpotCapacityProviderIsAcceptedOnceTheClusterHasIt() {
        Net net = setUp();
        ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders("FARGATE_SPOT")
                .defaultCapacityProviderStrategy(java.util.List.of()));
        Task t = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app")
                .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0);
        assertThat(t.capacityProviderName()).isEqualTo("FARGATE_SPOT");
        assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);
    }

    @Test
    void runTaskRefusalsChangeNothing() {
        Net net = setUp();
        ecsnet.ecs().registerTaskDefinition(r -> r.family("bridge-app").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("a").image("nginx").memory(128)));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("ec2-vpc-app").networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(c -> c.name("a").image("nginx").memory(128)));
        String otherVpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String otherSubnet = ecsnet.ec2().createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.1.1.0/24")).subnet().subnetId();
        String otherSg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(otherVpc).groupName("x").description("x")).groupId();
        List<String> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeen.add(net.subnets().get(i % 3));
        }
        String sub = net.subnets().get(0);

        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app").launchType(LaunchType.FARGATE),
                "InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("bridge-app")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub))),
                "InvalidParameterException", "Network Configuration is not valid for the given networkMode of this task definition.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("ec2-vpc-app").launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub))),
                "InvalidParameterException", "Task definition does not support launch_type FARGATE.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("ec2-vpc-app").launchType(LaunchType.EC2)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub))),
                "InvalidParameterException", "No Container Instances were found in your cluster.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("no-such-family")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub))),
                "ClientException", "TaskDefinition not found.");
        assertRunTaskRefused(r -> r.cluster("nope").taskDefinition("web-app")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub))),
                "ClusterNotFoundException", "Cluster not found.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app").count(11)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub))),
                "InvalidParameterException", "count must be between 1 and 10.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(List.of()))),
                "InvalidParameterException", "subnets can not be empty.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(seventeen))),
                "InvalidParameterException", "subnets can have at most 16 items.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub)
                                .securityGroups(net.webSg(), net.webSg(), net.webSg(), net.webSg(), net.webSg(), net.webSg()))),
                "InvalidParameterException", "securityGroups can have at most 5 items.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub, "subnet-0123456789abcdef0"))),
                "InvalidParameterException", "Error retrieving subnet information for [" + sub + ", subnet-0123456789abcdef0]: "
                        + "The subnet ID 'subnet-0123456789abcdef0' does not exist (ErrorCode: InvalidSubnetID.NotFound)");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub).securityGroups("sg-0123456789abcdef0"))),
                "InvalidParameterException", "Error retrieving security group information for [sg-0123456789abcdef0]: "
                        + "The security group 'sg-0123456789abcdef0' does not exist (ErrorCode: InvalidGroup.NotFound)");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub).securityGroups(otherSg))),
                "InvalidParameterException", "Security group " + otherSg + " does not appear to belong to the same VPC as the input subnets.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub, otherSubnet))),
                "InvalidParameterException", "The subnets provided must all belong to the same VPC.");
        assertRunTaskRefused(r -> r.cluster("web").taskDefinition("web-app").launchType(LaunchType.FARGATE)
                        .capacityProviderStrategy(s -> s.capacityProvider("FARGATE"))
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(sub))),
                "InvalidParameterException", "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
    }

    @Test
    void runTaskWithoutClusterUsesDefaultWhichMustExist() {
        Net net = setUp();
        assertEcsError(() -> ecsnet.ecs().runTask(r -> r.taskDefinition("web-app")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))), "ClusterNotFoundException", "Cluster not found.");
        ecsnet.ecs().createCluster(r -> r.clusterName("default"));
        Task t = ecsnet.ecs().runTask(r -> r.taskDefinition("web-app")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0);
        assertThat(t.clusterArn()).endsWith(":cluster/default");
        assertThat(ecsnet.ecs().listTasks().taskArns()).containsExactly(t.taskArn());
    }

    @Test
    void stoppingAProvisioningTaskNeverCreatesAnEni() {
        Net net = setUp();
        String arn = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets().get(0))))).tasks().get(0).taskArn();
        Task stopping = ecsnet.ecs().stopTask(r -> r.cluster("web").task(arn).reason("changed my mind")).task();
        assertThat(stopping.stoppedReason()).isEqualTo("changed my mind");
        assertThat(stopping.lastStatus()).isEqualTo("DEPROVISIONING");
        ecsnet.settle();
        Task t = ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arn)).tasks().get(0);
        assertThat(t.lastStatus()).isEqualTo("STOPPED");
        assertThat(t.startedAt()).isNull();
        assertThat(eniCount()).isZero();
        assertThat(ecsnet.ec2().describeSubnets(r -> r.subnetIds(net.subnets().get(0))).subnets().get(0).availableIpAddressCount()).isEqualTo(251);
    }

    @Test
    void stoppingAPendingTaskGoesStraightToStoppingAndReleasesItsEni() {
        Net net = setUp();
        String arn = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets().get(0))))).tasks().get(0).taskArn();
        ecsnet.advance(Duration.ofMillis(200));
        assertThat(eniCount()).isEqualTo(1);
        Task stopping = ecsnet.ecs().stopTask(r -> r.cluster("web").task(arn.substring(arn.lastIndexOf('/') + 1))).task();
        assertThat(stopping.lastStatus()).isEqualTo("STOPPING");
        ecsnet.settle();
        assertThat(ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arn)).tasks().get(0).lastStatus()).isEqualTo("STOPPED");
        assertThat(eniCount()).isZero();
    }

    @Test
    void stopTaskOnAnUnknownTaskIsRefused() {
        setUp();
        assertEcsError(() -> ecsnet.ecs().stopTask(r -> r.cluster("web").task("0123456789abcdef0123456789abcdef")),
                "InvalidParameterException", "The referenced task was not found");
        assertEcsError(() -> ecsnet.ecs().stopTask(r -> r.cluster("nope").task("0123456789abcdef0123456789abcdef")),
                "ClusterNotFoundException", "Cluster not found.");
    }

    @Test
    void describeTasksReportsUnknownTasksAsMissingAndRefusesAnEmptyList() {
        Net net = setUp();
        String arn = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").tags(t -> t.key("k").value("v"))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0).taskArn();
        var out = ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arn, "0123456789abcdef0123456789abcdef"));
        assertThat(out.tasks()).extracting(Task::taskArn).containsExactly(arn);
        assertThat(out.tasks().get(0).tags()).isEmpty();
        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task/web/0123456789abcdef0123456789abcdef");
        });
        assertThat(ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arn).include(TaskField.TAGS)).tasks().get(0).tags())
                .singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("k"));
        assertEcsError(() -> ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(List.of())), "InvalidParameterException", "Tasks cannot be empty.");
        assertThatThrownBy(() -> ecsnet.ecs().waiter().waitUntilTasksRunning(r -> r.cluster("web").tasks("0123456789abcdef0123456789abcdef")))
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void listTasksFiltersByDesiredStatusFamilyStartedByAndPages() {
        Net net = setUp();
        ecsnet.ecs().registerTaskDefinition(r -> r.family("worker").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("w").image("busybox")));
        List<String> web = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").count(3).startedBy("deployer")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().stream().map(Task::taskArn).toList();
        String worker = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("worker")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0).taskArn();
        ecsnet.ecs().stopTask(r -> r.cluster("web").task(web.get(0)));

        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web")).taskArns()).containsExactly(web.get(1), web.get(2), worker);
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web").desiredStatus(DesiredStatus.STOPPED)).taskArns()).containsExactly(web.get(0));
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web").family("worker")).taskArns()).containsExactly(worker);
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web").startedBy("deployer")).taskArns()).containsExactly(web.get(1), web.get(2));
        // no service of that name: ListTasks answers ServiceNotFoundException, as AWS does
        assertThatThrownBy(() -> ecsnet.ecs().listTasks(r -> r.cluster("web").serviceName("svc")))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceNotFoundException"));
        var first = ecsnet.ecs().listTasks(r -> r.cluster("web").maxResults(2));
        assertThat(first.taskArns()).hasSize(2);
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web").maxResults(2).nextToken(first.nextToken())).taskArns()).containsExactly(worker);
        assertThat(ecsnet.ecs().listTasksPaginator(r -> r.cluster("web").maxResults(1)).taskArns()).hasSize(3);
        assertEcsError(() -> ecsnet.ecs().listTasks(r -> r.cluster("nope")), "ClusterNotFoundException", "Cluster not found.");
    }
}
