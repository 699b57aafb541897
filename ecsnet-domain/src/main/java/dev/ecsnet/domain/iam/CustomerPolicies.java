package dev.ecsnet.domain.iam;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The customer managed policies of one account: CreatePolicy, versions (at most five, one default), tags. Names
 * are unique in the account whatever the path, and compared without case, as IAM compares them. Deleting a
 * policy needs to know its attachments, so {@link Iam#deletePolicy} does it.
 */
public final class CustomerPolicies {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern VERSION_ID = Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");

    /** What CreatePolicy asks for. */
    public record CreateRequest(String name, Optional<String> path, PolicyDocument document, Optional<String> description,
                                Map<String, String> tags) {
    }

    private final String accountId;
    private final IdSource ids;
    private final Clock clock;
    private final Map<String, ManagedPolicy> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    CustomerPolicies(String accountId, IdSource ids, Clock clock) {
        this.accountId = accountId;
        this.ids = ids;
        this.clock = clock;
    }

    /** The account's policies in name order. */
    public List<ManagedPolicy> all() {
        return List.copyOf(byName.values());
    }

    public ManagedPolicy create(CreateRequest r) {
        if (r.name().length() > 128) {
            throw IamNames.constraint(r.name(), "policyName", "Member must have length less than or equal to 128");
        }
        if (!NAME.matcher(r.name()).matches()) {
            throw IamNames.constraint(r.name(), "policyName", "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        String path = IamNames.path(r.path());
        r.description().filter(d -> d.length() > 1000).ifPresent(d -> {
            throw IamNames.constraint(d, "description", "Member must have length less than or equal to 1000");
        });
        PolicyDocuments.checkManaged(r.document());
        if (byName.containsKey(r.name())) {
            throw DomainException.conflict("EntityAlreadyExists", "A policy called " + r.name() + " already exists. Duplicate names are not allowed.");
        }
        ManagedPolicy p = new ManagedPolicy(r.name(), path, "ANPA" + ids.hex(17).toUpperCase(Locale.ROOT),
                "arn:aws:iam::" + accountId + ":policy" + path + r.name(), r.description(), clock.now());
        p.addVersion(r.document().text(), p.createDate(), true);
        p.tag(r.tags());
        byName.put(p.name(), p);
        return p;
    }

    public Optional<ManagedPolicy> find(String arn) {
        return byName.values().stream().filter(p -> p.arn().equals(arn)).findFirst();
    }

    /** A policy of this account by ARN; IAM's NoSuchEntity otherwise (after InvalidInput for what is not an IAM ARN). */
    public ManagedPolicy policy(String arn) {
        IamNames.policyArn(arn);
        return find(arn).orElseThrow(() -> noSuchPolicy(arn));
    }

    static DomainException noSuchPolicy(String arn) {
        return DomainException.notFound("NoSuchEntity", "Policy " + arn + " does not exist or is not attachable.");
    }

    /** For a restore: the recorded policies replace the account's. */
    void restore(List<ManagedPolicy> recorded) {
        byName.clear();
        recorded.forEach(p -> byName.put(p.name(), p));
    }

    void remove(ManagedPolicy p) {
        byName.remove(p.name());
    }

    public PolicyVersion createVersion(String arn, PolicyDocument document, boolean setAsDefault) {
        ManagedPolicy p = policy(arn);
        PolicyDocuments.checkManaged(document);
        if (p.versions().size() >= ManagedPolicy.MAX_VERSIONS) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "LimitExceeded", "A managed policy can have up to "
                    + ManagedPolicy.MAX_VERSIONS + " versions. Before you create a new version, you must delete an existing version.");
        }
        return p.addVersion(document.text(), clock.now(), setAsDefault);
    }

    public PolicyVersion version(String arn, String versionId) {
        ManagedPolicy p = policy(arn);
        checkVersionId(versionId);
        return p.version(versionId).orElseThrow(() -> DomainException.notFound("NoSuchEntity", "Policy " + arn + " version " + versionId
                + " does not exist or is not attachable."));
    }

    public void deleteVersion(String arn, String versionId) {
        ManagedPolicy p = policy(arn);
        version(arn, versionId);
        if (versionId.equals(p.defaultVersionId())) {
            throw DomainException.dependency("DeleteConflict", "Cannot delete the default version of a policy.");
        }
        p.removeVersion(versionId);
    }

    public void setDefaultVersion(String arn, String versionId) {
        version(arn, versionId);
        policy(arn).makeDefault(versionId);
    }

    private static void checkVersionId(String versionId) {
        if (!VERSION_ID.matcher(versionId).matches()) {
            throw IamNames.constraint(versionId, "versionId", "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
        }
    }

    public void tag(String arn, Map<String, String> tags) {
        policy(arn).tag(tags);
    }

    public void untag(String arn, List<String> keys) {
        policy(arn).untag(keys);
    }

    /** ListPolicies' Local scope: policies under {@code pathPrefix}. */
    List<ManagedPolicy> under(String pathPrefix) {
        List<ManagedPolicy> out = new ArrayList<>();
        for (ManagedPolicy p : byName.values()) {
            if (p.path().startsWith(pathPrefix)) {
                out.add(p);
            }
        }
        return out;
    }
}
