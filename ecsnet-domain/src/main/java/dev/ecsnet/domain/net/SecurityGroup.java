package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.ObservedTags;
import dev.ecsnet.domain.common.Taggable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A VPC security group: ingress and egress rules in the order they were added. */
public final class SecurityGroup implements Taggable {
    private final String id;
    private final String name;
    private final String description;
    private final String vpcId;
    private final String ownerId;
    private final Map<String, String> tags = new ObservedTags();
    final List<SecurityGroupRule> rules = new ArrayList<>();

    SecurityGroup(String id, String name, String description, String vpcId, String ownerId) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String vpcId() {
        return vpcId;
    }

    public String ownerId() {
        return ownerId;
    }

    public boolean isDefault() {
        return "default".equals(name);
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    public List<SecurityGroupRule> rules() {
        return List.copyOf(rules);
    }

    public List<SecurityGroupRule> ingress() {
        return rules.stream().filter(r -> !r.egress()).toList();
    }

    public List<SecurityGroupRule> egress() {
        return rules.stream().filter(SecurityGroupRule::egress).toList();
    }
}
