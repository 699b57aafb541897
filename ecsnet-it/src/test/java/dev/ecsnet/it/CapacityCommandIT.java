package dev.ecsnet.it;

import dev.ecsnet.app.cli.EcsnetCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.SettingName;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ecsnet capacity --launch-template / --auto-scaling-group} against the in-process server: the instance type
 * comes from the template version the group launches, the sizes and awsvpcTrunking from the server, the task
 * definition from {@code --task-definition-family}; unknown names are one line and exit 2.
 */
class CapacityCommandIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    AutoScalingFixture f;

    @BeforeEach
    void groupOfT3Medium() {
        f = new AutoScalingFixture(ecsnet.ec2(), ecsnet.autoScaling(), "demo", "t3.medium");
        f.createGroup("ecs-nodes", 0, 3, 0, r -> { });
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.EC2)
                .cpu("128").memory("256").containerDefinitions(c -> c.name("app").image("nginx")));
    }

    record Run(int exitCode, String out, String err) {
    }

    Run capacity(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EcsnetCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("capacity"));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoint", ecsnet.endpoint().toString()));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aGroupOfT3MediumNeedsThreeForSixTasksAndItsMaxOfThreeIsTooSmallForEight() {
        Run six = capacity("--auto-scaling-group", "ecs-nodes", "--task-definition-family", "api", "--tasks", "6");
        assertThat(six.exitCode()).as(six.err()).isZero();
        assertThat(six.out()).startsWith("in us-east-1 (account 000000000000):")
                .contains("launch template " + f.launchTemplateId + " (ecs-nodes) version 1: t3.medium; awsvpcTrunking disabled; task definition "
                        + "arn:aws:ecs:us-east-1:000000000000:task-definition/api:1")
                .contains("task: awsvpc mode, 128 CPU units, 256 MiB")
                .contains("6 tasks need 3 t3.medium (ENI-bound), or 1 c5.large (ENI-bound) with trunking")
                .contains("group ecs-nodes: min 0, desired 0, max 3; 6 tasks need 3 t3.medium (ENI-bound): max size is enough");
        assertThat(capacity("--auto-scaling-group", "ecs-nodes", "--task-definition-family", "api:1", "--tasks", "8").out())
                .contains("group ecs-nodes: min 0, desired 0, max 3; 8 tasks need 4 t3.medium (ENI-bound): max size 3 is too small");
        assertThat(capacity("--auto-scaling-group", "ecs-nodes", "--cpu", "128", "--memory", "256").out())
                .contains("group ecs-nodes: min 0, desired 0, max 3; at desired 0 t3.medium take 0 tasks, at max 6 tasks (ENI-bound)");
    }

    @Test
    void theGroupLaunchesItsOwnVersionAndTrunksWhenTheAccountSettingIsOn() {
        ecsnet.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(f.launchTemplateId).sourceVersion("1")
                .launchTemplateData(d -> d.instanceType("c5.large")));
        ecsnet.ecs().putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"));
        Run group = capacity("--auto-scaling-group", "ecs-nodes", "--task-definition-family", "api", "--tasks", "6");
        assertThat(group.out()).as(group.err())
                .contains("launch template " + f.launchTemplateId + " (ecs-nodes) version 2: c5.large; awsvpcTrunking enabled")
                .contains("group ecs-nodes: min 0, desired 0, max 3; 6 tasks need 1 c5.large (ENI-bound) with trunking: max size is enough");
        assertThat(capacity("--launch-template", "ecs-nodes", "--tasks", "6").out())
                .contains("(ecs-nodes) version 1: t3.medium").doesNotContain("group ");
        assertThat(capacity("--launch-template", f.launchTemplateId, "--launch-template-version", "$Latest", "--cpu", "128", "--memory", "256").out())
                .contains("(ecs-nodes) version 2: c5.large")
                .contains("with trunking:    10 tasks per instance (bound by ENI: ECS's with-trunking figure for c5.large)");
    }

    @Test
    void unknownNamesAreOneLineAndExitTwo() {
        String[][] cases = {
                {"ecsnet capacity: no Auto Scaling group named nope in us-east-1 (account 000000000000)", "--auto-scaling-group", "nope"},
                {"ecsnet capacity: The specified launch template, with template name nope, does not exist.", "--launch-template", "nope"},
                {"ecsnet capacity: no task definition web:7 in us-east-1 (account 000000000000)", "--auto-scaling-group", "ecs-nodes",
                        "--task-definition-family", "web:7"},
                {"ecsnet capacity: Could not find the specified version 9 for the launch template with ID " + f.launchTemplateId + ".",
                        "--launch-template", f.launchTemplateId, "--launch-template-version", "9"},
        };
        for (String[] c : cases) {
            Run r = capacity(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertThat(r.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).isEqualTo(c[0] + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
        Run otherRegion = capacity("--auto-scaling-group", "ecs-nodes", "--region", "eu-west-1");
        assertThat(otherRegion.err()).isEqualTo("ecsnet capacity: no Auto Scaling group named ecs-nodes in eu-west-1 (account 000000000000)"
                + System.lineSeparator());
    }
}
