package dev.ecsnet.domain.ecs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The task's ElasticNetworkInterface attachment. Details keep AWS's order: subnetId, networkInterfaceId, macAddress,
 * privateDnsName, privateIPv4Address, and ipv6Address for a dual-stack task.
 */
public final class TaskAttachment {
    public static final String TYPE = "ElasticNetworkInterface";

    private final String id;
    private final Map<String, String> details = new LinkedHashMap<>();
    private AttachmentStatus status = AttachmentStatus.PRECREATED;

    TaskAttachment(String id, String subnetId) {
        this.id = id;
        details.put("subnetId", subnetId);
    }

    public String id() {
        return id;
    }

    public AttachmentStatus status() {
        return status;
    }

    void setStatus(AttachmentStatus status) {
        this.status = status;
    }

    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    void putDetail(String name, String value) {
        details.put(name, value);
    }

    /** On restore: the details (in their recorded order) replace the ones the constructor put. */
    void restore(AttachmentStatus status, Map<String, String> recorded) {
        this.status = status;
        details.clear();
        details.putAll(recorded);
    }
}
