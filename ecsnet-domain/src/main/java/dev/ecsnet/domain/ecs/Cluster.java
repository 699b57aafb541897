package dev.ecsnet.domain.ecs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ECS cluster: its settings, configuration, tags, capacity providers with the default strategy, Service Connect
 * defaults and attachments. Deleting it makes it INACTIVE; it stays describable, as in AWS. Used only on the engine
 * thread; changed only by {@link Ecs}, {@link ClusterUpdates} and {@link CapacityProviders}.
 */
public final class Cluster {
    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";

    /** A cluster attachment as DescribeClusters shows it with {@code include=ATTACHMENTS} ({@code sc}: Service Connect). */
    public record Attachment(String id, String type, String status) {
    }

    private final String name;
    private final String arn;
    private final Map<String, String> tags;
    private final Map<String, String> settings;
    private List<String> capacityProviders;
    private List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy;
    private Map<String, Object> configuration;
    private String serviceConnectNamespaceArn;
    private final List<Attachment> attachments = new ArrayList<>();
    private String attachmentsStatus;
    /** Bumped on every attachment change, so a stale "update complete" timer does nothing. */
    private long attachmentsGeneration;
    private String status = ACTIVE;

    Cluster(String name, String arn, Map<String, String> tags, Map<String, String> settings) {
        this.name = name;
        this.arn = arn;
        this.tags = new LinkedHashMap<>(tags);
        this.settings = new LinkedHashMap<>(settings);
        this.capacityProviders = List.of();
        this.defaultCapacityProviderStrategy = List.of();
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String status() {
        return status;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    void deactivate() {
        status = INACTIVE;
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    /** The cluster's tag map, for TagResource and UntagResource. */
    Map<String, String> mutableTags() {
        return tags;
    }

    /** Cluster settings by name ({@code containerInsights}). */
    public Map<String, String> settings() {
        return Collections.unmodifiableMap(settings);
    }

    void putSettings(Map<String, String> more) {
        settings.putAll(more);
    }

    public List<String> capacityProviders() {
        return capacityProviders;
    }

    public List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy() {
        return defaultCapacityProviderStrategy;
    }

    void capacityProviders(List<String> providers, List<CapacityProviderStrategyItem> defaultStrategy) {
        this.capacityProviders = List.copyOf(providers);
        this.defaultCapacityProviderStrategy = List.copyOf(defaultStrategy);
    }

    /** {@code configuration} (executeCommandConfiguration, managedStorageConfiguration) as the client sent it. */
    public Optional<Map<String, Object>> configuration() {
        return Optional.ofNullable(configuration).map(Collections::unmodifiableMap);
    }

    void configuration(Map<String, Object> document) {
        this.configuration = ClientDocument.deepCopy(document);
    }

    /** The ARN of the default Service Connect namespace ({@code serviceConnectDefaults}). */
    public Optional<String> serviceConnectNamespaceArn() {
        return Optional.ofNullable(serviceConnectNamespaceArn);
    }

    void serviceConnectNamespaceArn(String namespaceArn) {
        this.serviceConnectNamespaceArn = namespaceArn;
    }

    public List<Attachment> attachments() {
        return Collections.unmodifiableList(attachments);
    }

    /** UPDATE_IN_PROGRESS while capacity providers or Service Connect defaults change, then UPDATE_COMPLETE. */
    public Optional<String> attachmentsStatus() {
        return Optional.ofNullable(attachmentsStatus);
    }

    /**
     * Marks an attachment change as in progress under {@code generation} (unique in the region, so that the timer of an
     * earlier cluster of the name finds no match), which the completing timer must still see.
     */
    void attachmentsUpdating(long generation) {
        attachmentsStatus = "UPDATE_IN_PROGRESS";
        attachmentsGeneration = generation;
    }

    void attachmentsUpdated(long generation) {
        if (generation == attachmentsGeneration) {
            attachmentsStatus = "UPDATE_COMPLETE";
        }
    }

    /** The ATTACHED attachment of a type becomes DELETED (kept in the list, as AWS shows it). */
    void detach(String type) {
        attachments.replaceAll(a -> a.type().equals(type) && a.status().equals("ATTACHED") ? new Attachment(a.id(), type, "DELETED") : a);
    }

    void attach(String id, String type) {
        attachments.add(new Attachment(id, type, "ATTACHED"));
    }

    long attachmentsGeneration() {
        return attachmentsGeneration;
    }

    /** On restore: the attachments, their status and generation as recorded. */
    void restoreAttachments(List<Attachment> recorded, String status, long generation) {
        attachments.clear();
        attachments.addAll(recorded);
        attachmentsStatus = status;
        attachmentsGeneration = generation;
    }
}
