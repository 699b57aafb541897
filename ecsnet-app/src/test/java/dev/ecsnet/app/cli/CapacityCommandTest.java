package dev.ecsnet.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EcsnetCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void c5LargeFitsTwoAwsvpcTasksWithoutTrunkingAndTenWith() {
        String[] r = run("capacity", "--instance-type", "c5.large", "--cpu", "128", "--memory", "256", "--subnet", "10.0.1.0/24", "--instances", "3");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("without trunking: 2 tasks per instance (bound by ENI: 3 ENIs - 1 primary)")
                .contains("with trunking:    10 tasks per instance (bound by ENI: ECS's with-trunking figure for c5.large)")
                .contains("in subnets 10.0.1.0/24: 248 task ENIs")
                .contains("with trunking: 245 task ENIs");
    }

    @Test
    void tasksSaysHowManyInstancesTheyNeedWithAndWithoutTrunking() {
        String[] r = run("capacity", "-i", "t3.medium", "--cpu", "128", "--memory", "256", "--tasks", "6");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("6 tasks need 3 t3.medium (ENI-bound), or 1 c5.large (ENI-bound) with trunking");
        assertThat(run("capacity", "-i", "c5.large", "--cpu", "1024", "--memory", "512", "--tasks", "5")[1])
                .contains("5 tasks need 3 c5.large (CPU-bound), or 3 c5.large (CPU-bound) with trunking");
        String[] bad = run("capacity", "-i", "t3.medium", "--tasks", "0");
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).isEqualTo("ecsnet capacity: --tasks must be between 1 and 100000, not 0" + System.lineSeparator());
    }

    @Test
    void t3MediumCannotTrunkAndCpuCanBind() {
        String[] r = run("capacity", "-i", "t3.medium", "--cpu", "512", "--memory", "512");
        assertThat(r[1]).contains("trunking not supported")
                .contains("with trunking:    2 tasks per instance (bound by ENI: 3 ENIs - 1 primary (t3.medium does not support ENI trunking))");
        assertThat(run("capacity", "-i", "c5.large", "--cpu", "1024", "--memory", "512")[1])
                .contains("with trunking:    2 tasks per instance (bound by CPU: 2048 CPU units / 1024)");
    }

    @Test
    void readsATaskDefinitionFileAndReportsPortBounds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("td.json");
        Files.writeString(file, "{\"family\":\"web\",\"networkMode\":\"bridge\",\"containerDefinitions\":[{\"name\":\"web\",\"image\":\"nginx\","
                + "\"memory\":128,\"portMappings\":[{\"containerPort\":80,\"hostPort\":8080}]}]}");
        String[] r = run("capacity", "-i", "m5.large", "-t", file.toString());
        assertThat(r[1]).contains("1 tasks per instance (bound by PORTS: static host ports 8080/tcp can be bound once per instance)");
    }

    @Test
    void refusesTypesOfUnknownSize() {
        String[] r = run("capacity", "-i", "c8i.large");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("vCPU/memory are not in ecsnet's table");
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.json");
        Path notJson = Files.writeString(dir.resolve("bad.json"), "{\"family\": ");
        Path noContainers = Files.writeString(dir.resolve("empty.json"), "{\"family\": \"web\"}");
        Path badMode = Files.writeString(dir.resolve("mode.json"), "{\"networkMode\": \"foo\", \"containerDefinitions\": []}");
        String[][] cases = {
                {"ecsnet capacity: --subnet 10.0.1.0/33 is not an IPv4 CIDR block (like 10.0.1.0/24)", "--subnet", "10.0.1.0/33"},
                {"ecsnet capacity: --subnet 10.0.0.0/8: an AWS subnet is a /16 to a /28", "--subnet", "10.0.0.0/8"},
                {"ecsnet capacity: --network-mode foo is not one of awsvpc, bridge, host, none", "--network-mode", "foo"},
                {"ecsnet capacity: --cpu and --memory must be positive (CPU units and MiB), not -1 and 512", "--cpu", "-1"},
                {"ecsnet capacity: --instances must be 0 or more, not -2", "--instances", "-2"},
                {"ecsnet capacity: task definition file " + missing + " does not exist", "-t", missing.toString()},
                {"ecsnet capacity: " + noContainers + " has no containerDefinitions list (RegisterTaskDefinition input or describe-task-definition output)",
                        "-t", noContainers.toString()},
                {"ecsnet capacity: " + badMode + ": networkMode foo is not one of awsvpc, bridge, host, none", "-t", badMode.toString()},
        };
        for (String[] c : cases) {
            String[] r = run("capacity", "-i", "c5.large", c[1], c[2]);
            assertThat(r[0]).as(c[1] + " " + c[2]).isEqualTo("2");
            assertThat(r[2]).as(c[1] + " " + c[2]).isEqualTo(c[0] + System.lineSeparator());
            assertThat(r[1]).isEmpty();
        }
        String[] r = run("capacity", "-i", "c5.large", "-t", notJson.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).startsWith("ecsnet capacity: " + notJson + " is not JSON: ").doesNotContain("\tat ").hasLineCount(1);
        String[] unknown = run("capacity", "-i", "c9.huge");
        assertThat(unknown[2]).isEqualTo("ecsnet capacity: unknown instance type 'c9.huge'" + System.lineSeparator());
        String[] notANumber = run("capacity", "-i", "c5.large", "--cpu", "lots");
        assertThat(notANumber[0]).isEqualTo("2");
        assertThat(notANumber[2]).isEqualTo("ecsnet: Invalid value for option '--cpu': 'lots' is not an int (see: ecsnet capacity --help)"
                + System.lineSeparator());
    }

    @Test
    void exactlyOneSourceOfTheInstanceTypeAndFlagsThatNeedAServerSayWhichGoTogether(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("td.json"), "{\"networkMode\": \"awsvpc\", \"containerDefinitions\": []}");
        String[][] cases = {
                {"ecsnet capacity: give exactly one of -i/--instance-type, --launch-template, --auto-scaling-group"},
                {"ecsnet capacity: give exactly one of -i/--instance-type, --launch-template, --auto-scaling-group", "-i", "c5.large",
                        "--auto-scaling-group", "g"},
                {"ecsnet capacity: give exactly one of -i/--instance-type, --launch-template, --auto-scaling-group", "--launch-template", "lt",
                        "--auto-scaling-group", "g"},
                {"ecsnet capacity: --launch-template-version goes with --launch-template (a group launches its own version)",
                        "--auto-scaling-group", "g", "--launch-template-version", "2"},
                {"ecsnet capacity: --task-definition-family reads from a running ecsnet: use it with --launch-template or --auto-scaling-group (or -t FILE)",
                        "-i", "c5.large", "--task-definition-family", "web"},
                {"ecsnet capacity: give -t/--task-definition or --task-definition-family, not both", "--auto-scaling-group", "g",
                        "--task-definition-family", "web", "-t", file.toString()},
                {"ecsnet capacity: --json is not supported by capacity (it prints text)", "--auto-scaling-group", "g", "--json"},
                {"ecsnet capacity: --tasks must be between 1 and 100000, not 0", "--auto-scaling-group", "g", "--tasks", "0"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 2];
            args[0] = "capacity";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            args[c.length] = "--endpoint";
            args[c.length + 1] = "http://127.0.0.1:1";
            String[] r = run(args);
            assertThat(r[0]).as(c[0]).isEqualTo("2");
            assertThat(r[2]).as(c[0]).isEqualTo(c[0] + System.lineSeparator());
            assertThat(r[1]).isEmpty();
        }
    }

    @Test
    void aGroupWithNoServerThereSaysSoInOneLine() {
        String[] r = run("capacity", "--auto-scaling-group", "g", "--endpoint", "http://127.0.0.1:1");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).isEqualTo("ecsnet capacity: no ecsnet answers at http://127.0.0.1:1 (connection refused; is 'ecsnet serve' running there?)"
                + System.lineSeparator());
    }
}
