package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A range of a subnet (IPv4, or IPv6 inside its /64) that EC2 does not pick addresses from by itself: {@code explicit}
 * ones are for addresses you assign by name, {@code prefix} ones for prefix delegation.
 */
public final class SubnetCidrReservation implements Taggable {

    public enum Type {
        PREFIX, EXPLICIT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final String subnetId;
    private final String cidr;
    private final Type type;
    private final String ownerId;
    private final String description;
    private final Map<String, String> tags = new LinkedHashMap<>();

    SubnetCidrReservation(String id, String subnetId, String cidr, Type type, String ownerId, String description) {
        this.id = id;
        this.subnetId = subnetId;
        this.cidr = cidr;
        this.type = type;
        this.ownerId = ownerId;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    public String subnetId() {
        return subnetId;
    }

    /** The range in EC2's text form. */
    public String cidr() {
        return cidr;
    }

    public boolean isIpv6() {
        return cidr.contains(":");
    }

    public Type type() {
        return type;
    }

    public String ownerId() {
        return ownerId;
    }

    /** The description, or null when none was given. */
    public String description() {
        return description;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
