package dev.ecsnet.domain.ec2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data of one launch template version as the client sent it: a document keyed by the EC2 model's member names
 * ({@code RequestLaunchTemplateData}: {@code ImageId}, {@code NetworkInterfaces}, ...), whose values are
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, lists and maps of these. It is kept whole, because
 * DescribeLaunchTemplateVersions answers every member as it was given; the typed reads below are what a launch uses.
 *
 * @param document unmodifiable, owned; {@code UserData} is the base64 text the client sent
 */
public record LaunchTemplateData(Map<String, Object> document) {

    public LaunchTemplateData {
        document = frozen(document);
    }

    /** The first network interface of a template (device index 0 when given), as a launch uses it. */
    public record NetworkInterfaceSpec(Optional<String> subnetId, List<String> groupIds, Optional<Boolean> associatePublicIpAddress) {
        public NetworkInterfaceSpec {
            groupIds = List.copyOf(groupIds);
        }
    }

    public Optional<String> imageId() {
        return string(document, "ImageId");
    }

    public Optional<String> instanceType() {
        return string(document, "InstanceType");
    }

    public Optional<String> keyName() {
        return string(document, "KeyName");
    }

    /** The base64 user data as sent; empty when the template has none (or an empty one). */
    public Optional<String> userData() {
        return string(document, "UserData").filter(s -> !s.isEmpty());
    }

    public List<String> securityGroupIds() {
        return strings(document, "SecurityGroupIds");
    }

    public List<String> securityGroupNames() {
        return strings(document, "SecurityGroups");
    }

    public Optional<String> availabilityZone() {
        return object(document, "Placement").flatMap(p -> string(p, "AvailabilityZone"));
    }

    /** {@code IamInstanceProfile.Arn}, or the ARN its {@code Name} stands for in {@code accountId}. */
    public Optional<String> iamInstanceProfileArn(String accountId) {
        Optional<Map<String, Object>> profile = object(document, "IamInstanceProfile");
        return profile.flatMap(p -> string(p, "Arn"))
                .or(() -> profile.flatMap(p -> string(p, "Name")).map(n -> "arn:aws:iam::" + accountId + ":instance-profile/" + n));
    }

    /** The interface at device index 0 (or the first one listed). */
    public Optional<NetworkInterfaceSpec> primaryNetworkInterface() {
        List<Map<String, Object>> nics = objects(document, "NetworkInterfaces");
        Map<String, Object> primary = nics.stream().filter(n -> Long.valueOf(0).equals(n.get("DeviceIndex"))).findFirst()
                .orElse(nics.isEmpty() ? null : nics.get(0));
        return Optional.ofNullable(primary).map(n -> new NetworkInterfaceSpec(string(n, "SubnetId"), strings(n, "Groups"),
                string(n, "AssociatePublicIpAddress").map(Boolean::parseBoolean)));
    }

    /** {@code Monitoring.Enabled}. */
    public Optional<Boolean> monitoringEnabled() {
        return object(document, "Monitoring").flatMap(m -> string(m, "Enabled")).map(Boolean::parseBoolean);
    }

    public Optional<Boolean> ebsOptimized() {
        return string(document, "EbsOptimized").map(Boolean::parseBoolean);
    }

    /** {@code MetadataOptions} as given ({@code HttpTokens}, {@code HttpPutResponseHopLimit}, ...), text values. */
    public Optional<Map<String, String>> metadataOptions() {
        return object(document, "MetadataOptions").map(m -> {
            Map<String, String> out = new LinkedHashMap<>();
            m.forEach((k, v) -> string(m, k).ifPresent(text -> out.put(k, text)));
            return out;
        });
    }

    /**
     * The settings an instance launched from this data alone gets: each member the template gives, EC2's default
     * for the others ({@code MetadataOptions} members it leaves out take their defaults).
     */
    public InstanceSettings instanceSettings() {
        InstanceSettings d = InstanceSettings.DEFAULT;
        return new InstanceSettings(monitoringEnabled().orElse(d.monitoring()), ebsOptimized().orElse(d.ebsOptimized()),
                primaryNetworkInterface().flatMap(NetworkInterfaceSpec::associatePublicIpAddress).orElse(false),
                metadataOptions().map(LaunchTemplateData::metadataOptions).orElse(d.metadataOptions()));
    }

    /** Metadata options from their members as text; those not given take {@link InstanceSettings.MetadataOptions#DEFAULT}'s. */
    public static InstanceSettings.MetadataOptions metadataOptions(Map<String, String> given) {
        InstanceSettings.MetadataOptions d = InstanceSettings.MetadataOptions.DEFAULT;
        String hops = given.get("HttpPutResponseHopLimit");
        return new InstanceSettings.MetadataOptions(given.getOrDefault("HttpTokens", d.httpTokens()),
                hops == null ? d.httpPutResponseHopLimit() : Integer.parseInt(hops), given.getOrDefault("HttpEndpoint", d.httpEndpoint()),
                given.getOrDefault("HttpProtocolIpv6", d.httpProtocolIpv6()), given.getOrDefault("InstanceMetadataTags", d.instanceMetadataTags()));
    }

    /** The tags of the {@code TagSpecifications} for {@code resourceType} ({@code instance}, {@code volume}, ...). */
    public Map<String, String> tagsFor(String resourceType) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map<String, Object> spec : objects(document, "TagSpecifications")) {
            if (string(spec, "ResourceType").filter(resourceType::equals).isPresent()) {
                for (Map<String, Object> tag : objects(spec, "Tags")) {
                    string(tag, "Key").ifPresent(k -> tags.put(k, string(tag, "Value").orElse("")));
                }
            }
        }
        return tags;
    }

    /**
     * Every scalar reached by following {@code path} through structures and lists, as text ({@code "NetworkInterfaces",
     * "NetworkCardIndex"} gives each interface's card index): what a Describe filter matches.
     */
    public List<String> values(String... path) {
        List<String> out = new ArrayList<>();
        collect(document, path, 0, out);
        return out;
    }

    /**
     * CreateLaunchTemplateVersion with {@code SourceVersion}: the new version has this version's parameters, except
     * those {@code given} names, which replace them whole (top-level members, as EC2 merges them).
     */
    public LaunchTemplateData overriddenBy(LaunchTemplateData given) {
        Map<String, Object> merged = new LinkedHashMap<>(document);
        merged.putAll(given.document());
        return new LaunchTemplateData(merged);
    }

    public boolean isEmpty() {
        return document.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, String[] path, int depth, List<String> out) {
        if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, path, depth, out));
        } else if (depth == path.length) {
            if (node != null && !(node instanceof Map)) {
                out.add(node.toString());
            }
        } else if (node instanceof Map<?, ?> map) {
            collect(((Map<String, Object>) map).get(path[depth]), path, depth + 1, out);
        }
    }

    static Optional<String> string(Map<String, Object> doc, String key) {
        Object v = doc.get(key);
        return v == null || v instanceof Map || v instanceof List ? Optional.empty() : Optional.of(v.toString());
    }

    static List<String> strings(Map<String, Object> doc, String key) {
        List<String> out = new ArrayList<>();
        if (doc.get(key) instanceof List<?> list) {
            list.stream().filter(v -> v != null && !(v instanceof Map) && !(v instanceof List)).forEach(v -> out.add(v.toString()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> object(Map<String, Object> doc, String key) {
        return doc.get(key) instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> doc, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (doc.get(key) instanceof List<?> list) {
            list.stream().filter(v -> v instanceof Map).forEach(v -> out.add((Map<String, Object>) v));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> frozen(Map<String, Object> doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        doc.forEach((k, v) -> out.put(k, frozenValue(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object frozenValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return frozen((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(frozenValue(x)));
            return Collections.unmodifiableList(out);
        }
        return v;
    }
}
