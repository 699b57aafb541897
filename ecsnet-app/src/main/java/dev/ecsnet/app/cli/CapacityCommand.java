package dev.ecsnet.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.ec2.InstanceTypes;
import dev.ecsnet.domain.ecs.ContainerInstance;
import dev.ecsnet.domain.ecs.placement.CapacityCalculator;
import dev.ecsnet.domain.ecs.placement.TaskNeeds;
import dev.ecsnet.domain.net.Cidr;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

/**
 * {@code ecsnet capacity}: how many tasks of a task definition fit, per instance type and in subnets (no server
 * needed), or for the instance type of a launch template or Auto Scaling group of a running ecsnet, which also says
 * whether awsvpcTrunking is on and whether the group's max size holds {@code --tasks}.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = "How many tasks of a task definition fit on an instance type (with and without ENI trunking) and in subnets.")
final class CapacityCommand implements Callable<Integer> {

    @Option(names = {"-i", "--instance-type"}, description = "EC2 instance type, e.g. c5.large.")
    String instanceType;

    @Option(names = "--launch-template", paramLabel = "ID-or-NAME", description = "Instead of -i: the type a launch template of the running ecsnet launches.")
    String launchTemplate;

    @Option(names = "--launch-template-version", description = "With --launch-template: $Default (default), $Latest or a number.")
    String launchTemplateVersion;

    @Option(names = "--auto-scaling-group", paramLabel = "NAME", description = "Instead of -i: the type an Auto Scaling group launches (its own template version), and its sizes.")
    String autoScalingGroup;

    @Option(names = "--task-definition-family", paramLabel = "FAMILY[:REV]", description = "With --launch-template or --auto-scaling-group: a task definition registered there, instead of a file.")
    String taskDefinitionFamily;

    @Mixin
    AdminOptions admin;

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

    @Option(names = "--tasks", description = "Also say how many instances this many tasks need, with and without trunking.")
    Integer tasks;

    @Spec
    CommandSpec spec;

    private static final List<String> NETWORK_MODES = List.of("awsvpc", "bridge", "host", "none");

    /** A one-line input error: printed as {@code ecsnet capacity: ...}, exit status 2. */
    private static final class InputError extends Exception {
        InputError(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InstanceType type;
        TaskNeeds needs;
        Optional<JsonNode> server = Optional.empty();
        try {
            validateSource();
            validateFlags();
            if (instanceType == null) {
                server = AdminClient.get(admin.endpoint, "/_ecsnet/capacity", serverQuery(), "capacity", spec.commandLine().getErr());
                if (server.isEmpty()) {
                    return EcsnetCommand.USAGE;
                }
                instanceType = server.get().path("instanceType").asText();
            }
            type = instanceType();
            needs = server.isPresent() && server.get().has("taskDefinition") ? serverNeeds(server.get().path("taskDefinition"))
                    : TaskNeeds.of(document(), List.of());
        } catch (InputError e) {
            spec.commandLine().getErr().println("ecsnet capacity: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return EcsnetCommand.USAGE;
        }
        server.ifPresent(body -> printSource(out, body));
        out.printf("task: %s mode, %d CPU units, %d MiB%s%n", needs.networkMode(), needs.cpu(), needs.memory(), portsText(needs));
        out.printf("%s: %d vCPU (%d CPU units), %d MiB (%d registered), %d ENIs x %d IPv4 addresses, trunking %s%n",
                type.name(), type.vcpus(), type.cpuUnits(), type.memoryMib(), type.memoryMib() - ContainerInstance.RESERVED_MEMORY_MIB,
                type.maxEnis(), type.ipv4PerEni(), type.supportsTrunking() ? "supported" : "not supported");
        print(out, "without trunking", CapacityCalculator.perInstance(type, needs, false, ContainerInstance.RESERVED_MEMORY_MIB));
        print(out, "with trunking", CapacityCalculator.perInstance(type, needs, true, ContainerInstance.RESERVED_MEMORY_MIB));
        if (tasks != null) {
            printInstancesFor(out, type, needs);
        }
        if (server.isPresent() && server.get().has("group")) {
            printGroup(out, server.get(), type, needs);
        }
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

    /** Where the instance type came from, and whether ECS would trunk (the account's awsvpcTrunking). */
    private static void printSource(PrintWriter out, JsonNode body) {
        JsonNode t = body.path("launchTemplate");
        out.println(AdminOptions.scopeLine(body));
        out.printf("launch template %s (%s) version %d: %s; awsvpcTrunking %s%s%n", t.path("id").asText(), t.path("name").asText(),
                t.path("version").asLong(), body.path("instanceType").asText(), body.path("awsvpcTrunking").asBoolean() ? "enabled" : "disabled",
                body.has("taskDefinition") ? "; task definition " + body.path("taskDefinition").path("arn").asText() : "");
    }

    /** "group G: min 0, desired 3, max 3; 6 tasks need 3 t3.medium (ENI-bound): max size is enough", with the account's trunking. */
    private void printGroup(PrintWriter out, JsonNode body, InstanceType type, TaskNeeds needs) {
        JsonNode g = body.path("group");
        int max = g.path("maxSize").asInt();
        int desired = g.path("desiredCapacity").asInt();
        boolean trunked = body.path("awsvpcTrunking").asBoolean() && type.supportsTrunking() && needs.needsEni();
        CapacityCalculator.Answer per = CapacityCalculator.perInstance(type, needs, trunked, ContainerInstance.RESERVED_MEMORY_MIB);
        String sizes = String.format("group %s: min %d, desired %d, max %d; ", g.path("name").asText(), g.path("minSize").asInt(), desired, max);
        String how = trunked ? " with trunking" : "";
        if (tasks == null) {
            out.printf("%sat desired %d %s take %d tasks, at max %d tasks (%s-bound%s)%n", sizes, desired, type.name(),
                    (long) desired * per.tasks(), (long) max * per.tasks(), per.binding().resource(), how);
            return;
        }
        java.util.OptionalInt n = CapacityCalculator.instancesFor(tasks, per);
        String verdict = n.isEmpty() ? "" : n.getAsInt() <= max ? ": max size is enough" : ": max size " + max + " is too small";
        out.printf("%s%d tasks need %s%s%s%n", sizes, tasks, instances(per, type), how, verdict);
    }

    /** "6 tasks need 3 t3.medium (ENI-bound), or 1 c5.large with trunking" (c5.large when the type cannot trunk). */
    private void printInstancesFor(PrintWriter out, InstanceType type, TaskNeeds needs) {
        CapacityCalculator.Answer without = CapacityCalculator.perInstance(type, needs, false, ContainerInstance.RESERVED_MEMORY_MIB);
        InstanceType trunkType = type.supportsTrunking() ? type : InstanceTypes.find(CapacityCalculator.TRUNKING_EXAMPLE).orElseThrow();
        CapacityCalculator.Answer with = CapacityCalculator.perInstance(trunkType, needs, true, ContainerInstance.RESERVED_MEMORY_MIB);
        out.printf("%d tasks need %s, or %s with trunking%n", tasks, instances(without, type), instances(with, trunkType));
    }

    private String instances(CapacityCalculator.Answer per, InstanceType type) {
        java.util.OptionalInt n = CapacityCalculator.instancesFor(tasks, per);
        return n.isEmpty() ? "more than any " + type.name() + " offers (" + per.binding().resource() + ")"
                : n.getAsInt() + " " + type.name() + " (" + per.binding().resource() + "-bound)";
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

    private InstanceType instanceType() throws InputError {
        Optional<InstanceType> found = InstanceTypes.find(instanceType);
        if (found.isEmpty()) {
            throw new InputError("unknown instance type '" + instanceType + "'");
        }
        if (!found.get().hasKnownSize()) {
            throw new InputError(instanceType + ": ENI limits are known but vCPU/memory are not in ecsnet's table");
        }
        return found.get();
    }

    /** Exactly one of -i, --launch-template, --auto-scaling-group, and the flags that go only with one of them. */
    private void validateSource() throws InputError {
        int sources = (instanceType != null ? 1 : 0) + (launchTemplate != null ? 1 : 0) + (autoScalingGroup != null ? 1 : 0);
        if (sources != 1) {
            throw new InputError("give exactly one of -i/--instance-type, --launch-template, --auto-scaling-group");
        }
        if (launchTemplateVersion != null && launchTemplate == null) {
            throw new InputError("--launch-template-version goes with --launch-template (a group launches its own version)");
        }
        if (taskDefinitionFamily != null && instanceType != null) {
            throw new InputError("--task-definition-family reads from a running ecsnet: use it with --launch-template or --auto-scaling-group (or -t FILE)");
        }
        if (taskDefinitionFamily != null && taskDefinition != null) {
            throw new InputError("give -t/--task-definition or --task-definition-family, not both");
        }
        if (admin.json) {
            throw new InputError("--json is not supported by capacity (it prints text)");
        }
    }

    private Map<String, String> serverQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        if (launchTemplate != null) {
            q.put("launchTemplate", launchTemplate);
            q.put("version", launchTemplateVersion == null ? "$Default" : launchTemplateVersion);
        } else {
            q.put("autoScalingGroup", autoScalingGroup);
        }
        if (taskDefinitionFamily != null) {
            q.put("taskDefinition", taskDefinitionFamily);
        }
        q.put("region", admin.region);
        q.put("account", admin.account);
        return q;
    }

    @SuppressWarnings("unchecked")
    private static TaskNeeds serverNeeds(JsonNode taskDefinition) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> attributes = new ArrayList<>();
        taskDefinition.path("requiresAttributes").forEach(a -> attributes.add(a.asText()));
        return TaskNeeds.of(mapper.convertValue(taskDefinition.path("document"), Map.class), attributes);
    }

    private void validateFlags() throws InputError {
        if (!NETWORK_MODES.contains(networkMode)) {
            throw new InputError("--network-mode " + networkMode + " is not one of " + String.join(", ", NETWORK_MODES));
        }
        if (cpu <= 0 || memory <= 0) {
            throw new InputError("--cpu and --memory must be positive (CPU units and MiB), not " + cpu + " and " + memory);
        }
        if (tasks != null && (tasks < 1 || tasks > 100_000)) {
            throw new InputError("--tasks must be between 1 and 100000, not " + tasks);
        }
        if (instances < 0) {
            throw new InputError("--instances must be 0 or more, not " + instances);
        }
        for (String s : subnets) {
            Optional<Cidr> cidr = Cidr.parse(s);
            if (cidr.isEmpty()) {
                throw new InputError("--subnet " + s + " is not an IPv4 CIDR block (like 10.0.1.0/24)");
            }
            if (cidr.get().prefixLength() < 16 || cidr.get().prefixLength() > 28) {
                throw new InputError("--subnet " + s + ": an AWS subnet is a /16 to a /28");
            }
        }
    }

    private Map<String, Object> document() throws InputError {
        if (taskDefinition != null) {
            String text;
            try {
                text = Files.readString(taskDefinition);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new InputError("task definition file " + taskDefinition + " does not exist");
            } catch (java.io.IOException e) {
                throw new InputError("cannot read task definition file " + taskDefinition + ": " + e.getMessage());
            }
            Object parsed;
            try {
                parsed = new ObjectMapper().readValue(text, Object.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InputError(taskDefinition + " is not JSON: " + e.getOriginalMessage());
            }
            if (!(parsed instanceof Map<?, ?> top)) {
                throw new InputError(taskDefinition + " is not a task definition (a JSON object, as RegisterTaskDefinition takes it)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = (Map<String, Object>) top;
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = doc.get("taskDefinition") instanceof Map<?, ?> m ? (Map<String, Object>) m : doc;
            if (!(inner.get("containerDefinitions") instanceof List<?>)) {
                throw new InputError(taskDefinition + " has no containerDefinitions list (RegisterTaskDefinition input or describe-task-definition output)");
            }
            Object mode = inner.getOrDefault("networkMode", "bridge");
            if (!NETWORK_MODES.contains(String.valueOf(mode))) {
                throw new InputError(taskDefinition + ": networkMode " + mode + " is not one of " + String.join(", ", NETWORK_MODES));
            }
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
