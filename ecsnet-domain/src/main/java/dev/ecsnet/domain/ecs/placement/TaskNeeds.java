package dev.ecsnet.domain.ecs.placement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one task takes from a container instance. CPU and memory are the task-level sizes when given, else the
 * sum over containers (memory: the hard limit, else the soft {@code memoryReservation}). Host ports depend on
 * the network mode: {@code bridge} maps {@code hostPort} (0 or absent = a dynamic port), {@code host} binds the
 * container port itself, {@code awsvpc} and {@code none} take no host ports; {@code awsvpc} takes an ENI slot.
 */
public record TaskNeeds(String networkMode, int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts,
                        int dynamicTcpPorts, int dynamicUdpPorts, List<String> requiredAttributes) {
    public TaskNeeds {
        tcpPorts = Set.copyOf(tcpPorts);
        udpPorts = Set.copyOf(udpPorts);
        requiredAttributes = List.copyOf(requiredAttributes);
    }

    public boolean needsEni() {
        return networkMode.equals("awsvpc");
    }

    /** One host port binding a task gets: {@code hostPort} is chosen at placement for dynamic mappings. */
    public record PortMapping(String containerName, int containerPort, int hostPort, String protocol) {
    }

    /** Reads a task definition document (as registered, or as a client would send it). */
    public static TaskNeeds of(Map<String, Object> document, List<String> requiredAttributes) {
        String mode = text(document.get("networkMode")).orElse("bridge");
        int cpu = 0;
        int memory = 0;
        Set<Integer> tcp = new LinkedHashSet<>();
        Set<Integer> udp = new LinkedHashSet<>();
        int dynTcp = 0;
        int dynUdp = 0;
        for (Map<String, Object> c : objects(document.get("containerDefinitions"))) {
            cpu += number(c.get("cpu")).orElse(0);
            memory += number(c.get("memory")).or(() -> number(c.get("memoryReservation"))).orElse(0);
            for (PortMapping pm : mappings(mode, c)) {
                boolean isUdp = pm.protocol().equals("udp");
                if (pm.hostPort() == 0) {
                    if (isUdp) {
                        dynUdp++;
                    } else {
                        dynTcp++;
                    }
                } else {
                    (isUdp ? udp : tcp).add(pm.hostPort());
                }
            }
        }
        int taskCpu = text(document.get("cpu")).flatMap(TaskNeeds::parse).orElse(cpu);
        int taskMemory = text(document.get("memory")).flatMap(TaskNeeds::parse).orElse(memory);
        return new TaskNeeds(mode, taskCpu, taskMemory, tcp, udp, dynTcp, dynUdp, requiredAttributes);
    }

    /** The host-port mappings of one container definition in the given mode; hostPort 0 = dynamic. */
    public static List<PortMapping> mappings(String mode, Map<String, Object> container) {
        List<PortMapping> out = new ArrayList<>();
        if (!mode.equals("bridge") && !mode.equals("host")) {
            return out;
        }
        String name = text(container.get("name")).orElse("");
        for (Map<String, Object> pm : objects(container.get("portMappings"))) {
            Optional<Integer> containerPort = number(pm.get("containerPort"));
            if (containerPort.isEmpty()) {
                continue;
            }
            int host = mode.equals("host") ? containerPort.get() : number(pm.get("hostPort")).orElse(0);
            out.add(new PortMapping(name, containerPort.get(), host, text(pm.get("protocol")).orElse("tcp")));
        }
        return out;
    }

    private static Optional<Integer> parse(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Object o) {
        return o == null ? Optional.empty() : Optional.of(String.valueOf(o));
    }

    private static Optional<Integer> number(Object o) {
        if (o instanceof Number n) {
            return Optional.of(n.intValue());
        }
        return o instanceof String s ? parse(s) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object o) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (o instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }
}
