package dev.ecsnet.it;

import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.Alarm;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static dev.ecsnet.it.AwsRefusal.refused;
import static dev.ecsnet.it.AwsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application Auto Scaling of an ECS service through the SDK: the desired count kept within the target's bounds,
 * scheduled actions on the clock, stored policies with AWS's alarms, activities, tags, and AWS's errors. The
 * manual clock runs on from test to test, so schedules are written relative to its time.
 */
class ApplicationAutoScalingIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(TimingProfile.INSTANT);
    static ApplicationAutoScalingClient aas;
    static final String ID = "service/web/api";
    static final String SLR = "arn:aws:iam::000000000000:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
            + "AWSServiceRoleForApplicationAutoScaling_ECSService";

    @BeforeAll
    static void client() {
        aas = ecsnet.configure(ApplicationAutoScalingClient.builder()).build();
    }

    @AfterAll
    static void close() {
        aas.close();
    }

    @BeforeEach
    void service() {
        NetFixture net = new NetFixture(ecsnet.ec2());
        String subnet = net.subnet(net.vpc("10.0.0.0/16"), "10.0.1.0/24", "us-east-1a");
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));
        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition("api").desiredCount(1).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))));
    }

    private static int desired() {
        return ecsnet.ecs().describeServices(r -> r.cluster("web").services("api")).services().get(0).desiredCount();
    }

    private static void register(Consumer<RegisterScalableTargetRequest.Builder> more) {
        aas.registerScalableTarget(r -> {
            r.serviceNamespace(ServiceNamespace.ECS).resourceId(ID).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT);
            more.accept(r);
        });
    }

    /** A one-time schedule for {@code when}, in UTC. */
    private static String at(Instant when) {
        return "at(" + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(when) + ")";
    }

    private static List<ScalableTarget> targets() {
        return aas.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS)).scalableTargets();
    }

    private static List<ScalingActivity> activities() {
        return aas.describeScalingActivities(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(ID)).scalingActivities();
    }

    @Test
    void registeringKeepsTheDesiredCountWithinTheBounds() {
        refusedWithoutChange(ApplicationAutoScalingIT::targets, () -> aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId("service/web/nope").scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(1).maxCapacity(2)),
                "ValidationException", "ECS service doesn't exist: service/web/nope");
        refusedWithoutChange(ApplicationAutoScalingIT::targets, () -> register(r -> r.minCapacity(1)), "ValidationException", null);
        refusedWithoutChange(ApplicationAutoScalingIT::targets, () -> register(r -> r.minCapacity(3).maxCapacity(2)), "ValidationException",
                "Minimum capacity cannot be greater than maximum capacity");

        String arn = aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(2).maxCapacity(5)).scalableTargetARN();
        assertThat(arn).matches("arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target/[0-9a-f]{36}");
        assertThat(desired()).as("raised to the new minimum").isEqualTo(2);
        ScalableTarget t = targets().get(0);
        assertThat(t.minCapacity()).isEqualTo(2);
        assertThat(t.maxCapacity()).isEqualTo(5);
        assertThat(t.roleARN()).isEqualTo(SLR);
        assertThat(t.scalableTargetARN()).isEqualTo(arn);
        assertThat(t.creationTime()).isEqualTo(ecsnet.now());
        assertThat(t.suspendedState().scheduledScalingSuspended()).isFalse();
        assertThat(activities()).singleElement().satisfies(a -> {
            assertThat(a.description()).isEqualTo("Setting desired count to 2.");
            assertThat(a.cause()).isEqualTo("minimum capacity was set to 2");
            assertThat(a.statusCodeAsString()).isEqualTo("Successful");
            assertThat(a.statusMessage()).isEqualTo("Successfully set desired count to 2. Change successfully fulfilled by ecs.");
        });

        refusedWithoutChange(ApplicationAutoScalingIT::targets, () -> register(r -> r.maxCapacity(1)), "ValidationException",
                "Minimum capacity cannot be greater than maximum capacity");
        register(r -> r.minCapacity(1).maxCapacity(1));
        assertThat(desired()).as("lowered to the new maximum").isEqualTo(1);
        assertThat(activities().get(0).cause()).isEqualTo("maximum capacity was set to 1");
        register(r -> r.maxCapacity(3).suspendedState(s -> s.scheduledScalingSuspended(true)));
        assertThat(targets().get(0).suspendedState().scheduledScalingSuspended()).isTrue();
        assertThat(targets().get(0).minCapacity()).as("left out, kept").isEqualTo(1);
        assertThat(activities()).hasSize(2);
    }

    @Test
    void otherNamespacesAndDimensionsAreRefused() {
        refused(() -> aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId("table/t")
                .scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS).minCapacity(1).maxCapacity(2)), "ValidationException", null, 400);
        refused(() -> aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId("web/api")
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(1).maxCapacity(2)), "ValidationException",
                "Unsupported service namespace, resource type or scalable dimension", 400);
        refused(() -> aas.registerScalableTarget(r -> r.serviceNamespace("ecs2").resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(1).maxCapacity(2)), "ValidationException", null, 400);
        assertThat(aas.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets()).isEmpty();
    }

    @Test
    void targetTrackingPoliciesGetAwsAlarmsButNeverScale() {
        refused(() -> aas.putScalingPolicy(r -> r.policyName("cpu").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0).predefinedMetricSpecification(m -> m
                        .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)))), "ObjectNotFoundException",
                "No scalable target registered for service namespace: ecs, resource ID: service/web/api, scalable dimension: ecs:service:DesiredCount", 400);
        register(r -> r.minCapacity(1).maxCapacity(4));
        PutScalingPolicyResponse put = aas.putScalingPolicy(r -> r.policyName("cpu").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0).scaleInCooldown(300).scaleOutCooldown(60)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
        assertThat(put.policyARN()).matches("arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:[0-9a-f-]{36}:resource/ecs/service/web/api:policyName/cpu");
        assertThat(put.alarms()).extracting(Alarm::alarmName).satisfiesExactly(
                n -> assertThat(n).matches("TargetTracking-service/web/api-AlarmHigh-[0-9a-f-]{36}"),
                n -> assertThat(n).matches("TargetTracking-service/web/api-AlarmLow-[0-9a-f-]{36}"));
        assertThat(put.alarms().get(0).alarmARN()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:" + put.alarms().get(0).alarmName());

        ScalingPolicy described = aas.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(ID)).scalingPolicies().get(0);
        assertThat(described.policyARN()).isEqualTo(put.policyARN());
        assertThat(described.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(60.0);
        assertThat(described.targetTrackingScalingPolicyConfiguration().scaleInCooldown()).isEqualTo(300);
        assertThat(described.alarms()).isEqualTo(put.alarms());

        PutScalingPolicyResponse again = aas.putScalingPolicy(r -> r.policyName("cpu").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(70.0).disableScaleIn(true)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION))));
        assertThat(again.policyARN()).isEqualTo(put.policyARN());
        assertThat(again.alarms()).containsExactly(put.alarms().get(0));

        aas.putScalingPolicy(r -> r.policyName("steps").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyType(PolicyType.STEP_SCALING)
                .stepScalingPolicyConfiguration(c -> c.adjustmentType("ChangeInCapacity").cooldown(60)
                        .stepAdjustments(s -> s.metricIntervalLowerBound(0.0).scalingAdjustment(1))));
        refused(() -> aas.putScalingPolicy(r -> r.policyName("alb").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(100.0).predefinedMetricSpecification(m -> m
                        .predefinedMetricType(MetricType.ALB_REQUEST_COUNT_PER_TARGET)))), "ValidationException", null, 400);
        assertThat(aas.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS).policyNames("steps")).scalingPolicies())
                .singleElement().satisfies(p -> assertThat(p.stepScalingPolicyConfiguration().stepAdjustments().get(0).scalingAdjustment()).isEqualTo(1));

        aas.deleteScalingPolicy(r -> r.policyName("steps").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        refused(() -> aas.deleteScalingPolicy(r -> r.policyName("steps").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)), "ObjectNotFoundException",
                "No scaling policy found for service namespace: ecs, resource ID: service/web/api, scalable dimension: ecs:service:DesiredCount, "
                        + "scaling policy name: steps", 400);
        ecsnet.advance(Duration.ofHours(6));
        assertThat(desired()).as("no metrics, so no policy ever scales").isEqualTo(1);
        assertThat(activities()).isEmpty();
    }

    @Test
    void scheduledActionsFireOnTheClockInTheirTimeZone() {
        register(r -> r.minCapacity(1).maxCapacity(4));
        // a daily cron written in Berlin time, due an hour from now; and a one-time action an hour later, in UTC
        Instant morning = ecsnet.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.ZonedDateTime berlin = morning.atZone(java.time.ZoneId.of("Europe/Berlin"));
        String cron = "cron(" + berlin.getMinute() + " " + berlin.getHour() + " * * ? *)";
        String at = at(morning.plus(Duration.ofHours(1)));
        aas.putScheduledAction(r -> r.scheduledActionName("morning").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).schedule(cron).timezone("Europe/Berlin")
                .scalableTargetAction(a -> a.minCapacity(3).maxCapacity(4)));
        aas.putScheduledAction(r -> r.scheduledActionName("later-cap").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).schedule(at).scalableTargetAction(a -> a.maxCapacity(2)));
        assertThat(aas.describeScheduledActions(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(ID)).scheduledActions())
                .extracting(a -> a.scheduledActionName() + " " + a.timezone() + " " + a.schedule())
                .containsExactly("morning Europe/Berlin " + cron, "later-cap UTC " + at);

        ecsnet.advance(Duration.between(ecsnet.now(), morning.minusSeconds(30)));
        assertThat(desired()).isEqualTo(1);
        ecsnet.advance(Duration.ofMinutes(1));
        assertThat(desired()).as("the morning action raised the minimum to 3").isEqualTo(3);
        assertThat(activities()).extracting(ScalingActivity::description, ScalingActivity::cause).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Setting desired count to 3.", "minimum capacity was set to 3"),
                org.assertj.core.groups.Tuple.tuple("Setting min capacity to 3 and max capacity to 4", "scheduled action name morning was triggered"));
        assertThat(activities().get(1).statusMessage()).isEqualTo("Successfully set min capacity to 3 and max capacity to 4");
        assertThat(activities().get(1).startTime()).isEqualTo(morning);

        ecsnet.advance(Duration.ofHours(1));
        assertThat(desired()).as("an hour later the maximum drops to 2, and the minimum with it").isEqualTo(2);
        assertThat(targets().get(0).minCapacity()).isEqualTo(2);
        assertThat(activities().get(1).description()).isEqualTo("Setting max capacity to 2");

        // the next morning, with scheduled scaling suspended, nothing happens; the morning after, it runs again
        register(r -> r.suspendedState(s -> s.scheduledScalingSuspended(true)));
        ecsnet.advance(Duration.ofHours(24));
        assertThat(desired()).isEqualTo(2);
        register(r -> r.suspendedState(s -> s.scheduledScalingSuspended(false)));
        ecsnet.advance(Duration.ofHours(24));
        assertThat(desired()).isEqualTo(3);
        assertThat(activities().get(1).startTime()).isEqualTo(morning.plus(Duration.ofDays(2)));
    }

    @Test
    void scheduledActionsAreChecked() {
        refused(() -> aas.putScheduledAction(r -> r.scheduledActionName("x").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).schedule("rate(5 minutes)")
                .scalableTargetAction(a -> a.minCapacity(1))), "ObjectNotFoundException", null, 400);
        register(r -> r.minCapacity(1).maxCapacity(4));
        List<String> none = List.of();
        java.util.function.Supplier<Integer> count = () -> aas.describeScheduledActions(r -> r.serviceNamespace(ServiceNamespace.ECS))
                .scheduledActions().size();
        refusedWithoutChange(count, () -> aas.putScheduledAction(r -> r.scheduledActionName("x").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).schedule("rate(5 minutes)")
                .scalableTargetAction(a -> { })), "ValidationException", "At least one of minimum capacity and maximum capacity should be provided");
        refusedWithoutChange(count, () -> aas.putScheduledAction(r -> r.scheduledActionName("x").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).schedule("every 5 minutes")
                .scalableTargetAction(a -> a.minCapacity(1))), "ValidationException", null);
        refusedWithoutChange(count, () -> aas.putScheduledAction(r -> r.scheduledActionName("x").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).schedule("rate(5 minutes)").timezone("Mars/Olympus")
                .scalableTargetAction(a -> a.minCapacity(1))), "ValidationException", null);
        refusedWithoutChange(count, () -> aas.putScheduledAction(r -> r.scheduledActionName("a/b").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).schedule("rate(5 minutes)")
                .scalableTargetAction(a -> a.minCapacity(1))), "ValidationException", null);
        assertThat(none).isEmpty();

        aas.putScheduledAction(r -> r.scheduledActionName("every-5").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).schedule("rate(5 minutes)")
                .endTime(ecsnet.now().plus(Duration.ofMinutes(12))).scalableTargetAction(a -> a.minCapacity(2)));
        ecsnet.advance(Duration.ofMinutes(30));
        assertThat(activities().stream().filter(a -> a.cause().startsWith("scheduled action"))).as("runs after 5 and 10 minutes only").hasSize(2);
        aas.deleteScheduledAction(r -> r.scheduledActionName("every-5").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        refused(() -> aas.deleteScheduledAction(r -> r.scheduledActionName("every-5").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)), "ObjectNotFoundException", null, 400);
    }

    @Test
    void deregisteringRemovesPoliciesAndScheduledActions() {
        register(r -> r.minCapacity(1).maxCapacity(4));
        aas.putScalingPolicy(r -> r.policyName("cpu").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0).predefinedMetricSpecification(m -> m
                        .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
        aas.putScheduledAction(r -> r.scheduledActionName("soon").serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .schedule(at(ecsnet.now().plus(Duration.ofHours(1))))
                .scalableTargetAction(a -> a.minCapacity(3)));
        aas.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        assertThat(targets()).isEmpty();
        assertThat(aas.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS)).scalingPolicies()).isEmpty();
        assertThat(aas.describeScheduledActions(r -> r.serviceNamespace(ServiceNamespace.ECS)).scheduledActions()).isEmpty();
        ecsnet.advance(Duration.ofHours(2));
        assertThat(desired()).as("the deregistered action never ran").isEqualTo(1);
        refused(() -> aas.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)), "ObjectNotFoundException",
                "No scalable target found for service namespace: ecs, resource ID: service/web/api, scalable dimension: ecs:service:DesiredCount", 400);
    }

    @Test
    void targetsCarryTags() {
        register(r -> r.minCapacity(1).maxCapacity(4).tags(java.util.Map.of("team", "web")));
        String arn = targets().get(0).scalableTargetARN();
        aas.tagResource(r -> r.resourceARN(arn).tags(java.util.Map.of("env", "prod")));
        assertThat(aas.listTagsForResource(r -> r.resourceARN(arn)).tags()).containsOnly(java.util.Map.entry("team", "web"),
                java.util.Map.entry("env", "prod"));
        aas.untagResource(r -> r.resourceARN(arn).tagKeys("team"));
        assertThat(aas.listTagsForResource(r -> r.resourceARN(arn)).tags()).containsOnlyKeys("env");
        refused(() -> aas.listTagsForResource(r -> r.resourceARN("arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target/0123")),
                "ResourceNotFoundException", null, 400);
    }
}
