package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.LinkedHashMap;
import java.util.Map;

/** A VPC. Mutable attributes change only through {@link Network}, on the engine thread. */
public final class Vpc implements Taggable {
    private final String id;
    private final Cidr cidr;
    private final String cidrAssociationId;
    private final String ownerId;
    private final boolean isDefault;
    private final String instanceTenancy;
    private String dhcpOptionsId;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private boolean enableDnsSupport = true;
    private boolean enableDnsHostnames;
    private boolean enableNetworkAddressUsageMetrics;
    private String defaultSecurityGroupId;

    Vpc(String id, Cidr cidr, String cidrAssociationId, String ownerId, boolean isDefault, String instanceTenancy, String dhcpOptionsId) {
        this.id = id;
        this.cidr = cidr;
        this.cidrAssociationId = cidrAssociationId;
        this.ownerId = ownerId;
        this.isDefault = isDefault;
        this.instanceTenancy = instanceTenancy;
        this.dhcpOptionsId = dhcpOptionsId;
        this.enableDnsHostnames = isDefault;
    }

    @Override
    public String id() {
        return id;
    }

    public Cidr cidr() {
        return cidr;
    }

    public String cidrAssociationId() {
        return cidrAssociationId;
    }

    public String ownerId() {
        return ownerId;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public String instanceTenancy() {
        return instanceTenancy;
    }

    /** The DHCP options set the VPC carries, or {@code default} for none. */
    public String dhcpOptionsId() {
        return dhcpOptionsId;
    }

    void setDhcpOptionsId(String id) {
        dhcpOptionsId = id;
    }

    public String state() {
        return "available";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    public boolean enableDnsSupport() {
        return enableDnsSupport;
    }

    public boolean enableDnsHostnames() {
        return enableDnsHostnames;
    }

    public boolean enableNetworkAddressUsageMetrics() {
        return enableNetworkAddressUsageMetrics;
    }

    void setEnableDnsSupport(boolean value) {
        enableDnsSupport = value;
    }

    void setEnableDnsHostnames(boolean value) {
        enableDnsHostnames = value;
    }

    void setEnableNetworkAddressUsageMetrics(boolean value) {
        enableNetworkAddressUsageMetrics = value;
    }

    public String defaultSecurityGroupId() {
        return defaultSecurityGroupId;
    }

    void setDefaultSecurityGroupId(String id) {
        defaultSecurityGroupId = id;
    }
}
