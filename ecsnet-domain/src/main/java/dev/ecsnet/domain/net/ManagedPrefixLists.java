package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.ManagedPrefixList.Entry;
import dev.ecsnet.domain.net.ManagedPrefixList.State;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer-managed prefix lists of a region, beside the AWS-managed ones ({@link EndpointServices}). A list is
 * created, modified and deleted on the clock ({@code *-in-progress} → {@code *-complete}); a list that security
 * groups or routes still reference fails to delete ({@code delete-failed}) and stays usable. Anything that
 * references a prefix list asks {@link #cidrs(String)} what it stands for.
 */
public final class ManagedPrefixLists {
    public static final int MAX_SIZE = 1000;
    private static final int MAX_ENTRIES_PER_REQUEST = 100;

    /** Timer kinds: a list in a create, modify or delete step completes it (a deletion fails while the list is referenced). */
    private static final String CREATED = "ec2.prefix-list.created";
    private static final String MODIFIED = "ec2.prefix-list.modified";
    private static final String DELETED = "ec2.prefix-list.deleted";

    private final Network network;
    private final IdSource ids;
    private final Timers timers;
    private final TimingProfile timing;
    final Map<String, ManagedPrefixList> lists = new LinkedHashMap<>();

    ManagedPrefixLists(Network network, IdSource ids, Timers timers, TimingProfile timing) {
        this.network = network;
        this.ids = ids;
        this.timers = timers;
        this.timing = timing;
        on(CREATED, State.CREATE_IN_PROGRESS, list -> list.moveTo(State.CREATE_COMPLETE, null));
        on(MODIFIED, State.MODIFY_IN_PROGRESS, list -> list.moveTo(State.MODIFY_COMPLETE, null));
        on(DELETED, State.DELETE_IN_PROGRESS, list -> {
            List<String> users = references(list.id());
            if (users.isEmpty()) {
                list.moveTo(State.DELETE_COMPLETE, null);
            } else {
                list.moveTo(State.DELETE_FAILED, "The prefix list " + list.id() + " cannot be deleted because it is referenced by "
                        + String.join(", ", users.subList(0, Math.min(10, users.size()))) + ".");
            }
        });
    }

    /** Timers of {@code kind} run {@code done} on their list if nothing else moved it from {@code pending} meanwhile. */
    private void on(String kind, State pending, java.util.function.Consumer<ManagedPrefixList> done) {
        timers.on(kind, (id, args) -> find(id).filter(list -> list.state() == pending).ifPresent(done));
    }

    public Collection<ManagedPrefixList> all() {
        return lists.values();
    }

    public Optional<ManagedPrefixList> find(String id) {
        return Optional.ofNullable(lists.get(id));
    }

    /** A customer list by id, deleted ones included (they are still described, as {@code delete-complete}). */
    public ManagedPrefixList get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(String id) {
        return DomainException.notFound("InvalidPrefixListID.NotFound", "The prefix list (" + id + ") does not exist.");
    }

    /** A list that a change may touch: not deleted, and not in the middle of another change. */
    private ManagedPrefixList changeable(String id) {
        if (EndpointServices.prefixLists(network.region()).stream().anyMatch(p -> p.id().equals(id))) {
            throw DomainException.invalid("InvalidParameterValue", "The prefix list " + id + " is managed by AWS and cannot be modified or deleted.");
        }
        ManagedPrefixList list = find(id).filter(l -> !l.isGone()).orElseThrow(() -> notFound(id));
        if (list.state().inProgress()) {
            throw DomainException.invalid("IncorrectState", "The prefix list " + id + " is in the " + list.state().wireName()
                    + " state and cannot be changed until that completes.");
        }
        return list;
    }

    /**
     * The CIDRs a reference to {@code prefixListId} stands for: an AWS-managed list's ranges, or a customer list's
     * current entries. Empty when no such list exists (or it was deleted).
     */
    public Optional<List<String>> cidrs(String prefixListId) {
        Optional<EndpointServices.PrefixList> aws = EndpointServices.prefixLists(network.region()).stream()
                .filter(p -> p.id().equals(prefixListId)).findFirst();
        if (aws.isPresent()) {
            return Optional.of(aws.get().cidrs());
        }
        return find(prefixListId).filter(l -> !l.isGone()).map(l -> l.entries().stream().map(Entry::cidr).toList());
    }

    public ManagedPrefixList create(String name, String addressFamily, int maxEntries, List<Entry> entries, Map<String, String> tags) {
        validateName(name);
        if (!"IPv4".equals(addressFamily) && !"IPv6".equals(addressFamily)) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + addressFamily + ") for parameter AddressFamily is invalid. Valid values: IPv4, IPv6.");
        }
        validateSize(maxEntries);
        if (entries.size() > MAX_ENTRIES_PER_REQUEST) {
            throw DomainException.invalid("InvalidParameterValue", "The number of entries per request cannot exceeds limit (100).");
        }
        Set<String> seen = new HashSet<>();
        List<Entry> normalized = new ArrayList<>();
        for (Entry e : entries) {
            Entry n = normalize(e, addressFamily);
            if (!seen.add(n.cidr())) {
                throw alreadyExists(n);
            }
            normalized.add(n);
        }
        requireRoom(normalized.size(), maxEntries);
        network.gate().open();
        ManagedPrefixList list = new ManagedPrefixList(ids.resourceId("pl"), name, addressFamily, maxEntries, network.accountId(),
                network.region(), normalized);
        list.tags().putAll(tags);
        lists.put(list.id(), list);
        settle(list, State.CREATE_IN_PROGRESS, timing.provisioning(), CREATED);
        return list;
    }

    /** What ModifyManagedPrefixList asks for; null fields and empty lists change nothing. */
    public record Modification(Long currentVersion, String name, List<Entry> add, List<String> remove, Integer maxEntries) {
        public Modification {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }
    }

    /**
     * Renames, resizes, or adds and removes entries (a new version). Entries and size cannot change together; a
     * given {@code currentVersion} must be the list's version.
     */
    public ManagedPrefixList modify(String id, Modification m) {
        ManagedPrefixList list = changeable(id);
        if (m.name() != null) {
            validateName(m.name());
        }
        boolean entriesChange = !m.add().isEmpty() || !m.remove().isEmpty();
        if (m.maxEntries() != null && entriesChange) {
            throw DomainException.invalid("InvalidParameterCombination", "You cannot modify the entries and the maximum number of entries for the prefix list in the same request.");
        }
        if (m.currentVersion() != null && m.currentVersion() != list.version()) {
            throw DomainException.invalid("PrefixListVersionMismatch", "The prefix list has the incorrect version number.");
        }
        if (m.add().size() > MAX_ENTRIES_PER_REQUEST || m.remove().size() > MAX_ENTRIES_PER_REQUEST) {
            throw DomainException.invalid("InvalidParameterValue", "The request cannot contain more than 100 entry additions or removals.");
        }
        List<Entry> next = entriesChange ? nextEntries(list, m) : list.entries();
        if (m.maxEntries() != null) {
            validateSize(m.maxEntries());
            if (m.maxEntries() < list.entries().size()) {
                throw DomainException.invalid("InvalidParameterValue", "The maximum number of entries (" + m.maxEntries()
                        + ") cannot be less than the number of entries in the prefix list (" + list.entries().size() + ").");
            }
        }
        requireRoom(next.size(), m.maxEntries() != null ? m.maxEntries() : list.maxEntries());
        network.gate().open();
        if (m.name() != null) {
            list.rename(m.name());
        }
        if (m.maxEntries() != null) {
            list.resize(m.maxEntries());
        }
        if (entriesChange) {
            list.addVersion(next);
        }
        settle(list, State.MODIFY_IN_PROGRESS, timing.provisioning(), MODIFIED);
        return list;
    }

    private List<Entry> nextEntries(ManagedPrefixList list, Modification m) {
        Map<String, Entry> current = new LinkedHashMap<>();
        list.entries().forEach(e -> current.put(e.cidr(), e));
        Set<String> removing = new LinkedHashSet<>();
        for (String cidr : m.remove()) {
            String c = normalize(new Entry(cidr, null), list.addressFamily()).cidr();
            if (!current.containsKey(c)) {
                throw DomainException.invalid("InvalidPrefixListModification", "The CIDR (" + cidr + ") does not exist.");
            }
            removing.add(c);
        }
        for (Entry e : m.add()) {
            Entry n = normalize(e, list.addressFamily());
            if (removing.contains(n.cidr())) {
                throw DomainException.invalid("InvalidParameterValue", "Request cannot contain Cidr " + e.cidr()
                        + " in both AddPrefixListEntries and RemovePrefixListEntries");
            }
            if (current.containsKey(n.cidr())) {
                throw alreadyExists(current.get(n.cidr()));
            }
            current.put(n.cidr(), n);
        }
        removing.forEach(current::remove);
        return List.copyOf(current.values());
    }

    /**
     * Starts the deletion; it fails on the clock ({@code delete-failed}, with the referencing resources in the state
     * message) when security groups or routes still reference the list then.
     */
    public ManagedPrefixList delete(String id) {
        ManagedPrefixList list = changeable(id);
        network.gate().open();
        settle(list, State.DELETE_IN_PROGRESS, timing.deprovisioning(), DELETED);
        return list;
    }

    /** Security groups (by a rule) and route tables (by a route) that reference the list, in that order. */
    public List<String> references(String prefixListId) {
        Set<String> out = new LinkedHashSet<>();
        network.securityGroups().stream().filter(g -> g.rules().stream().anyMatch(r -> prefixListId.equals(r.prefixListId())))
                .forEach(g -> out.add(g.id()));
        network.routeTables().all().stream().filter(t -> t.routes().stream().anyMatch(r -> prefixListId.equals(r.destinationPrefixListId())))
                .forEach(t -> out.add(t.id()));
        return List.copyOf(out);
    }

    /** Moves the list to {@code pending}; after {@code delay}, the timer of {@code kind} completes the step. */
    private void settle(ManagedPrefixList list, State pending, java.time.Duration delay, String kind) {
        list.moveTo(pending, null);
        timers.schedule(delay, kind, list.id());
    }

    private static void validateName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + name + ") for parameter PrefixListName is invalid. Length must be 1 to 255 characters.");
        }
        if (name.startsWith("com.amazonaws")) {
            throw DomainException.invalid("InvalidParameterValue", "The prefix list name cannot start with com.amazonaws.");
        }
    }

    private static void validateSize(int maxEntries) {
        if (maxEntries < 1 || maxEntries > MAX_SIZE) {
            throw DomainException.invalid("InvalidParameterValue", "Must specify a max size between 1 and 1000");
        }
    }

    private static void requireRoom(int entries, int maxEntries) {
        if (entries > maxEntries) {
            throw DomainException.invalid("PrefixListMaxEntriesExceeded", "The prefix list would have " + entries
                    + " entries, more than its maximum of " + maxEntries + ".");
        }
    }

    private static DomainException alreadyExists(Entry e) {
        return DomainException.invalid("InvalidPrefixListModification", "An entry with the CIDR (" + e.cidr() + ")"
                + (e.description() == null ? "" : " and description (" + e.description() + ")") + " already exists.");
    }

    /** An entry with its CIDR checked against the list's address family and written as EC2 writes it. */
    private static Entry normalize(Entry e, String addressFamily) {
        if (e.description() != null && e.description().length() > 255) {
            throw DomainException.invalid("InvalidParameterValue", "The description of an entry must be at most 255 characters.");
        }
        if (addressFamily.equals("IPv4")) {
            Cidr cidr = Cidr.parse(e.cidr()).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                    "The CIDR (" + e.cidr() + ") is not a valid IPv4 CIDR block."));
            return new Entry(cidr.toString(), e.description());
        }
        if (e.cidr() == null || !e.cidr().matches("[0-9a-fA-F:]+/\\d{1,3}")) {
            throw DomainException.invalid("InvalidParameterValue", "The CIDR (" + e.cidr() + ") is not a valid IPv6 CIDR block.");
        }
        return new Entry(e.cidr().toLowerCase(java.util.Locale.ROOT), e.description());
    }
}
