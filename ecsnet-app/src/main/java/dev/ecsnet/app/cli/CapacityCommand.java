package dev.ecsnet.app.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.ec2.InstanceTypes;
import dev.ecsnet.domain.ecs.ContainerInstance;
import dev.ecsnet.domain.ecs.placement.CapacityCalculator;
import dev.ecsnet.domain.ecs.placement.TaskNeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ecsnet capacity}: how many tasks of a task definition fit, per instance type and in subnets (no server needed). */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = "How many tasks of a task definition fit on an instance type (with and without ENI trunking) and in subnets.")
final class CapacityCommand implements Callable<Integer> {

    @Option(names = {"-i", "--instance-type"}, required = true, description = "EC2 instance type, e.g. c5.large.")
    String instanceType;

    @Option(names = {"-t", "--task-definition"}, description = "Task definition JSON file (RegisterTaskDefinition input, e.g. from describe-task-definition).")
    Path taskDefinition;

    @Option(names = "--network-mode", defaultValue = "awsvpc", description = "Without a file: network mode (default: ${DEFAULT-VALUE}).")
    String networkMode;

    @Option(names = "--cpu", defaultValue = "256", description = "Without a file: task CPU units (default: ${DEFAULT-VALUE}).")
    int cpu;

    @Option(names = "--memory", defaultValue = "512", description = "Without a file: task memory in MiB (default: ${DEFAULT-VALUE}).")
    int memory;

    @Option(names = "--subnet", description = "Subnet CIDR the tasks' ENIs come from; repeat for several.")
    List<String> subnets = new ArrayList<>();

    @Option(names = "--instances", defaultValue = "1", description = "Instances in those subnets (each takes a primary ENI address, and a trunk ENI address when trunked) (default: ${DEFAULT-VALUE}).")
    int instances;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<InstanceType> found = InstanceTypes.find(instanceType);
        if (found.isEmpty() || !found.get().hasKnownSize()) {
            spec.commandLine().getErr().println(found.isEmpty() ? "unknown instance type " + instanceType
                    : instanceType + ": ENI limits are known but vCPU/memory are not in ecsnet's table");
            return 2;
        }
        InstanceType type = found.get();
        TaskNeeds needs = TaskNeeds.of(document(), List.of());
        out.printf("task: %s mode, %d CPU units, %d MiB%s%n", needs.networkMode(), needs.cpu(), needs.memory(), portsText(needs));
        out.printf("%s: %d vCPU (%d CPU units), %d MiB (%d registered), %d ENIs x %d IPv4 addresses, trunking %s%n",
                type.name(), type.vcpus(), type.cpuUnits(), type.memoryMib(), type.memoryMib() - ContainerInstance.RESERVED_MEMORY_MIB,
                type.maxEnis(), type.ipv4PerEni(), type.supportsTrunking() ? "supported" : "not supported");
        print(out, "without trunking", CapacityCalculator.perInstance(type, needs, false, ContainerInstance.RESERVED_MEMORY_MIB));
        print(out, "with trunking", CapacityCalculator.perInstance(type, needs, true, ContainerInstance.RESERVED_MEMORY_MIB));
        if (!subnets.isEmpty() && needs.needsEni()) {
            boolean trunked = type.supportsTrunking();
            CapacityCalculator.Answer a = CapacityCalculator.inSubnets(subnets, instances, false);
            out.printf("in subnets %s: %d task ENIs (%s)%n", String.join(", ", subnets), a.tasks(), a.binding().why());
            if (trunked) {
                CapacityCalculator.Answer t = CapacityCalculator.inSubnets(subnets, instances, true);
                out.printf("  with trunking: %d task ENIs (%s)%n", t.tasks(), t.binding().why());
            }
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String label, CapacityCalculator.Answer a) {
        out.printf("  %-17s %d tasks per instance (bound by %s: %s)%n", label + ":", a.tasks(), a.binding().resource(), a.binding().why());
    }

    private static String portsText(TaskNeeds n) {
        if (n.tcpPorts().isEmpty() && n.udpPorts().isEmpty() && n.dynamicTcpPorts() + n.dynamicUdpPorts() == 0) {
            return "";
        }
        return ", host ports " + n.tcpPorts() + (n.dynamicTcpPorts() > 0 ? " + " + n.dynamicTcpPorts() + " dynamic" : "");
    }

    private Map<String, Object> document() throws java.io.IOException {
        if (taskDefinition != null) {
            Map<String, Object> doc = new ObjectMapper().readValue(Files.readString(taskDefinition), new TypeReference<Map<String, Object>>() {
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = doc.get("taskDefinition") instanceof Map<?, ?> m ? (Map<String, Object>) m : doc;
            return inner;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("networkMode", networkMode);
        doc.put("cpu", Integer.toString(cpu));
        doc.put("memory", Integer.toString(memory));
        doc.put("containerDefinitions", List.of());
        return doc;
    }
}
