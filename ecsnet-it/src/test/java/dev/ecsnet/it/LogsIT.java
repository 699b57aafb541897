package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogsIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void client() {
        logs = ecsnet.configure(CloudWatchLogsClient.builder()).build();
    }

    @AfterAll
    static void close() {
        logs.close();
    }

    private static void assertError(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CloudWatchLogsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    @Test
    void logGroupWithRetentionAndTagsRoundTrips() {
        logs.createLogGroup(r -> r.logGroupName("/ecs/web-app").tags(Map.of("team", "web")));
        logs.putRetentionPolicy(r -> r.logGroupName("/ecs/web-app").retentionInDays(7));
        LogGroup g = logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/")).logGroups().get(0);
        assertThat(g.logGroupName()).isEqualTo("/ecs/web-app");
        assertThat(g.retentionInDays()).isEqualTo(7);
        assertThat(g.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web-app:*");
        assertThat(g.creationTime()).isEqualTo(ecsnet.now().toEpochMilli());
        assertThat(logs.listTagsForResource(r -> r.resourceArn(g.logGroupArn())).tags()).containsEntry("team", "web");
        logs.untagResource(r -> r.resourceArn(g.logGroupArn()).tagKeys("team"));
        assertThat(logs.listTagsLogGroup(r -> r.logGroupName("/ecs/web-app")).tags()).isEmpty();
        logs.deleteRetentionPolicy(r -> r.logGroupName("/ecs/web-app"));
        assertThat(logs.describeLogGroups().logGroups().get(0).retentionInDays()).isNull();
    }

    @Test
    void errorsNameTheLogGroupProblem() {
        logs.createLogGroup(r -> r.logGroupName("a"));
        assertError(() -> logs.createLogGroup(r -> r.logGroupName("a")), "ResourceAlreadyExistsException");
        assertError(() -> logs.deleteLogGroup(r -> r.logGroupName("missing")), "ResourceNotFoundException");
        assertError(() -> logs.putRetentionPolicy(r -> r.logGroupName("a").retentionInDays(8)), "InvalidParameterException");
        assertError(() -> logs.createLogGroup(r -> r.logGroupName("bad name!")), "InvalidParameterException");
        assertThat(logs.describeLogGroups().logGroups()).extracting(LogGroup::logGroupName).containsExactly("a");
        assertThat(logs.describeLogGroups().logGroups().get(0).retentionInDays()).isNull();
    }

    @Test
    void describePagesByLimit() {
        for (String n : new String[] {"c", "a", "b"}) {
            logs.createLogGroup(r -> r.logGroupName(n));
        }
        assertThat(logs.describeLogGroupsPaginator(r -> r.limit(2)).logGroups().stream().map(LogGroup::logGroupName))
                .containsExactly("a", "b", "c");
        logs.deleteLogGroup(r -> r.logGroupName("b"));
        assertThat(logs.describeLogGroups().logGroups()).extracting(LogGroup::logGroupName).containsExactly("a", "c");
    }
}
