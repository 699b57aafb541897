package dev.ecsnet.domain.discovery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Cloud Map namespace: {@code DNS_PRIVATE} (in one VPC; ecsnet answers its names over DNS), {@code DNS_PUBLIC} or
 * {@code HTTP}. DNS namespaces have a hosted zone id and an SOA TTL; every namespace has an HTTP name.
 */
public final class Namespace {
    private final String id;
    private final String arn;
    private final String name;
    private final String type;
    private String description;
    private final String vpcId;
    private final String hostedZoneId;
    private long soaTtl;
    private final Instant createDate;
    private final String creatorRequestId;
    private final Map<String, String> tags = new LinkedHashMap<>();

    Namespace(String id, String arn, String name, String type, String description, String vpcId, String hostedZoneId,
              long soaTtl, Instant createDate, String creatorRequestId) {
        this.id = id;
        this.arn = arn;
        this.name = name;
        this.type = type;
        this.description = description;
        this.vpcId = vpcId;
        this.hostedZoneId = hostedZoneId;
        this.soaTtl = soaTtl;
        this.createDate = createDate;
        this.creatorRequestId = creatorRequestId;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public boolean isDns() {
        return !"HTTP".equals(type);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    void setDescription(String value) {
        description = value;
    }

    public Optional<String> vpcId() {
        return Optional.ofNullable(vpcId);
    }

    public Optional<String> hostedZoneId() {
        return Optional.ofNullable(hostedZoneId);
    }

    public long soaTtl() {
        return soaTtl;
    }

    void setSoaTtl(long value) {
        soaTtl = value;
    }

    public Instant createDate() {
        return createDate;
    }

    public Optional<String> creatorRequestId() {
        return Optional.ofNullable(creatorRequestId);
    }

    public Map<String, String> tags() {
        return tags;
    }
}
