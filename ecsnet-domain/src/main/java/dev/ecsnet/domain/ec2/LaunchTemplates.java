package dev.ecsnet.domain.ec2;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkTags;
import dev.ecsnet.domain.net.Subnet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The EC2 launch templates of one account in one region, with their versions. Every change passes the network's
 * {@link dev.ecsnet.domain.common.WriteGate} after its checks, so a {@code DryRun} changes nothing and draws no id.
 * {@link #launch} turns a version into the {@link Instances.Launch} an Auto Scaling group starts an instance with.
 * Used only on the engine thread.
 */
public final class LaunchTemplates {
    /** EC2's quotas: launch templates per region and versions per template. */
    public static final int MAX_TEMPLATES = 5000;
    public static final int MAX_VERSIONS = 10_000;
    /** User data is limited to 16 KB in raw form, before base64 (EC2 User Guide, "Run commands ... at launch"). */
    public static final int MAX_USER_DATA_BYTES = 16_384;
    /** The system tags EC2 puts on instances launched from a template. */
    public static final String TAG_TEMPLATE_ID = "aws:ec2launchtemplate:id";
    public static final String TAG_TEMPLATE_VERSION = "aws:ec2launchtemplate:version";
    public static final String LATEST = "$Latest";
    public static final String DEFAULT = "$Default";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9().\\-/_]{3,128}");

    /** A template named by id or by name (exactly one of them). */
    public record Ref(String id, String name) {
        public static Ref of(String id, String name) {
            String i = id == null || id.isEmpty() ? null : id;
            String n = name == null || name.isEmpty() ? null : name;
            if (i != null && n != null) {
                throw DomainException.invalid("InvalidParameterCombination",
                        "Specify either the launch template ID or the launch template name, but not both.");
            }
            if (i == null && n == null) {
                throw DomainException.invalid("MissingParameter", "The request must contain the parameter launchTemplateName or launchTemplateId");
            }
            return new Ref(i, n);
        }
    }

    /** A version DeleteLaunchTemplateVersions could not delete, with EC2's per-version code. */
    public record VersionFailure(long number, String code, String message) {
    }

    public record DeletedVersions(LaunchTemplate template, List<Long> deleted, List<VersionFailure> failed) {
    }

    private final Network network;
    private final IdSource ids;
    private final Clock clock;
    private final Map<String, LaunchTemplate> templates = new LinkedHashMap<>();
    private final Map<String, String> clientTokens = new LinkedHashMap<>();

    public LaunchTemplates(Network network, IdSource ids, Clock clock) {
        this.network = network;
        this.ids = ids;
        this.clock = clock;
        network.tags().add(new NetworkTags.TaggableSource("lt", id -> find(id).orElseThrow(() -> idNotFound(id)), this::all));
    }

    public Collection<LaunchTemplate> all() {
        return templates.values();
    }

    public Optional<LaunchTemplate> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    public Optional<LaunchTemplate> findByName(String name) {
        return templates.values().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public LaunchTemplate get(Ref ref) {
        if (ref.id() != null) {
            return find(ref.id()).orElseThrow(() -> idNotFound(ref.id()));
        }
        return findByName(ref.name()).orElseThrow(() -> DomainException.notFound("InvalidLaunchTemplateName.NotFoundException",
                "The specified launch template, with template name " + ref.name() + ", does not exist."));
    }

    /** DescribeLaunchTemplates by ids and names: every one must exist (EC2 fails the whole call otherwise). */
    public List<LaunchTemplate> describe(List<String> templateIds, List<String> names) {
        List<LaunchTemplate> out = new ArrayList<>();
        for (String id : templateIds) {
            out.add(find(id).orElseThrow(() -> idNotFound(id)));
        }
        for (String name : names) {
            out.add(findByName(name).orElseThrow(() -> DomainException.notFound("InvalidLaunchTemplateName.NotFoundException",
                    "At least one of the launch templates specified in the request does not exist.")));
        }
        return out.stream().distinct().toList();
    }

    /** CreateLaunchTemplate: version 1, the default. A repeated client token answers the template it created. */
    public LaunchTemplate create(String name, String description, LaunchTemplateData data, Map<String, String> tags, String clientToken) {
        Optional<LaunchTemplate> earlier = earlier(clientToken).flatMap(this::find);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw DomainException.invalid("InvalidLaunchTemplateName.MalformedException", "A launch template name must be between 3 and 128 "
                    + "characters, and may contain letters, numbers, and the following characters: - ( ) . / _.");
        }
        if (findByName(name).isPresent()) {
            throw DomainException.conflict("InvalidLaunchTemplateName.AlreadyExistsException", "Launch template name already in use.");
        }
        check(description, data);
        if (templates.size() >= MAX_TEMPLATES) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "LaunchTemplateLimitExceeded",
                    "You've reached the maximum number of launch templates (" + MAX_TEMPLATES + ") in this Region.");
        }
        network.gate().open();
        LaunchTemplate t = new LaunchTemplate(ids.resourceId("lt"), name, clock.now(), createdBy());
        t.add(new LaunchTemplateVersion(t.id(), name, 1, description, t.createTime(), t.createdBy(), data));
        t.tags().putAll(tags);
        templates.put(t.id(), t);
        remember(clientToken, t.id());
        return t;
    }

    /** CreateLaunchTemplateVersion: with {@code sourceVersion}, the given data overrides that version's members. */
    public LaunchTemplateVersion createVersion(Ref ref, String sourceVersion, String description, LaunchTemplateData data,
                                               String clientToken) {
        LaunchTemplate t = get(ref);
        Optional<String> earlier = earlier(clientToken);
        if (earlier.isPresent() && earlier.get().startsWith(t.id() + "/")) {
            return t.version(Long.parseLong(earlier.get().substring(t.id().length() + 1))).orElseThrow();
        }
        LaunchTemplateData merged = sourceVersion == null || sourceVersion.isEmpty() ? data
                : version(t, sourceVersion).data().overriddenBy(data);
        check(description, merged);
        if (t.versions().size() >= MAX_VERSIONS) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "VersionLimitExceeded",
                    "You've reached the maximum number of versions (" + MAX_VERSIONS + ") for launch template " + t.id() + ".");
        }
        network.gate().open();
        LaunchTemplateVersion v = new LaunchTemplateVersion(t.id(), t.name(), t.nextVersionNumber(), description, clock.now(), createdBy(), merged);
        t.add(v);
        remember(clientToken, t.id() + "/" + v.number());
        return v;
    }

    /** ModifyLaunchTemplate {@code SetDefaultVersion}. */
    public LaunchTemplate modify(Ref ref, String defaultVersion) {
        LaunchTemplate t = get(ref);
        LaunchTemplateVersion v = defaultVersion == null || defaultVersion.isEmpty() ? null : version(t, defaultVersion);
        network.gate().open();
        if (v != null) {
            t.setDefault(v.number());
        }
        return t;
    }

    public LaunchTemplate delete(Ref ref) {
        LaunchTemplate t = get(ref);
        network.gate().open();
        templates.remove(t.id());
        return t;
    }

    /**
     * DeleteLaunchTemplateVersions: each version is deleted or reported with EC2's per-version code; the default
     * version is never deleted (DeleteLaunchTemplate deletes the template with all its versions).
     */
    public DeletedVersions deleteVersions(Ref ref, List<String> versions) {
        LaunchTemplate t = get(ref);
        if (versions.isEmpty()) {
            throw DomainException.invalid("MissingParameter", "The request must contain the parameter launchTemplateVersion");
        }
        if (versions.size() > 200) {
            throw DomainException.invalid("InvalidParameterValue", "You can specify at most 200 launch template versions in one request.");
        }
        List<Long> deleted = new ArrayList<>();
        List<VersionFailure> failed = new ArrayList<>();
        for (String s : new LinkedHashSet<>(versions)) {
            Optional<Long> n = number(s);
            if (n.isEmpty() || t.version(n.get()).isEmpty()) {
                failed.add(new VersionFailure(n.orElse(0L), "launchTemplateVersionDoesNotExist", "The specified launch template version does not exist."));
            } else if (n.get() == t.defaultVersionNumber()) {
                failed.add(new VersionFailure(n.get(), "unexpectedError", "The default version of a launch template cannot be deleted. "
                        + "To delete the launch template, use DeleteLaunchTemplate."));
            } else {
                deleted.add(n.get());
            }
        }
        network.gate().open();
        deleted.forEach(t::remove);
        return new DeletedVersions(t, deleted, failed);
    }

    /** {@code $Latest}, {@code $Default} (also when {@code version} is absent) or a version number. */
    public LaunchTemplateVersion resolve(Ref ref, String version) {
        LaunchTemplate t = get(ref);
        return version == null || version.isEmpty() ? t.defaultVersion() : version(t, version);
    }

    public LaunchTemplateVersion version(LaunchTemplate t, String version) {
        if (LATEST.equals(version)) {
            return t.latestVersion();
        }
        if (DEFAULT.equals(version)) {
            return t.defaultVersion();
        }
        return number(version).flatMap(t::version).orElseThrow(() -> DomainException.notFound("InvalidLaunchTemplateId.VersionNotFound",
                "Could not find the specified version " + version + " for the launch template with ID " + t.id() + "."));
    }

    /**
     * DescribeLaunchTemplateVersions of one template: the versions asked for ({@code $Latest}, {@code $Default}
     * or numbers), or the range {@code min}..{@code max} (either may be absent), newest first.
     */
    public List<LaunchTemplateVersion> versions(LaunchTemplate t, List<String> asked, String min, String max) {
        if (!asked.isEmpty() && (min != null || max != null)) {
            throw DomainException.invalid("InvalidParameterCombination", "The parameters MinVersion and MaxVersion cannot be used with Versions.");
        }
        List<LaunchTemplateVersion> out = new ArrayList<>();
        if (!asked.isEmpty()) {
            for (String v : asked) {
                LaunchTemplateVersion found = version(t, v);
                if (!out.contains(found)) {
                    out.add(found);
                }
            }
        } else {
            long from = bound(t, min, 1);
            long to = bound(t, max, Long.MAX_VALUE);
            t.versions().stream().filter(v -> v.number() >= from && v.number() <= to).forEach(out::add);
        }
        out.sort(Comparator.comparingLong(LaunchTemplateVersion::number).reversed());
        return out;
    }

    /** Every template's {@code $Latest} and/or {@code $Default} version (DescribeLaunchTemplateVersions without a template). */
    public List<LaunchTemplateVersion> latestAndDefaultVersions(List<String> asked) {
        for (String v : asked) {
            if (!LATEST.equals(v) && !DEFAULT.equals(v)) {
                throw DomainException.invalid("MissingParameter", "The request must contain the parameter launchTemplateName or launchTemplateId");
            }
        }
        List<LaunchTemplateVersion> out = new ArrayList<>();
        for (LaunchTemplate t : templates.values()) {
            for (String v : asked) {
                LaunchTemplateVersion found = version(t, v);
                if (!out.contains(found)) {
                    out.add(found);
                }
            }
        }
        return out;
    }

    /**
     * What an instance started from {@code version} in {@code subnetId} gets: the template's image, type, key,
     * profile, user data (decoded), security groups (ids, names in the subnet's VPC, or the primary interface's),
     * its instance tags and EC2's {@code aws:ec2launchtemplate:*} tags, {@code extraTags} (an Auto Scaling
     * group's propagated tags), and its monitoring, EBS optimization, metadata options and public address.
     */
    public Instances.Launch launch(LaunchTemplateVersion version, String subnetId, Map<String, String> extraTags) {
        LaunchTemplateData d = version.data();
        String imageId = d.imageId().orElseThrow(() -> DomainException.invalid("MissingParameter", "The request must contain the parameter ImageId"));
        String type = d.instanceType().orElseThrow(() -> DomainException.invalid("MissingParameter",
                "The request must contain the parameter InstanceType"));
        Subnet subnet = network.subnet(subnetId);
        List<String> groups = new ArrayList<>(d.securityGroupIds());
        d.primaryNetworkInterface().ifPresent(n -> groups.addAll(n.groupIds()));
        for (String name : d.securityGroupNames()) {
            groups.add(network.securityGroupByName(subnet.vpcId(), name).id());
        }
        Map<String, String> tags = new LinkedHashMap<>(d.tagsFor("instance"));
        tags.putAll(extraTags);
        tags.put(TAG_TEMPLATE_ID, version.templateId());
        tags.put(TAG_TEMPLATE_VERSION, String.valueOf(version.number()));
        return new Instances.Launch(imageId, type, 1, 1, subnet.id(), new ArrayList<>(new LinkedHashSet<>(groups)),
                d.userData().map(LaunchTemplates::decodedUserData).orElse(null), d.iamInstanceProfileArn(network.accountId()).orElse(null),
                d.keyName().orElse(null), null, tags, d.instanceSettings());
    }

    private void check(String description, LaunchTemplateData data) {
        if (description != null && description.length() > 255) {
            throw DomainException.invalid("InvalidParameterValue", "The version description must be at most 255 characters long.");
        }
        data.userData().ifPresent(LaunchTemplates::decodedUserData);
    }

    /** The user data as the instance sees it; EC2's errors for text that is not base64 or too long. */
    public static String decodedUserData(String base64) {
        byte[] raw;
        try {
            // line breaks may separate base64 lines (as base64(1) writes them); any other character is an error
            raw = Base64.getDecoder().decode(base64.replaceAll("[\\r\\n]", ""));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("InvalidUserData.Malformed", "Invalid BASE64 encoding of user data.");
        }
        if (raw.length > MAX_USER_DATA_BYTES) {
            throw DomainException.invalid("InvalidUserData.Malformed", "User data is limited to " + MAX_USER_DATA_BYTES + " bytes.");
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    private long bound(LaunchTemplate t, String v, long absent) {
        if (v == null || v.isEmpty()) {
            return absent;
        }
        return number(v).orElseThrow(() -> DomainException.notFound("InvalidLaunchTemplateId.VersionNotFound",
                "Could not find the specified version " + v + " for the launch template with ID " + t.id() + "."));
    }

    private static Optional<Long> number(String s) {
        if (s == null || s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }

    private Optional<String> earlier(String clientToken) {
        return clientToken == null || clientToken.isEmpty() ? Optional.empty() : Optional.ofNullable(clientTokens.get(clientToken));
    }

    private void remember(String clientToken, String result) {
        if (clientToken != null && !clientToken.isEmpty()) {
            clientTokens.put(clientToken, result);
        }
    }

    private String createdBy() {
        return "arn:aws:iam::" + network.accountId() + ":root";
    }

    private static DomainException idNotFound(String id) {
        return DomainException.notFound("InvalidLaunchTemplateId.NotFound", "The specified launch template, with template ID " + id
                + ", does not exist.");
    }

    /** Every template with its versions as plain data, in creation order, and the remembered client tokens. */
    public LaunchTemplatesRecord export() {
        List<LaunchTemplatesRecord.TemplateRecord> out = new ArrayList<>(templates.size());
        for (LaunchTemplate t : templates.values()) {
            List<LaunchTemplatesRecord.VersionRecord> versions = new ArrayList<>(t.versions().size());
            for (LaunchTemplateVersion v : t.versions()) {
                versions.add(new LaunchTemplatesRecord.VersionRecord(v.number(), v.description(), v.createTime(), v.createdBy(),
                        DocumentValue.ofDocument(v.data().document())));
            }
            out.add(new LaunchTemplatesRecord.TemplateRecord(t.id(), t.name(), t.createTime(), t.createdBy(), t.defaultVersionNumber(),
                    t.highestCreatedNumber(), versions, new LinkedHashMap<>(t.tags())));
        }
        return new LaunchTemplatesRecord(out, new LinkedHashMap<>(clientTokens));
    }

    /** Replaces the templates and client tokens with the recorded ones, as they were (ids, numbers and times included). */
    public void restore(LaunchTemplatesRecord record) {
        templates.clear();
        clientTokens.clear();
        for (LaunchTemplatesRecord.TemplateRecord r : record.templates()) {
            LaunchTemplate t = new LaunchTemplate(r.id(), r.name(), r.createTime(), r.createdBy());
            for (LaunchTemplatesRecord.VersionRecord v : r.versions()) {
                t.add(new LaunchTemplateVersion(r.id(), r.name(), v.number(), v.description(), v.createTime(), v.createdBy(),
                        new LaunchTemplateData(DocumentValue.document(v.data()))));
            }
            t.restoreNumbers(r.defaultVersion(), r.highestCreated());
            t.tags().putAll(r.tags());
            templates.put(t.id(), t);
        }
        clientTokens.putAll(record.clientTokens());
    }
}
