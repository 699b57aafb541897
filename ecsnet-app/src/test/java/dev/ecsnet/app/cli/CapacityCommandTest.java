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
        CommandLine cli = new CommandLine(new EcsnetCommand());
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
}
