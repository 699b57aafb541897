package dev.ecsnet.domain.discovery;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.Network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS Cloud Map of one account in one region: namespaces, services, instances and the operations that record
 * asynchronous changes. Changes take effect at once and their operation is {@code SUCCESS} as soon as it is created
 * (clients that poll GetOperation see it done on the first poll). Also answers DNS questions for the DNS namespaces
 * ({@link #lookup}). Every operation validates completely before it changes anything. Used only on the engine thread.
 */
public final class CloudMap {
    private static final Pattern INSTANCE_ID = Pattern.compile("[0-9a-zA-Z_/:.@-]{1,64}");
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** At most this many records per answer, as Route 53 multivalue answers. */
    static final int MAX_ANSWERS = 8;

    private final AccountRegion key;
    private final IdSource ids;
    private final Clock clock;
    private final Network network;
    final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    final Map<String, DiscoveryService> services = new LinkedHashMap<>();
    final Map<String, DiscoveryOperation> operations = new LinkedHashMap<>();
    final Map<String, String> operationByCreatorRequest = new LinkedHashMap<>();

    public CloudMap(AccountRegion key, IdSource ids, Clock clock, Network network) {
        this.key = key;
        this.ids = ids;
        this.clock = clock;
        this.network = network;
    }

    private String alnum(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALNUM.charAt(ids.nextInt(ALNUM.length())));
        }
        return b.toString();
    }

    private String arn(String resource) {
        return "arn:aws:servicediscovery:" + key.region() + ":" + key.accountId() + ":" + resource;
    }

    public String accountId() {
        return key.accountId();
    }

    // ---- operations -------------------------------------------------------------------------------------------

    private String record(String type, Map<String, String> targets) {
        String id = alnum(32) + "-" + alnum(8);
        Instant now = clock.now();
        operations.put(id, new DiscoveryOperation(id, type, "SUCCESS", now, now, targets));
        return id;
    }

    public DiscoveryOperation operation(String id, String ownerAccount) {
        DiscoveryOperation op = ownerAccount == null || ownerAccount.equals(key.accountId()) ? operations.get(id) : null;
        if (op == null) {
            throw DomainException.notFound("OperationNotFound", "No operation found with ID " + id);
        }
        return op;
    }

    public Collection<DiscoveryOperation> operations() {
        return operations.values();
    }

    // ---- namespaces -------------------------------------------------------------------------------------------

    public Collection<Namespace> namespaces() {
        return namespaces.values();
    }

    public Namespace namespace(String idOrArn) {
        String id = idOrArn.startsWith("arn:") ? idOrArn.substring(idOrArn.lastIndexOf('/') + 1) : idOrArn;
        Namespace ns = namespaces.get(id);
        if (ns == null) {
            throw DomainException.notFound("NamespaceNotFound", "Namespace not found: " + idOrArn);
        }
        return ns;
    }

    /** Creates a namespace and returns the id of its (already successful) CREATE_NAMESPACE operation. */
    public String createNamespace(String type, String name, String description, String vpcId, Long soaTtl, String creatorRequestId,
                                  Map<String, String> tags) {
        if (creatorRequestId != null && operationByCreatorRequest.containsKey("ns/" + creatorRequestId)) {
            return operationByCreatorRequest.get("ns/" + creatorRequestId);
        }
        CloudMapRules.checkNamespace(type, name, description, tags);
        boolean dns = !type.equals("HTTP");
        String normalized = dns && name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (type.equals("DNS_PRIVATE")) {
            if (vpcId == null || vpcId.isEmpty()) {
                throw CloudMapRules.invalidInput("A VPC is required for a private DNS namespace");
            }
            if (network.vpcs().stream().noneMatch(v -> v.id().equals(vpcId))) {
                throw CloudMapRules.invalidInput("VPC " + vpcId + " not found");
            }
        }
        if (soaTtl != null && (soaTtl < 0 || soaTtl > 2_147_483_647L)) {
            throw CloudMapRules.invalidInput("SOA TTL " + soaTtl + " is not valid");
        }
        for (Namespace other : namespaces.values()) {
            boolean sameName = other.name().equalsIgnoreCase(normalized);
            boolean clash = sameName && (type.equals("HTTP") || other.type().equals("HTTP") || !type.equals("DNS_PRIVATE")
                    || !other.type().equals("DNS_PRIVATE") || other.vpcId().orElse("").equals(vpcId));
            if (clash) {
                throw DomainException.conflict("NamespaceAlreadyExists", "Namespace with name " + normalized + " already exists.");
            }
        }
        String id = "ns-" + alnum(16);
        Namespace ns = new Namespace(id, arn("namespace/" + id), normalized, type, description, type.equals("DNS_PRIVATE") ? vpcId : null,
                dns ? "Z" + alnum(20).toUpperCase(Locale.ROOT) : null, soaTtl != null ? soaTtl : 15, clock.now(), creatorRequestId);
        ns.tags().putAll(tags);
        namespaces.put(id, ns);
        String op = record("CREATE_NAMESPACE", Map.of("NAMESPACE", id));
        if (creatorRequestId != null) {
            operationByCreatorRequest.put("ns/" + creatorRequestId, op);
        }
        return op;
    }

    /** Update{Http,PrivateDns,PublicDns}Namespace: {@code type} is the kind of namespace the operation updates. */
    public String updateNamespace(String type, String id, String description, Long soaTtl) {
        Namespace ns = namespace(id);
        if (!ns.type().equals(type)) {
            throw CloudMapRules.invalidInput("Namespace " + ns.id() + " has type " + ns.type() + ", not " + type);
        }
        if (soaTtl != null && !ns.isDns()) {
            throw CloudMapRules.invalidInput("SOA can only be set for DNS namespaces");
        }
        if (soaTtl != null && (soaTtl < 0 || soaTtl > 2_147_483_647L)) {
            throw CloudMapRules.invalidInput("SOA TTL " + soaTtl + " is not valid");
        }
        CloudMapRules.checkDescription(description);
        if (description != null) {
            ns.setDescription(description);
        }
        if (soaTtl != null) {
            ns.setSoaTtl(soaTtl);
        }
        return record("UPDATE_NAMESPACE", Map.of("NAMESPACE", ns.id()));
    }

    public String deleteNamespace(String idOrArn) {
        Namespace ns = namespace(idOrArn);
        if (services.values().stream().anyMatch(s -> s.namespaceId().equals(ns.id()))) {
            throw DomainException.dependency("ResourceInUse", "The namespace " + ns.id() + " can't be deleted because it contains services.");
        }
        namespaces.remove(ns.id());
        return record("DELETE_NAMESPACE", Map.of("NAMESPACE", ns.id()));
    }

    public int serviceCount(Namespace ns) {
        return (int) services.values().stream().filter(s -> s.namespaceId().equals(ns.id())).count();
    }

    // ---- services ---------------------------------------------------------------------------------------------

    /** What CreateService asks for. {@code dnsRecords} empty and {@code routingPolicy} null mean no DnsConfig. */
    public record ServiceRequest(String name, String namespaceId, String description, String type, String routingPolicy,
                                 List<DiscoveryService.DnsRecordSpec> dnsRecords, boolean hasDnsConfig,
                                 DiscoveryService.HealthCheckSpec healthCheck, Integer customHealthCheck, boolean hasCustomHealthCheck,
                                 String creatorRequestId, Map<String, String> tags) {
    }

    public Collection<DiscoveryService> services() {
        return services.values();
    }

    public DiscoveryService service(String idOrArn) {
        return findService(idOrArn).orElseThrow(() -> DomainException.notFound("ServiceNotFound", "Service not found: " + idOrArn));
    }

    public Optional<DiscoveryService> findService(String idOrArn) {
        String id = idOrArn.startsWith("arn:") ? idOrArn.substring(idOrArn.lastIndexOf('/') + 1) : idOrArn;
        return Optional.ofNullable(services.get(id));
    }

    public DiscoveryService createService(ServiceRequest r) {
        if (r.creatorRequestId() != null) {
            Optional<DiscoveryService> same = services.values().stream()
                    .filter(s -> r.creatorRequestId().equals(s.creatorRequestId().orElse(null))).findFirst();
            if (same.isPresent()) {
                return same.get();
            }
        }
        if (r.name() == null || !CloudMapRules.SERVICE_NAME.matcher(r.name()).matches()) {
            throw CloudMapRules.constraint(r.name(), "name", "Member must satisfy regular expression pattern: " + CloudMapRules.SERVICE_NAME.pattern());
        }
        CloudMapRules.checkDescription(r.description());
        if (r.tags().size() > CloudMapRules.MAX_TAGS) {
            throw CloudMapRules.tooManyTags();
        }
        if (r.namespaceId() == null) {
            throw CloudMapRules.invalidInput("NamespaceId is required");
        }
        Namespace ns = namespace(r.namespaceId());
        if (r.healthCheck() != null && r.hasCustomHealthCheck()) {
            throw CloudMapRules.invalidInput("HealthCheckConfig and HealthCheckCustomConfig can't both be specified");
        }
        if (r.healthCheck() != null && ns.type().equals("DNS_PRIVATE")) {
            throw CloudMapRules.invalidInput("HealthCheckConfig can't be specified for a service in a private DNS namespace");
        }
        if (r.customHealthCheck() != null && (r.customHealthCheck() < 1 || r.customHealthCheck() > 10)) {
            throw CloudMapRules.invalidInput("FailureThreshold must be between 1 and 10");
        }
        String routing = null;
        if (r.hasDnsConfig()) {
            if (!ns.isDns()) {
                throw CloudMapRules.invalidInput("When you specify an HTTP service, you can't include a DnsConfig element.");
            }
            if (r.dnsRecords().isEmpty()) {
                throw CloudMapRules.invalidInput("DnsRecords must contain at least one record");
            }
            routing = r.routingPolicy() == null ? "MULTIVALUE" : r.routingPolicy();
            if (!routing.equals("MULTIVALUE") && !routing.equals("WEIGHTED")) {
                throw CloudMapRules.invalidInput("RoutingPolicy " + routing + " is not valid");
            }
            for (DiscoveryService.DnsRecordSpec rec : r.dnsRecords()) {
                CloudMapRules.checkRecord(rec, routing);
            }
        }
        String type;
        if (r.type() != null) {
            if (!r.type().equals("HTTP")) {
                throw CloudMapRules.invalidInput("Type " + r.type() + " is not valid");
            }
            if (r.hasDnsConfig()) {
                throw CloudMapRules.invalidInput("DnsConfig can't be specified for a service of type HTTP");
            }
            type = "HTTP";
        } else {
            type = r.hasDnsConfig() ? "DNS_HTTP" : "HTTP";
        }
        if (services.values().stream().anyMatch(s -> s.namespaceId().equals(ns.id()) && s.name().equalsIgnoreCase(r.name()))) {
            throw DomainException.conflict("ServiceAlreadyExists", "Service already exists.");
        }
        String id = "srv-" + alnum(16);
        DiscoveryService s = new DiscoveryService(id, arn("service/" + id), r.name(), ns.id(), r.description(), type, routing,
                r.hasDnsConfig() ? r.dnsRecords() : List.of(), r.healthCheck(), r.hasCustomHealthCheck() ? CloudMapRules.CUSTOM_FAILURE_THRESHOLD : null,
                clock.now(), r.creatorRequestId());
        s.tags().putAll(r.tags());
        services.put(id, s);
        return s;
    }

    /** UpdateService: new description, DNS record TTLs (same types) and health check; returns the operation id. */
    public String updateService(String idOrArn, String description, List<DiscoveryService.DnsRecordSpec> records,
                                DiscoveryService.HealthCheckSpec healthCheck) {
        DiscoveryService s = service(idOrArn);
        CloudMapRules.checkDescription(description);
        if (!records.isEmpty()) {
            if (s.dnsRecords().isEmpty()) {
                throw CloudMapRules.invalidInput("When you specify an HTTP service, you can't include a DnsConfig element.");
            }
            List<String> before = s.dnsRecords().stream().map(DiscoveryService.DnsRecordSpec::type).sorted().toList();
            List<String> after = records.stream().map(DiscoveryService.DnsRecordSpec::type).sorted().toList();
            if (!before.equals(after)) {
                throw CloudMapRules.invalidInput("The record types in the request must be the same as those present in the existing service. Records in the"
                        + " existing service are " + before + ", but the records in the request are " + after + ". The record types of a service cannot be changed.");
            }
            for (DiscoveryService.DnsRecordSpec rec : records) {
                CloudMapRules.checkRecord(rec, s.routingPolicy().orElse("MULTIVALUE"));
            }
        }
        if (healthCheck != null && s.customHealthCheck().isPresent()) {
            throw CloudMapRules.invalidInput("HealthCheckConfig can't be added to a service with HealthCheckCustomConfig");
        }
        if (healthCheck != null && s.healthCheck().isPresent() && !s.healthCheck().get().type().equals(healthCheck.type())) {
            throw CloudMapRules.invalidInput("Type of health check cannot be changed");
        }
        if (description != null) {
            s.setDescription(description);
        }
        if (!records.isEmpty()) {
            s.setDnsRecords(records);
        }
        if (healthCheck != null) {
            s.setHealthCheck(healthCheck);
        }
        return record("UPDATE_SERVICE", Map.of("SERVICE", s.id()));
    }

    public void deleteService(String idOrArn) {
        DiscoveryService s = service(idOrArn);
        if (!s.instances.isEmpty()) {
            throw DomainException.dependency("ResourceInUse", "The service " + s.id() + " can't be deleted because it has registered instances.");
        }
        services.remove(s.id());
    }

    // ---- instances --------------------------------------------------------------------------------------------

    /** Registers (or replaces) an instance; the domain API an ECS service uses for its registries. */
    public String registerInstance(String serviceIdOrArn, String instanceId, Map<String, String> attributes, String creatorRequestId) {
        DiscoveryService s = service(serviceIdOrArn);
        if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
            throw CloudMapRules.invalidInput("Instance ID '" + instanceId + "' is not valid");
        }
        boolean a = s.dnsRecord("A").isPresent();
        boolean srv = s.dnsRecord("SRV").isPresent();
        String ip = attributes.get("AWS_INSTANCE_IPV4");
        if ((a || srv) && ip == null && !attributes.containsKey("AWS_INSTANCE_IPV6")) {
            throw CloudMapRules.invalidInput("Attribute AWS_INSTANCE_IPV4 is required for a service with an A or SRV record");
        }
        if (ip != null && Ipv4.parse(ip) < 0) {
            throw CloudMapRules.invalidInput("AWS_INSTANCE_IPV4 " + ip + " is not a valid IPv4 address");
        }
        if (srv && !attributes.containsKey("AWS_INSTANCE_PORT")) {
            throw CloudMapRules.invalidInput("Attribute AWS_INSTANCE_PORT is required for a service with an SRV record");
        }
        String port = attributes.get("AWS_INSTANCE_PORT");
        if (port != null) {
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 0 || p > 65535) {
                throw CloudMapRules.invalidInput("AWS_INSTANCE_PORT " + port + " is not valid");
            }
        }
        if (attributes.size() > 30) {
            throw CloudMapRules.invalidInput("An instance can have at most 30 attributes");
        }
        CloudMapRules.checkInstanceAttributes(attributes);
        String health = null;
        if (s.customHealthCheck().isPresent()) {
            health = "UNHEALTHY".equals(attributes.get("AWS_INIT_HEALTH_STATUS")) ? "UNHEALTHY" : "HEALTHY";
        }
        s.instances.put(instanceId, new DiscoveryInstance(instanceId, attributes, health, creatorRequestId));
        s.instancesChanged();
        return record("REGISTER_INSTANCE", Map.of("SERVICE", s.id(), "INSTANCE", instanceId));
    }

    public String deregisterInstance(String serviceIdOrArn, String instanceId) {
        DiscoveryService s = service(serviceIdOrArn);
        instance(s, instanceId);
        s.instances.remove(instanceId);
        s.instancesChanged();
        return record("DEREGISTER_INSTANCE", Map.of("SERVICE", s.id(), "INSTANCE", instanceId));
    }

    public DiscoveryInstance instance(DiscoveryService s, String instanceId) {
        DiscoveryInstance i = s.instances.get(instanceId);
        if (i == null) {
            throw DomainException.notFound("InstanceNotFound", "No instance found with ID " + instanceId);
        }
        return i;
    }

    public void updateInstanceCustomHealthStatus(String serviceIdOrArn, String instanceId, String status) {
        DiscoveryService s = service(serviceIdOrArn);
        DiscoveryInstance i = instance(s, instanceId);
        if (s.customHealthCheck().isEmpty()) {
            throw DomainException.notFound("CustomHealthNotFound", "The service " + s.id() + " doesn't have a custom health check.");
        }
        if (!"HEALTHY".equals(status) && !"UNHEALTHY".equals(status)) {
            throw CloudMapRules.invalidInput("Status " + status + " is not valid");
        }
        if (!status.equals(i.customHealth())) {
            s.instancesChanged();
        }
        s.instances.put(instanceId, i.withCustomHealth(status));
    }

    /** {@code HEALTHY}, {@code UNHEALTHY}, or {@code UNKNOWN} for services without a health check. */
    public String healthStatus(DiscoveryService s, DiscoveryInstance i) {
        if (s.customHealthCheck().isPresent()) {
            return i.customHealth();
        }
        return s.healthCheck().isPresent() ? "HEALTHY" : "UNKNOWN";
    }

    /** DiscoverInstances: the service's instances filtered by health ({@code HEALTHY} when no filter is given). */
    /** The service DiscoverInstances and DiscoverInstancesRevision name: by namespace and service name, in this account. */
    public DiscoveryService discoverable(String namespaceName, String serviceName, String ownerAccount) {
        Namespace ns = namespaces.values().stream().filter(n -> n.name().equalsIgnoreCase(namespaceName))
                .filter(n -> ownerAccount == null || ownerAccount.equals(key.accountId())).findFirst()
                .orElseThrow(() -> DomainException.notFound("NamespaceNotFound", "Namespace not found: " + namespaceName));
        return services.values().stream().filter(x -> x.namespaceId().equals(ns.id()) && x.name().equalsIgnoreCase(serviceName))
                .findFirst().orElseThrow(() -> DomainException.notFound("ServiceNotFound", "Service not found: " + serviceName));
    }

    /**
     * DiscoverInstances: the service's instances whose attributes match {@code queryParameters}, narrowed further by
     * {@code optionalParameters} when some instances match those too (otherwise they are ignored, as on AWS), then
     * filtered by health ({@code HEALTHY} when no filter is given).
     */
    public List<DiscoveryInstance> discover(DiscoveryService s, String healthFilter, Map<String, String> queryParameters,
                                            Map<String, String> optionalParameters) {
        String filter = healthFilter == null ? "HEALTHY" : healthFilter;
        List<DiscoveryInstance> queried = s.instances().stream().filter(i -> matches(i, queryParameters)).toList();
        List<DiscoveryInstance> optional = queried.stream().filter(i -> matches(i, optionalParameters)).toList();
        List<DiscoveryInstance> matching = optional.isEmpty() ? queried : optional;
        List<DiscoveryInstance> healthy = matching.stream().filter(i -> !"UNHEALTHY".equals(healthStatus(s, i))).toList();
        return switch (filter) {
            case "ALL" -> matching;
            case "HEALTHY" -> healthy;
            case "UNHEALTHY" -> matching.stream().filter(i -> "UNHEALTHY".equals(healthStatus(s, i))).toList();
            case "HEALTHY_OR_ELSE_ALL" -> healthy.isEmpty() ? matching : healthy;
            default -> throw CloudMapRules.invalidInput("HealthStatus " + filter + " is not valid");
        };
    }

    private static boolean matches(DiscoveryInstance i, Map<String, String> parameters) {
        return parameters.entrySet().stream().allMatch(e -> e.getValue().equals(i.attributes().get(e.getKey())));
    }

    // ---- service attributes -----------------------------------------------------------------------------------

    /** UpdateServiceAttributes: adds or replaces attributes; a service has at most 30. */
    public void updateServiceAttributes(String serviceIdOrArn, Map<String, String> attributes) {
        DiscoveryService s = service(serviceIdOrArn);
        CloudMapRules.checkAttributeCount(attributes.size());
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > 255) {
                throw CloudMapRules.constraint(e.getKey(), "attributes", "Map keys must have length less than or equal to 255");
            }
            if (e.getValue().length() > 1024) {
                throw CloudMapRules.constraint(e.getValue(), "attributes", "Map values must have length less than or equal to 1024");
            }
        }
        Map<String, String> after = new LinkedHashMap<>(s.attributes);
        after.putAll(attributes);
        if (after.size() > CloudMapRules.MAX_SERVICE_ATTRIBUTES) {
            throw DomainException.invalid("ServiceAttributesLimitExceededException", "The attribute can't be added to the service because"
                    + " you've exceeded the quota for the number of attributes you can add to a service.");
        }
        s.attributes.putAll(attributes);
    }

    /** DeleteServiceAttributes: removes attributes by key (keys the service does not have are ignored). */
    public void deleteServiceAttributes(String serviceIdOrArn, List<String> keys) {
        DiscoveryService s = service(serviceIdOrArn);
        CloudMapRules.checkAttributeCount(keys.size());
        keys.forEach(s.attributes::remove);
    }

    // ---- DNS ----------------------------------------------------------------------------------------------

    /** Answers one DNS question for the names of the DNS namespaces (see {@link CloudMapDns}). */
    public DnsAnswer lookup(String qname, String qtype) {
        return new CloudMapDns(this).lookup(qname, qtype);
    }

    // ---- tags -------------------------------------------------------------------------------------------------

    /** TagResource: adds or replaces tags; a resource has at most 50. */
    public void tag(String arn, Map<String, String> tags) {
        Map<String, String> current = tagsOf(arn);
        Map<String, String> after = new LinkedHashMap<>(current);
        after.putAll(tags);
        if (after.size() > CloudMapRules.MAX_TAGS) {
            throw CloudMapRules.tooManyTags();
        }
        current.putAll(tags);
    }

    /** The tags of a namespace or service by ARN. */
    public Map<String, String> tagsOf(String arn) {
        if (arn == null || !arn.startsWith(arn(""))) {
            throw DomainException.notFound("ResourceNotFoundException", "The operation can't be completed because the resource was not found.");
        }
        String resource = arn.substring(arn("").length());
        if (resource.startsWith("namespace/") && namespaces.containsKey(resource.substring(10))) {
            return namespaces.get(resource.substring(10)).tags();
        }
        if (resource.startsWith("service/") && services.containsKey(resource.substring(8))) {
            return services.get(resource.substring(8)).tags();
        }
        throw DomainException.notFound("ResourceNotFoundException", "The operation can't be completed because the resource was not found.");
    }

    /** Namespaces, services with their instances, and operations as plain records; changes nothing. */
    public CloudMapRecord export() {
        return CloudMapSnapshots.export(this);
    }

    /** On an aggregate just built, the state {@link #export()} gave, ids, hosted zones and revisions as recorded. */
    public void restore(CloudMapRecord record) {
        CloudMapSnapshots.restore(this, record);
    }
}
