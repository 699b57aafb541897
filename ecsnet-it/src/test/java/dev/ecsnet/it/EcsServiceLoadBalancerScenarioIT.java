package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.InstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.Namespace;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Fargate service behind an ALB with a Cloud Map registry, on the manual clock: its tasks become healthy ip
 * targets on 8080 and Cloud Map instances with ECS's attributes; removing the ALB → task ingress rule makes the
 * targets unhealthy and, after the grace period, the service replaces its tasks with AWS's events and stop reason;
 * restoring the rule brings it back to a steady state. An {@code instance} target group is refused for awsvpc.
 */
class EcsServiceLoadBalancerScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static ElasticLoadBalancingV2Client elb;
    static ServiceDiscoveryClient sd;

    @BeforeAll
    static void clients() {
        elb = ecsnet.configure(ElasticLoadBalancingV2Client.builder()).build();
        sd = ecsnet.configure(ServiceDiscoveryClient.builder()).build();
    }

    @AfterAll
    static void close() {
        elb.close();
        sd.close();
    }

    private Service describe() {
        return ecsnet.ecs().describeServices(r -> r.cluster("web").services("web-app")).services().get(0);
    }

    private List<String> messages() {
        return describe().events().stream().map(ServiceEvent::message).toList();
    }

    private List<TargetHealthDescription> health(String tg) {
        return elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions();
    }

    @Test
    void unhealthyTargetsCycleTasksUntilTheRuleIsRestored() {
        NetFixture net = new NetFixture(ecsnet.ec2());
        String vpc = net.vpc("10.0.0.0/16");
        net.attachedIgw(vpc);
        String publicA = net.subnet(vpc, "10.0.101.0/24", "us-east-1a");
        String publicB = net.subnet(vpc, "10.0.102.0/24", "us-east-1b");
        String privateA = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        String privateB = net.subnet(vpc, "10.0.2.0/24", "us-east-1b");
        String albSg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("alb").description("alb")).groupId();
        ecsnet.ec2().authorizeSecurityGroupIngress(r -> r.groupId(albSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(80).toPort(80)
                .ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
        String taskSg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("task").description("task")).groupId();
        IpPermission fromAlb = IpPermission.builder().ipProtocol("tcp").fromPort(8080).toPort(8080)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(albSg).build()).build();
        ecsnet.ec2().authorizeSecurityGroupIngress(r -> r.groupId(taskSg).ipPermissions(fromAlb));

        String lb = elb.createLoadBalancer(r -> r.name("web-alb").subnets(publicA, publicB).securityGroups(albSg))
                .loadBalancers().get(0).loadBalancerArn();
        String tg = elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080).vpcId(vpc).targetType("ip")
                .healthCheckPath("/health")).targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb).port(80).protocol("HTTP").defaultActions(a -> a.type("forward").targetGroupArn(tg)));
        String instanceTg = elb.createTargetGroup(r -> r.name("web-instances").protocol("HTTP").port(8080).vpcId(vpc))
                .targetGroups().get(0).targetGroupArn();
        Namespace ns = ServiceDiscoveryIT.privateNamespace(sd, vpc, "seed.local");
        String registry = sd.createService(r -> r.name("web-app").namespaceId(ns.id())
                .dnsConfig(d -> d.namespaceId(ns.id()).routingPolicy("MULTIVALUE").dnsRecords(x -> x.type("A").ttl(10L)))
                .healthCheckCustomConfig(h -> h.failureThreshold(1))).service().arn();

        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080))));

        AwsServiceException refused = catchThrowableOfType(() -> ecsnet.ecs().createService(r -> r.cluster("web")
                .serviceName("web-app").taskDefinition("web").desiredCount(2).launchType(LaunchType.FARGATE)
                .loadBalancers(l -> l.targetGroupArn(instanceTg).containerName("app").containerPort(8080))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(privateA, privateB).securityGroups(taskSg)))),
                AwsServiceException.class);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("The provided target group " + instanceTg + " has target type "
                + "instance, which is incompatible with the awsvpc network mode specified in the task definition.");

        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("web-app").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE).healthCheckGracePeriodSeconds(10)
                .loadBalancers(l -> l.targetGroupArn(tg).containerName("app").containerPort(8080))
                .serviceRegistries(x -> x.registryArn(registry))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(privateA, privateB).securityGroups(taskSg))));
        ecsnet.advance(Duration.ofSeconds(20));

        List<Task> tasks = ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(ecsnet.ecs().listTasks(x -> x.cluster("web")
                .serviceName("web-app")).taskArns())).tasks();
        List<String> ips = tasks.stream().map(t -> t.containers().get(0).networkInterfaces().get(0).privateIpv4Address()).sorted().toList();
        assertThat(health(tg)).extracting(h -> h.target().id()).containsExactlyInAnyOrderElementsOf(ips);
        assertThat(health(tg)).allSatisfy(h -> {
            assertThat(h.target().port()).isEqualTo(8080);
            assertThat(h.targetHealth().stateAsString()).isEqualTo("healthy");
        });
        List<InstanceSummary> instances = sd.listInstances(r -> r.serviceId(registry.substring(registry.lastIndexOf('/') + 1))).instances();
        assertThat(instances).extracting(i -> i.attributes().get("AWS_INSTANCE_IPV4")).containsExactlyInAnyOrderElementsOf(ips);
        assertThat(instances).extracting(InstanceSummary::id)
                .containsExactlyInAnyOrderElementsOf(tasks.stream().map(t -> t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1)).toList());
        assertThat(instances.get(0).attributes()).containsEntry("ECS_SERVICE_NAME", "web-app").containsEntry("ECS_CLUSTER_NAME", "web")
                .containsEntry("ECS_TASK_DEFINITION_FAMILY", "web").containsEntry("REGION", "us-east-1").containsKey("AVAILABILITY_ZONE");
        assertThat(messages().get(0)).isEqualTo("(service web-app) has reached a steady state.");
        assertThat(messages()).contains("(service web-app) registered 2 targets in (target-group " + tg + ")");

        // the ALB can no longer reach the tasks: unhealthy, then replaced after the grace period
        ecsnet.ec2().revokeSecurityGroupIngress(r -> r.groupId(taskSg).ipPermissions(fromAlb));
        ecsnet.advance(Duration.ofSeconds(40));
        List<String> events = messages();
        assertThat(events).anyMatch(m -> m.matches("\\(service web-app\\) \\(task \\w{32}\\) \\(port 8080\\) is unhealthy in "
                + "\\(target-group " + java.util.regex.Pattern.quote(tg) + "\\) due to \\(reason Request timed out\\)\\."));
        assertThat(events).anyMatch(m -> m.startsWith("(service web-app) has stopped 2 running tasks:")
                || m.startsWith("(service web-app) has stopped 1 running tasks:"));
        assertThat(events).contains("(service web-app) deregistered 2 targets in (target-group " + tg + ")");
        List<Task> stopped = ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(ecsnet.ecs().listTasks(x -> x.cluster("web")
                .serviceName("web-app").desiredStatus(DesiredStatus.STOPPED)).taskArns())).tasks();
        assertThat(stopped).isNotEmpty().allSatisfy(t -> {
            assertThat(t.stopCodeAsString()).isEqualTo("ServiceSchedulerInitiated");
            assertThat(t.stoppedReason()).isEqualTo("Task failed ELB health checks in (target-group " + tg + ")");
        });

        // fixing the rule heals it
        ecsnet.ec2().authorizeSecurityGroupIngress(r -> r.groupId(taskSg).ipPermissions(fromAlb));
        ecsnet.advance(Duration.ofSeconds(60));
        assertThat(messages().get(0)).isEqualTo("(service web-app) has reached a steady state.");
        assertThat(describe().runningCount()).isEqualTo(2);
        assertThat(health(tg)).filteredOn(h -> h.targetHealth().stateAsString().equals("healthy")).hasSize(2);
    }
}
