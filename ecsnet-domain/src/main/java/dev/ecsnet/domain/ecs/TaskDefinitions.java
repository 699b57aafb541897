package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.Clock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Task definition families and their revisions. Revisions count up from 1 per family and are never reused. */
public final class TaskDefinitions {
    private static final Pattern REFERENCE = Pattern.compile("(?:arn:aws[^:]*:ecs:[^:]*:[^:]*:task-definition/)?([^:/]+)(?::(\\d+))?");

    private final EcsArns arns;
    private final Clock clock;
    /** Whether a task or service still uses a revision (by ARN); a DELETE_IN_PROGRESS one no one uses is gone. */
    private java.util.function.Predicate<String> inUse = arn -> false;
    /** family → revisions in order (index = revision - 1); sorted by family for listing. */
    private final Map<String, List<TaskDefinition>> families = new TreeMap<>();

    TaskDefinitions(EcsArns arns, Clock clock) {
        this.arns = arns;
        this.clock = clock;
    }

    /** Ecs tells which revisions its tasks and services use. */
    void useInUse(java.util.function.Predicate<String> predicate) {
        this.inUse = predicate;
    }

    /** A revision that is still there: any but a DELETE_IN_PROGRESS one that nothing uses any more. */
    private boolean visible(TaskDefinition td) {
        return !td.status().equals(TaskDefinition.DELETE_IN_PROGRESS) || inUse.test(td.arn());
    }

    public TaskDefinition register(Map<String, Object> request, Map<String, String> tags) {
        TaskDefinitionRules.Checked c = TaskDefinitionRules.check(request);
        List<TaskDefinition> revisions = families.computeIfAbsent(c.family(), f -> new ArrayList<>());
        int revision = revisions.size() + 1;
        TaskDefinition td = new TaskDefinition(arns.taskDefinition(c.family(), revision), c.family(), revision,
                TaskDefinition.ACTIVE, c.document(), c.containers(), c.networkMode(), c.cpu(), c.memory(),
                c.requiresCompatibilities(), c.compatibilities(), c.requiresAttributes(), clock.now(),
                arns.rootPrincipal(), Optional.empty(), tags, Optional.empty());
        revisions.add(td);
        return td;
    }

    /**
     * Resolves "family" (latest ACTIVE revision), "family:revision" or an ARN. Any revision, even INACTIVE, can be
     * named explicitly; a bare family only finds ACTIVE ones.
     */
    public Optional<TaskDefinition> find(String reference) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<TaskDefinition> revisions = families.getOrDefault(m.group(1), List.of());
        if (m.group(2) == null) {
            for (int i = revisions.size() - 1; i >= 0; i--) {
                if (revisions.get(i).isActive()) {
                    return Optional.of(revisions.get(i));
                }
            }
            return Optional.empty();
        }
        int revision;
        try {
            revision = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return revision >= 1 && revision <= revisions.size() ? Optional.of(revisions.get(revision - 1)).filter(this::visible) : Optional.empty();
    }

    public TaskDefinition describe(String reference) {
        return find(reference).orElseThrow(() -> EcsErrors.client("Unable to describe task definition."));
    }

    /** Deregistering needs an explicit revision; deregistering an INACTIVE revision again just returns it. */
    public TaskDefinition deregister(String reference) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches() || m.group(2) == null) {
            throw EcsErrors.client("Invalid revision number. Number: " + (m.matches() ? "null" : reference));
        }
        TaskDefinition td = find(reference).orElseThrow(() -> EcsErrors.client("The specified task definition does not exist."));
        if (!td.isActive()) {
            return td;
        }
        TaskDefinition inactive = td.deregistered(clock.now());
        families.get(td.family()).set(td.revision() - 1, inactive);
        return inactive;
    }

    /** Replaces a revision's tags (TagResource, UntagResource). */
    void retag(TaskDefinition td, Map<String, String> tags) {
        families.get(td.family()).set(td.revision() - 1, td.withTags(tags));
    }

    /** DeleteTaskDefinitions' answer: the revisions now DELETE_IN_PROGRESS, and a failure for each one refused. */
    public record Deleted(List<TaskDefinition> taskDefinitions, List<LaunchResult.Failure> failures) {
    }

    /**
     * DeleteTaskDefinitions: only INACTIVE revisions (named with their revision) can be deleted; the others are
     * failures with AWS's reasons, and do not stop the rest. At most 10 per call.
     */
    public Deleted delete(List<String> references) {
        if (references.isEmpty()) {
            throw EcsErrors.invalidParameter("taskDefinitions can not be null or empty.");
        }
        if (references.size() > 10) {
            throw EcsErrors.invalidParameter("taskDefinitions can have at most 10 items.");
        }
        List<TaskDefinition> deleted = new ArrayList<>();
        List<LaunchResult.Failure> failures = new ArrayList<>();
        for (String ref : references) {
            Matcher m = REFERENCE.matcher(ref);
            if (!m.matches() || m.group(2) == null) {
                failures.add(new LaunchResult.Failure(ref, "The specified task definition identifier is invalid. Specify a valid name or ARN and try again."));
                continue;
            }
            Optional<TaskDefinition> td = find(ref);
            if (td.isEmpty()) {
                failures.add(new LaunchResult.Failure(ref,
                        "The specified task definition does not exist. Specify a valid account, family, revision and try again."));
            } else if (td.get().isActive()) {
                failures.add(new LaunchResult.Failure(ref,
                        "The specified task definition is still in ACTIVE status. Please deregister the target and try again."));
            } else {
                TaskDefinition next = td.get().status().equals(TaskDefinition.INACTIVE) ? td.get().deleting(clock.now()) : td.get();
                families.get(next.family()).set(next.revision() - 1, next);
                deleted.add(next);
            }
        }
        return new Deleted(deleted, failures);
    }

    /** Every revision of every family, families in name order, each family's revisions from 1 up. */
    List<TaskDefinition> allRevisions() {
        List<TaskDefinition> out = new ArrayList<>();
        families.values().forEach(out::addAll);
        return out;
    }

    /** The revision an ARN names, whatever its status and whether anything still uses it. */
    Optional<TaskDefinition> revision(String arn) {
        Matcher m = REFERENCE.matcher(arn);
        if (!m.matches() || m.group(2) == null) {
            return Optional.empty();
        }
        List<TaskDefinition> revisions = families.getOrDefault(m.group(1), List.of());
        int revision = Integer.parseInt(m.group(2));
        return revision >= 1 && revision <= revisions.size() ? Optional.of(revisions.get(revision - 1)) : Optional.empty();
    }

    /** Whether {@code td} is its revision as it stands (not as it was before a deregistration, deletion or retagging). */
    boolean isCurrent(TaskDefinition td) {
        List<TaskDefinition> revisions = families.get(td.family());
        return revisions != null && td.revision() >= 1 && td.revision() <= revisions.size() && revisions.get(td.revision() - 1) == td;
    }

    /** On restore: the next revision of its family, as recorded. */
    void restore(TaskDefinition td) {
        List<TaskDefinition> revisions = families.computeIfAbsent(td.family(), f -> new ArrayList<>());
        if (td.revision() != revisions.size() + 1) {
            throw new IllegalArgumentException("task definition " + td.arn() + " restored after revision " + revisions.size());
        }
        revisions.add(td);
    }

    /** ListTaskDefinitions: {@code family} is an exact family name (despite the API calling it a prefix). */
    public List<TaskDefinition> list(Optional<String> family, String status, boolean descending) {
        List<TaskDefinition> out = new ArrayList<>();
        families.forEach((f, revisions) -> {
            if (family.isEmpty() || family.get().equals(f)) {
                revisions.stream().filter(td -> td.status().equals(status) && visible(td)).forEach(out::add);
            }
        });
        Comparator<TaskDefinition> order = Comparator.comparing(TaskDefinition::family).thenComparingInt(TaskDefinition::revision);
        out.sort(descending ? order.reversed() : order);
        return out;
    }

    /** ListTaskDefinitionFamilies: ACTIVE = has an active revision, INACTIVE = has none, ALL = both. */
    public List<String> familyNames(Optional<String> prefix, String status) {
        List<String> out = new ArrayList<>();
        families.forEach((f, revisions) -> {
            if (revisions.stream().noneMatch(this::visible)) {
                return;
            }
            boolean active = revisions.stream().anyMatch(TaskDefinition::isActive);
            boolean wanted = switch (status) {
                case "ACTIVE" -> active;
                case "INACTIVE" -> !active;
                default -> true;
            };
            if (wanted && prefix.map(f::startsWith).orElse(true)) {
                out.add(f);
            }
        });
        return out;
    }
}
