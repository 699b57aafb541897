package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.LinkedHashMap;
import java.util.Map;

/** A subnet: a CIDR inside its VPC, in one Availability Zone, with the pool that owns its addresses. */
public final class Subnet implements Taggable {
    private final String id;
    private final String vpcId;
    private final Cidr cidr;
    private final AvailabilityZone zone;
    private final String ownerId;
    private final boolean defaultForAz;
    private final SubnetIpPool pool;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private boolean mapPublicIpOnLaunch;

    Subnet(String id, String vpcId, Cidr cidr, AvailabilityZone zone, String ownerId, boolean defaultForAz, SubnetIpPool pool) {
        this.id = id;
        this.vpcId = vpcId;
        this.cidr = cidr;
        this.zone = zone;
        this.ownerId = ownerId;
        this.defaultForAz = defaultForAz;
        this.pool = pool;
        this.mapPublicIpOnLaunch = defaultForAz;
    }

    @Override
    public String id() {
        return id;
    }

    public String vpcId() {
        return vpcId;
    }

    public Cidr cidr() {
        return cidr;
    }

    public AvailabilityZone zone() {
        return zone;
    }

    public String ownerId() {
        return ownerId;
    }

    public boolean defaultForAz() {
        return defaultForAz;
    }

    public String arn() {
        return "arn:aws:ec2:" + zone.region() + ":" + ownerId + ":subnet/" + id;
    }

    public String state() {
        return "available";
    }

    public int availableIpAddressCount() {
        return pool.availableCount();
    }

    SubnetIpPool pool() {
        return pool;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    public boolean mapPublicIpOnLaunch() {
        return mapPublicIpOnLaunch;
    }

    void setMapPublicIpOnLaunch(boolean value) {
        mapPublicIpOnLaunch = value;
    }

    /**
     * Whether the subnet has an IPv6 CIDR block (what dualstack load balancers need). Subnets are IPv4-only until
     * IPv6 CIDR associations are modelled, so this is false.
     */
    public boolean hasIpv6Cidr() {
        return false;
    }
}
