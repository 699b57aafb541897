package dev.ecsnet.domain.ssm;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.ec2.Images;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * SSM Parameter Store of one account in one region: the account's parameters, with versions, labels, tags and
 * Expiration policies, and the public {@code /aws/service/} parameters. Every write validates completely before it
 * changes anything. Reads of the latest version, of {@code name:version} and of {@code name:label} go through one
 * lookup. Used only on the engine thread.
 */
public final class ParameterStore {
    public static final String DEFAULT_KEY_ID = "alias/aws/ssm";
    static final int MAX_TAGS = 50;
    private static final Pattern AMI_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final List<String> DATA_TYPES = List.of("text", "aws:ec2:image", "aws:ssm:integration");

    /** What PutParameter answers. */
    public record PutResult(long version, ParameterTier tier) {
    }

    /** A parameter found by a read, the version read, and the selector the read named ({@code :3}, {@code :prod}). */
    public record Found(Parameter parameter, ParameterVersion version, Optional<String> selector) {
    }

    /** GetParameters' answer: what was found, and the references that name nothing. */
    public record Lookup(List<Found> found, List<String> invalid) {
    }

    public record DeleteResult(List<String> deleted, List<String> invalid) {
    }

    public record LabelResult(List<String> invalidLabels, long version) {
    }

    public record UnlabelResult(List<String> removed, List<String> invalid) {
    }

    /** Timer kind: a parameter (key: its name, args: the instant) expires if the policy that set it still applies. */
    private static final String EXPIRE = "ssm.parameter.expire";

    private final AccountRegion key;
    private final ParameterNames names;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final Map<String, Parameter> parameters = new TreeMap<>();
    private final Map<String, Parameter> publicParameters;

    public ParameterStore(AccountRegion key, IdSource ids, Clock clock, Timers timers) {
        this.key = key;
        this.names = new ParameterNames(key);
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.publicParameters = PublicParameters.forRegion(key.region());
        timers.on(EXPIRE, (name, at) -> {
            Parameter p = parameters.get(name);
            // only if the policy that set this timer still applies (a later PutParameter may have replaced it)
            if (p != null && p.latest().policies().stream().anyMatch(policy -> policy.expiresAt().equals(Optional.of(Instant.parse(at))))) {
                parameters.remove(name);
            }
        });
    }

    /** The account's own parameters, in name order. */
    public Collection<Parameter> parameters() {
        return parameters.values();
    }

    // ---- writes -----------------------------------------------------------------------------------------------

    public PutResult put(PutRequest r) {
        if (r.overwrite() && !r.tags().isEmpty()) {
            throw SsmErrors.validation("Invalid request: tags and overwrite can't be used together. To create a parameter with tags, "
                    + "please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.");
        }
        String name = names.validForWrite(r.name());
        Parameter existing = parameters.get(name);
        if (existing != null && !r.overwrite()) {
            throw DomainException.conflict("ParameterAlreadyExists",
                    "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
        }
        Optional<ParameterVersion> previous = Optional.ofNullable(existing).map(Parameter::latest);
        ParameterType type = r.type().or(() -> previous.map(ParameterVersion::type))
                .orElseThrow(() -> SsmErrors.validation("A parameter type is required when you create a parameter."));
        if (previous.isPresent() && previous.get().type() != type) {
            throw DomainException.invalid("HierarchyTypeMismatchException", "Parameter Store doesn't support changing a parameter type "
                    + "in a hierarchy. For example, you can't change a parameter from a String type to a SecureString type. You must "
                    + "create a new, unique parameter.");
        }
        String dataType = r.dataType().or(() -> previous.map(ParameterVersion::dataType)).orElse("text");
        if (!DATA_TYPES.contains(dataType)) {
            throw SsmErrors.validation("The following data type is not supported: " + dataType + " (Data type names are all lowercase.)");
        }
        if (dataType.equals("aws:ec2:image") && type != ParameterType.STRING) {
            throw SsmErrors.validation("The aws:ec2:image data type is supported only for String parameters.");
        }
        // an empty pattern or description clears it (the Terraform provider sends "" for one it does not set)
        Optional<String> pattern = r.allowedPattern().isPresent() ? r.allowedPattern().filter(s -> !s.isEmpty())
                : previous.flatMap(ParameterVersion::allowedPattern);
        Optional<String> description = r.description().isPresent() ? r.description().filter(s -> !s.isEmpty())
                : previous.flatMap(ParameterVersion::description);
        pattern.ifPresent(p -> requireMatch(p, r.value()));
        Instant now = clock.now();
        List<ParameterPolicy> policies = r.policies().map(p -> ParameterPolicies.read(p, now))
                .orElseGet(() -> previous.map(ParameterVersion::policies).orElse(List.of()));
        ParameterTier tier = tier(r.tier(), previous.map(ParameterVersion::tier), r.value(), policies);
        if (existing != null && existing.versions().size() == Parameter.MAX_VERSIONS && !existing.versions().get(0).labels().isEmpty()) {
            long oldest = existing.versions().get(0).version();
            throw SsmErrors.limit("ParameterMaxVersionLimitExceeded", "You attempted to create a new version of " + name
                    + " by calling the PutParameter API with the overwrite flag. Version " + oldest + ", the oldest version, can't be "
                    + "deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.");
        }
        long version = previous.map(v -> v.version() + 1).orElse(1L);
        if (dataType.equals("aws:ec2:image") && !knownImage(r.value())) {
            // AWS validates the image asynchronously: the call succeeds, but no version is ever created
            return new PutResult(version, tier);
        }
        Optional<String> keyId = type == ParameterType.SECURE_STRING
                ? r.keyId().or(() -> previous.flatMap(ParameterVersion::keyId)).or(() -> Optional.of(DEFAULT_KEY_ID)) : Optional.empty();
        String ciphertext = type == ParameterType.SECURE_STRING ? encrypt(r.value()) : r.value();
        ParameterVersion v = new ParameterVersion(name, type, r.value(), ciphertext, keyId,
                description, pattern, tier, policies, dataType, version,
                now, "arn:aws:iam::" + key.accountId() + ":root", List.of());
        Parameter p = existing != null ? existing : new Parameter(name, names.arn(name));
        p.add(v);
        p.tag(r.tags());
        parameters.put(name, p);
        if (r.policies().isPresent()) {
            policies.forEach(policy -> policy.expiresAt().ifPresent(at -> scheduleExpiry(name, at)));
        }
        return new PutResult(version, tier);
    }

    private static void requireMatch(String pattern, String value) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw DomainException.invalid("InvalidAllowedPatternException", "The request doesn't meet the regular expression requirement.");
        }
        if (!compiled.matcher(value).matches()) {
            throw SsmErrors.validation("Parameter value, cannot be validated against allowedPattern: " + pattern);
        }
    }

    /** The tier a version is stored in: as asked, Intelligent-Tiering resolved, never back down from Advanced. */
    private static ParameterTier tier(Optional<ParameterTier> asked, Optional<ParameterTier> previous, String value,
                                      List<ParameterPolicy> policies) {
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        boolean wasAdvanced = previous.filter(t -> t == ParameterTier.ADVANCED).isPresent();
        ParameterTier tier = asked.or(() -> previous).orElse(ParameterTier.STANDARD);
        if (tier == ParameterTier.INTELLIGENT_TIERING) {
            tier = wasAdvanced || length > ParameterTier.STANDARD.maxValueLength() || !policies.isEmpty()
                    ? ParameterTier.ADVANCED : ParameterTier.STANDARD;
        }
        if (wasAdvanced && tier == ParameterTier.STANDARD) {
            throw SsmErrors.validation("This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the "
                    + "advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and "
                    + "recreate it as a standard parameter.");
        }
        if (length > tier.maxValueLength()) {
            throw SsmErrors.validation(tier == ParameterTier.STANDARD
                    ? "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, "
                    + "upgrade the parameter to use the advanced-parameter tier. For more information, see "
                    + "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html"
                    : "Advanced tier parameters support a maximum parameter value of 8192 characters.");
        }
        if (tier == ParameterTier.STANDARD && !policies.isEmpty()) {
            throw SsmErrors.validation("Parameter policies are supported only for parameters in the advanced-parameter tier.");
        }
        return tier;
    }

    private static boolean knownImage(String value) {
        return AMI_ID.matcher(value).matches() && Images.find(value).isPresent();
    }

    /** What a SecureString reads as without decryption: a KMS-style ciphertext blob, base64. */
    private String encrypt(String value) {
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[5 + 32 + plain.length];
        byte[] header = {1, 2, 2, 0, 0x78};
        System.arraycopy(header, 0, out, 0, header.length);
        for (int i = header.length; i < out.length; i++) {
            int noise = ids.nextInt(256);
            out[i] = (byte) (i < 37 ? noise : plain[i - 37] ^ noise);
        }
        return Base64.getEncoder().encodeToString(out);
    }

    private void scheduleExpiry(String name, Instant at) {
        timers.schedule(Duration.between(clock.now(), at), EXPIRE, name, at.toString());
    }

    public void delete(String reference) {
        Parameter p = own(reference);
        parameters.remove(p.name());
    }

    public DeleteResult deleteAll(List<String> references) {
        List<String> deleted = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String ref : new LinkedHashSet<>(references)) {
            Optional<Parameter> p = names.reference(ref).filter(r -> r.selector().isEmpty()).map(r -> parameters.get(r.name()));
            if (p.isPresent()) {
                parameters.remove(p.get().name());
                deleted.add(ref);
            } else {
                invalid.add(ref);
            }
        }
        return new DeleteResult(deleted, invalid);
    }

    public LabelResult label(String reference, Optional<Long> version, List<String> labels) {
        Parameter p = own(reference);
        ParameterVersion target = version.map(n -> p.version(n).orElseThrow(() -> SsmErrors.versionNotFound(Long.toString(n), p.name())))
                .orElseGet(p::latest);
        List<String> invalid = labels.stream().filter(l -> !ParameterNames.validLabel(l)).distinct().toList();
        LinkedHashSet<String> merged = new LinkedHashSet<>(target.labels());
        labels.stream().filter(ParameterNames::validLabel).forEach(merged::add);
        if (merged.size() > 10) {
            throw SsmErrors.limit("ParameterVersionLabelLimitExceeded",
                    "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.");
        }
        for (ParameterVersion other : p.versions()) {
            if (other.version() != target.version() && other.labels().stream().anyMatch(merged::contains)) {
                p.replace(other.withLabels(other.labels().stream().filter(l -> !merged.contains(l)).toList()));
            }
        }
        p.replace(target.withLabels(List.copyOf(merged)));
        return new LabelResult(invalid, target.version());
    }

    public UnlabelResult unlabel(String reference, long version, List<String> labels) {
        Parameter p = own(reference);
        ParameterVersion target = p.version(version).orElseThrow(() -> SsmErrors.versionNotFound(Long.toString(version), p.name()));
        List<String> removed = labels.stream().filter(target.labels()::contains).distinct().toList();
        List<String> invalid = labels.stream().filter(l -> !target.labels().contains(l)).distinct().toList();
        p.replace(target.withLabels(target.labels().stream().filter(l -> !removed.contains(l)).toList()));
        return new UnlabelResult(removed, invalid);
    }

    // ---- tags (ResourceType Parameter) ---------------------------------------------------------------------------

    /** The parameter a tagging call names; ecsnet keeps no other SSM resource types, so other types name nothing. */
    public Parameter tagged(String resourceType, String resourceId) {
        if (!resourceType.equals("Parameter")) {
            throw DomainException.invalid("InvalidResourceId", null);
        }
        return names.reference(resourceId).filter(r -> r.selector().isEmpty()).map(r -> parameters.get(r.name()))
                .orElseThrow(() -> DomainException.invalid("InvalidResourceId", null));
    }

    public void addTags(String resourceType, String resourceId, Map<String, String> tags) {
        Parameter p = tagged(resourceType, resourceId);
        long added = tags.keySet().stream().filter(k -> !p.tags().containsKey(k)).count();
        if (p.tags().size() + added > MAX_TAGS) {
            throw DomainException.invalid("TooManyTagsError", "The Targets parameter includes too many tags. Remove one or more tags and try the command again.");
        }
        p.tag(tags);
    }

    public void removeTags(String resourceType, String resourceId, List<String> keys) {
        tagged(resourceType, resourceId).untag(keys);
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    /** GetParameter: the latest version, or the one a {@code :version} or {@code :label} selector names. */
    public Found get(String reference) {
        ParameterNames.Reference ref = names.reference(reference).orElseThrow(SsmErrors::parameterNotFound);
        Parameter p = find(ref.name()).orElseThrow(SsmErrors::parameterNotFound);
        return select(p, ref).orElseThrow(() -> SsmErrors.versionNotFound(ref.selector().orElse(""), p.name()));
    }

    /** GetParameters: each distinct reference once; those that name no parameter or version are invalid. */
    public Lookup getAll(List<String> references) {
        List<Found> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String raw : new LinkedHashSet<>(references)) {
            Optional<Found> f = names.reference(raw).flatMap(ref -> find(ref.name()).flatMap(p -> select(p, ref)));
            f.ifPresentOrElse(found::add, () -> invalid.add(raw));
        }
        return new Lookup(found, invalid);
    }

    private static Optional<Found> select(Parameter p, ParameterNames.Reference ref) {
        if (ref.selector().isEmpty()) {
            return Optional.of(new Found(p, p.latest(), Optional.empty()));
        }
        String s = ref.selector().get();
        Optional<ParameterVersion> v = s.matches("[0-9]{1,18}") ? p.version(Long.parseLong(s)) : p.labelled(s);
        return v.map(version -> new Found(p, version, Optional.of(":" + s)));
    }

    /** GetParametersByPath: the parameters directly under {@code path}, or anywhere below it, that the filters select. */
    public List<Found> byPath(String path, boolean recursive, List<ParameterFilter> filters) {
        if (!path.startsWith("/") || path.contains("//")) {
            throw SsmErrors.validation(ParameterFilters.PATH_RULES);
        }
        ParameterFilters.validate(filters, ParameterFilters.Use.BY_PATH);
        Collection<Parameter> pool = ParameterNames.isPublic(path) ? publicParameters.values() : parameters.values();
        List<Found> out = new ArrayList<>();
        for (Parameter p : pool) {
            boolean under = path.equals("/") ? p.name().startsWith("/") && (recursive || p.name().indexOf('/', 1) < 0)
                    : ParameterFilters.underPath(p.name(), path, recursive);
            if (under) {
                ParameterFilters.select(p, filters).ifPresent(v -> out.add(new Found(p, v, Optional.empty())));
            }
        }
        return out;
    }

    /** DescribeParameters over the account's own parameters (never the public ones; none are shared with it). */
    public List<Found> describe(List<ParameterFilter> legacy, List<ParameterFilter> filters, boolean shared) {
        if (!legacy.isEmpty() && !filters.isEmpty()) {
            throw SsmErrors.validation("You can use either Filters or ParameterFilters in a single request.");
        }
        ParameterFilters.validate(filters, ParameterFilters.Use.DESCRIBE);
        List<ParameterFilter> effective = legacy.isEmpty() ? filters : ParameterFilters.fromLegacy(legacy);
        List<Found> out = new ArrayList<>();
        if (shared) {
            return out;
        }
        for (Parameter p : parameters.values()) {
            ParameterFilters.select(p, effective).ifPresent(v -> out.add(new Found(p, v, Optional.empty())));
        }
        return out;
    }

    /** GetParameterHistory: every version kept, oldest first. */
    public List<ParameterVersion> history(String reference) {
        ParameterNames.Reference ref = names.reference(reference).filter(r -> r.selector().isEmpty())
                .orElseThrow(SsmErrors::parameterNotFound);
        return find(ref.name()).orElseThrow(SsmErrors::parameterNotFound).versions();
    }

    private Optional<Parameter> find(String name) {
        return Optional.ofNullable(ParameterNames.isPublic(name) ? publicParameters.get(name) : parameters.get(name));
    }

    /** One of the account's own parameters, for a change; the public ones are read only. */
    private Parameter own(String reference) {
        ParameterNames.Reference ref = names.reference(reference).filter(r -> r.selector().isEmpty())
                .orElseThrow(SsmErrors::parameterNotFound);
        if (ParameterNames.isPublic(ref.name())) {
            throw SsmErrors.reservedName(ref.name());
        }
        return Optional.ofNullable(parameters.get(ref.name())).orElseThrow(SsmErrors::parameterNotFound);
    }

    // ---- for ECS ----------------------------------------------------------------------------------------------------

    /**
     * The secrets among {@code valueFroms} (names or ARNs) that name no parameter here, as the ECS agent reports them.
     * ARNs of other regions or accounts are not this store's to judge, and count as present.
     */
    public List<String> missing(List<String> valueFroms) {
        List<String> out = new ArrayList<>();
        for (String from : valueFroms) {
            boolean foreign = from.startsWith("arn:") && !from.startsWith(names.arnPrefix(key.accountId()))
                    && !from.startsWith(names.arnPrefix(""));
            if (!foreign && getAll(List.of(from)).found().isEmpty()) {
                out.add(ParameterNames.reportedName(from));
            }
        }
        return out;
    }

    /** The account's parameters as plain records, in name order: what a snapshot keeps of Parameter Store. */
    public ParameterStoreRecord export() {
        return ParameterSnapshots.export(parameters.values());
    }

    /**
     * On a store just built, the recorded parameters as they were (versions, labels, policies, tags). Pending expiry
     * timers are the engine's; each finds its parameter by name and checks the latest version's policies, as ever.
     */
    public void restore(ParameterStoreRecord record) {
        parameters.clear();
        ParameterSnapshots.restore(record).forEach(p -> parameters.put(p.name(), p));
    }
}
