package dev.ecsnet.domain.ecs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.ecsnet.domain.ecs.EcsErrors.client;

/**
 * RegisterTaskDefinition's validation and normalization. Checks run in a fixed order and the first broken rule
 * refuses the call with ECS's ClientException text (AWS-FACTS §3.2, notes §9).
 */
final class TaskDefinitionRules {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");
    private static final Set<String> COMPATIBILITIES = Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");

    /** What registration keeps: the normalized document and the parts the control plane reads. */
    record Checked(String family, Map<String, Object> document, List<ContainerDefinition> containers, String networkMode,
                   Optional<String> cpu, Optional<String> memory, List<String> requiresCompatibilities,
                   List<String> compatibilities, List<String> requiresAttributes) {
    }

    private TaskDefinitionRules() {
    }

    static Checked check(Map<String, Object> request) {
        Map<String, Object> doc = ClientDocument.deepCopy(request);
        doc.remove("tags");
        String family = ClientDocument.string(doc, "family").orElse("");
        if (family.isEmpty()) {
            throw EcsErrors.invalidParameter("Family must be specified.");
        }
        if (!NAME.matcher(family).matches()) {
            throw client("Family contains invalid characters.");
        }
        List<String> requires = new ArrayList<>(new LinkedHashSet<>(ClientDocument.strings(doc, "requiresCompatibilities")));
        for (String c : requires) {
            if (!COMPATIBILITIES.contains(c)) {
                throw client("Invalid compatibility '" + c + "'.");
            }
        }
        boolean fargate = requires.contains("FARGATE");
        String networkMode = ClientDocument.string(doc, "networkMode").orElse("bridge");
        if (!NETWORK_MODES.contains(networkMode)) {
            throw client("Invalid networkMode '" + networkMode + "'.");
        }
        boolean awsvpc = networkMode.equals("awsvpc");

        Optional<Integer> cpu = size(doc, "cpu", true);
        Optional<Integer> memory = size(doc, "memory", false);
        if (fargate) {
            if (!awsvpc) {
                throw client("Fargate only supports network mode \u2018awsvpc\u2019.");
            }
            if (cpu.isEmpty()) {
                throw client("Fargate requires that 'cpu' be defined at the task level.");
            }
            if (memory.isEmpty()) {
                throw client("Fargate requires that 'memory' be defined at the task level.");
            }
            if (!FargateSizes.isValid(cpu.get(), memory.get())) {
                throw client("No Fargate configuration exists for given values.");
            }
        }

        List<Map<String, Object>> defs = ClientDocument.objects(doc, "containerDefinitions");
        if (defs.isEmpty()) {
            throw client("Container list cannot be empty.");
        }
        List<ContainerDefinition> containers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean awslogs = false;
        for (Map<String, Object> def : defs) {
            ContainerDefinition c = checkContainer(def, awsvpc, memory.isPresent());
            if (!names.add(c.name())) {
                throw client("Container names must be unique within a Task Definition.");
            }
            containers.add(c);
            awslogs |= ClientDocument.object(def, "logConfiguration")
                    .flatMap(l -> ClientDocument.string(l, "logDriver")).filter("awslogs"::equals).isPresent();
        }
        boolean hasExecutionRole = ClientDocument.string(doc, "executionRoleArn").filter(s -> !s.isEmpty()).isPresent();
        if (fargate && awslogs && !hasExecutionRole) {
            throw client("Fargate requires task definition to have execution role ARN to support log driver awslogs.");
        }

        cpu.ifPresent(v -> doc.put("cpu", Integer.toString(v)));
        memory.ifPresent(v -> doc.put("memory", Integer.toString(v)));
        for (Map<String, Object> def : defs) {
            normalizeContainer(def, networkMode);
        }
        doc.putIfAbsent("volumes", new ArrayList<>());
        doc.putIfAbsent("placementConstraints", new ArrayList<>());
        List<String> compatibilities = new ArrayList<>(List.of("EC2"));
        if (fargate) {
            compatibilities.add("FARGATE");
        }
        return new Checked(family, doc, containers, networkMode, cpu.map(String::valueOf), memory.map(String::valueOf),
                requires, compatibilities, requiresAttributes(networkMode, awslogs, hasExecutionRole, defs));
    }

    private static Optional<Integer> size(Map<String, Object> doc, String key, boolean isCpu) {
        Optional<String> text = ClientDocument.string(doc, key).filter(s -> !s.isBlank());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> value = isCpu ? FargateSizes.cpuUnits(text.get()) : FargateSizes.memoryMib(text.get());
        if (value.isEmpty()) {
            throw client("Invalid '" + key + "' setting for task.");
        }
        return value;
    }

    private static ContainerDefinition checkContainer(Map<String, Object> def, boolean awsvpc, boolean taskMemory) {
        String name = ClientDocument.string(def, "name").orElse("");
        if (name.isEmpty()) {
            throw client("Container.name should not be null or empty.");
        }
        if (!NAME.matcher(name).matches()) {
            throw client("Container.name contains invalid characters.");
        }
        String image = ClientDocument.string(def, "image").orElse("");
        if (image.isEmpty()) {
            throw client("Container.image should not be null or empty.");
        }
        Optional<Integer> memory = ClientDocument.integer(def, "memory");
        Optional<Integer> reservation = ClientDocument.integer(def, "memoryReservation");
        if (def.containsKey("memory") && memory.filter(m -> m > 0).isEmpty()) {
            throw client("Invalid 'memory' setting for container '" + name + "'.");
        }
        if (!taskMemory && memory.isEmpty() && reservation.isEmpty()) {
            throw client("Invalid setting for container '" + name + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
        }
        if (awsvpc) {
            for (Map<String, Object> pm : ClientDocument.objects(def, "portMappings")) {
                Optional<Integer> host = ClientDocument.integer(pm, "hostPort");
                Optional<Integer> container = ClientDocument.integer(pm, "containerPort");
                if (host.isPresent() && !host.equals(container)) {
                    throw client("When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
                }
            }
            if (!ClientDocument.strings(def, "links").isEmpty()) {
                throw client("Links are not supported when networkMode=awsvpc");
            }
            if (ClientDocument.string(def, "hostname").isPresent()) {
                throw client("hostname is not supported on container when networkMode=awsvpc.");
            }
        }
        return new ContainerDefinition(name, image, ClientDocument.integer(def, "cpu"), memory, reservation);
    }

    /** The defaults ECS writes into each container definition it returns. */
    private static void normalizeContainer(Map<String, Object> def, String networkMode) {
        def.putIfAbsent("cpu", 0);
        def.putIfAbsent("essential", true);
        for (Map<String, Object> pm : ClientDocument.objects(def, "portMappings")) {
            boolean hostEqualsContainer = networkMode.equals("awsvpc") || networkMode.equals("host");
            if (hostEqualsContainer && !pm.containsKey("hostPort") && pm.containsKey("containerPort")) {
                pm.put("hostPort", pm.get("containerPort"));
            }
            pm.putIfAbsent("protocol", "tcp");
        }
        def.putIfAbsent("portMappings", new ArrayList<>());
        def.putIfAbsent("environment", new ArrayList<>());
        def.putIfAbsent("mountPoints", new ArrayList<>());
        def.putIfAbsent("volumesFrom", new ArrayList<>());
    }

    private static List<String> requiresAttributes(String networkMode, boolean awslogs, boolean executionRole,
                                                   List<Map<String, Object>> defs) {
        List<String> out = new ArrayList<>();
        out.add("com.amazonaws.ecs.capability.docker-remote-api.1.18");
        if (networkMode.equals("awsvpc")) {
            out.add("ecs.capability.task-eni");
        }
        if (awslogs) {
            out.add("com.amazonaws.ecs.capability.logging-driver.awslogs");
            out.add("com.amazonaws.ecs.capability.docker-remote-api.1.19");
            if (executionRole) {
                out.add("ecs.capability.execution-role-awslogs");
            }
        }
        boolean ecrImage = defs.stream().anyMatch(d -> ClientDocument.string(d, "image").orElse("").contains(".dkr.ecr."));
        if (ecrImage && executionRole) {
            out.add("com.amazonaws.ecs.capability.ecr-auth");
            out.add("ecs.capability.execution-role-ecr-pull");
        }
        return out;
    }
}
