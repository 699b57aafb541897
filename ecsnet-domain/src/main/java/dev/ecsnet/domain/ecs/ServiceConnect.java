package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * ECS Service Connect over Cloud Map (the {@link ServiceConnectDirectory} port): a service's configuration is
 * checked against its namespace and task definition; each client-server endpoint gets a Cloud Map service in the
 * namespace, created by ECS and owned by the ECS service (deleted once that service is INACTIVE); each RUNNING task
 * of a deployment is an instance there (id = task id) until it stops. Only discovery is modelled: there is no
 * proxy and no traffic. Cluster defaults ({@code serviceConnectDefaults}) name the namespace a service uses when
 * its configuration names none.
 */
public final class ServiceConnect {
    private static final Pattern DISCOVERY_NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,63}");
    private static final Pattern DEFAULT_NAMESPACE = Pattern.compile("[^<>\"/]{1,1024}");

    /** A deployment's {@code serviceConnectResources} entry: the endpoint's discovery name and its Cloud Map service. */
    public record Resource(String discoveryName, String discoveryArn) {
    }

    /** A checked {@code serviceConnectDefaults.namespace}: an existing namespace, one to create, or none (removed). */
    record ClusterDefault(Optional<String> existingArn, Optional<String> nameToCreate) {
        static final ClusterDefault REMOVE = new ClusterDefault(Optional.empty(), Optional.empty());
    }

    private final AccountRegion key;
    private ServiceConnectDirectory directory = ServiceConnectDirectory.NONE;
    /** Cloud Map service ARN → the ECS service that created it. */
    private final Map<String, String> ownerByCloudMapService = new LinkedHashMap<>();

    ServiceConnect(AccountRegion key) {
        this.key = key;
    }

    /** Cloud Map service ARN → the ECS service that created it, in creation order (snapshots). */
    Map<String, String> owners() {
        return java.util.Collections.unmodifiableMap(ownerByCloudMapService);
    }

    void restoreOwners(Map<String, String> owners) {
        ownerByCloudMapService.putAll(owners);
    }

    /** Wires Cloud Map in (the region does). */
    public void connect(ServiceConnectDirectory cloudMap) {
        this.directory = cloudMap;
    }

    // ---- cluster defaults -------------------------------------------------------------------------------------

    /** Checks a cluster's default namespace (name or ARN); an unknown name is created when applied, "" removes it. */
    ClusterDefault checkClusterDefault(String nameOrArn) {
        if (nameOrArn.isEmpty()) {
            return ClusterDefault.REMOVE;
        }
        Optional<ServiceConnectDirectory.Namespace> ns = directory.namespace(nameOrArn);
        if (ns.isPresent()) {
            return new ClusterDefault(Optional.of(ns.get().arn()), Optional.empty());
        }
        if (nameOrArn.startsWith("arn:") || !DEFAULT_NAMESPACE.matcher(nameOrArn).matches()) {
            throw namespaceNotFound();
        }
        return new ClusterDefault(Optional.empty(), Optional.of(nameOrArn));
    }

    /** Applies a checked default: the namespace's ARN, creating an HTTP namespace for a new name; empty when removed. */
    Optional<String> applyClusterDefault(ClusterDefault d) {
        if (d.existingArn().isPresent()) {
            return d.existingArn();
        }
        return d.nameToCreate().map(name -> directory.createHttpNamespace(name).arn());
    }

    static DomainException namespaceNotFound() {
        return DomainException.notFound("NamespaceNotFoundException", "The specified namespace wasn't found.");
    }

    // ---- a service's configuration ----------------------------------------------------------------------------

    /**
     * Checks a service's configuration; returns it naming the cluster's default namespace when it named none.
     * {@code ecsServiceArn} is the service it is for: its own Cloud Map services may be used again.
     */
    ServiceConnectConfiguration check(Cluster cluster, TaskDefinition td, ServiceConnectConfiguration c, String ecsServiceArn) {
        if (!c.enabled()) {
            return c;
        }
        Optional<String> ref = c.namespace().or(cluster::serviceConnectNamespaceArn);
        if (ref.isEmpty()) {
            throw invalidParameter("A namespace must be specified for Service Connect: the service configuration names none and the "
                    + "cluster has no Service Connect defaults.");
        }
        ServiceConnectDirectory.Namespace ns = directory.namespace(ref.get()).orElseThrow(ServiceConnect::namespaceNotFound);
        Map<String, Integer> ports = namedPorts(td);
        Set<String> names = new HashSet<>();
        for (ServiceConnectConfiguration.Endpoint e : c.services()) {
            if (!ports.containsKey(e.portName())) {
                throw invalidParameter("The portName " + e.portName() + " does not match the name of any portMappings in the task definition.");
            }
            String name = e.cloudMapName();
            if (!DISCOVERY_NAME.matcher(name).matches()) {
                throw invalidParameter("The discoveryName " + name + " is not valid: it can have up to 64 lowercase letters, numbers, "
                        + "underscores and hyphens, and can't start with a hyphen.");
            }
            if (!names.add(name)) {
                throw invalidParameter("The discoveryName " + name + " is used more than once in the Service Connect configuration.");
            }
            if (e.clientAliasPorts().size() > 1) {
                throw invalidParameter("A Service Connect service can have at most 1 client alias.");
            }
            for (int port : e.clientAliasPorts()) {
                checkPort(port, "clientAliases.port");
            }
            e.ingressPortOverride().ifPresent(p -> checkPort(p, "ingressPortOverride"));
            Optional<String> existing = directory.service(ns.id(), name);
            if (existing.isPresent() && !ecsServiceArn.equals(ownerByCloudMapService.get(existing.get()))) {
                // the wording users see when a discovery name is taken in the namespace (aws/copilot-cli#4337)
                throw invalidParameter("SC service is already used by " + ns.arn());
            }
        }
        return c.namespace().isPresent() ? c : c.withNamespace(ns.arn());
    }

    private static void checkPort(int port, String member) {
        if (port < 0 || port > 65535) {
            throw invalidParameter("serviceConnectConfiguration.services." + member + " must be between 0 and 65535.");
        }
    }

    /** portMappings[].name → containerPort, over all containers of the task definition. */
    private static Map<String, Integer> namedPorts(TaskDefinition td) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map<String, Object> c : ClientDocument.objects(td.document(), "containerDefinitions")) {
            for (Map<String, Object> pm : ClientDocument.objects(c, "portMappings")) {
                Optional<String> name = ClientDocument.string(pm, "name");
                Optional<Integer> port = ClientDocument.integer(pm, "containerPort");
                if (name.isPresent() && port.isPresent()) {
                    out.putIfAbsent(name.get(), port.get());
                }
            }
        }
        return out;
    }

    /**
     * The Cloud Map services a deployment of the service uses, created in the namespace where they do not exist
     * yet (after {@link #check}, so nothing here can be refused).
     */
    List<Resource> resources(String ecsServiceArn, Optional<ServiceConnectConfiguration> config) {
        List<Resource> out = new ArrayList<>();
        if (config.isEmpty() || !config.get().enabled()) {
            return out;
        }
        Optional<ServiceConnectDirectory.Namespace> ns = config.get().namespace().flatMap(directory::namespace);
        if (ns.isEmpty()) {
            return out;
        }
        for (ServiceConnectConfiguration.Endpoint e : config.get().services()) {
            String name = e.cloudMapName();
            String arn = directory.service(ns.get().id(), name).orElseGet(() -> {
                String created = directory.createService(ns.get().id(), name);
                ownerByCloudMapService.put(created, ecsServiceArn);
                return created;
            });
            out.add(new Resource(name, arn));
        }
        return out;
    }

    // ---- tasks ------------------------------------------------------------------------------------------------

    /** Registers a task that became RUNNING in its deployment's Service Connect services. */
    void register(Service s, Task t, String ip) {
        Optional<Deployment> d = t.spec().startedBy().flatMap(s::deployment);
        if (d.isEmpty() || d.get().config().serviceConnect().isEmpty()) {
            return;
        }
        Map<String, Integer> ports = namedPorts(t.spec().taskDefinition());
        List<ServiceConnectConfiguration.Endpoint> endpoints = d.get().config().serviceConnect().get().services();
        for (Resource r : d.get().serviceConnectResources()) {
            endpoints.stream().filter(e -> e.cloudMapName().equals(r.discoveryName())).findFirst().ifPresent(e -> {
                Map<String, String> a = new LinkedHashMap<>();
                a.put("AWS_INSTANCE_IPV4", ip);
                Integer port = e.ingressPortOverride().orElse(ports.get(e.portName()));
                if (port != null) {
                    a.put("AWS_INSTANCE_PORT", Integer.toString(port));
                }
                a.put("AVAILABILITY_ZONE", t.spec().availabilityZone());
                a.put("REGION", key.region());
                a.put("ECS_SERVICE_NAME", s.name());
                a.put("ECS_CLUSTER_NAME", s.cluster().name());
                a.put("ECS_TASK_DEFINITION_FAMILY", t.spec().taskDefinition().family());
                directory.register(r.discoveryArn(), t.id(), a);
            });
        }
    }

    /** Deregisters a task that is leaving from its deployment's Service Connect services. */
    void deregister(Service s, Task t) {
        t.spec().startedBy().flatMap(s::deployment)
                .ifPresent(d -> d.serviceConnectResources().forEach(r -> directory.deregister(r.discoveryArn(), t.id())));
    }

    /** The service is INACTIVE: the Cloud Map services ECS created for it are deleted. */
    void released(Service s) {
        List<String> owned = ownerByCloudMapService.entrySet().stream().filter(e -> e.getValue().equals(s.arn()))
                .map(Map.Entry::getKey).toList();
        for (String arn : owned) {
            directory.deleteService(arn);
            ownerByCloudMapService.remove(arn);
        }
    }
}
