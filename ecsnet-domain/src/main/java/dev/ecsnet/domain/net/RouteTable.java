package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A route table of a VPC, its routes and its associations (the main one, and subnets). */
public final class RouteTable implements Taggable {
    private final String id;
    private final String vpcId;
    private final String ownerId;
    private final Map<String, String> tags = new LinkedHashMap<>();
    final List<Route> routes = new ArrayList<>();
    final List<Association> associations = new ArrayList<>();

    /** A route table association: with a subnet, or the VPC's main association ({@code subnetId} null). */
    public record Association(String id, String routeTableId, String subnetId, boolean main) {
    }

    RouteTable(String id, String vpcId, String ownerId) {
        this.id = id;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
    }

    @Override
    public String id() {
        return id;
    }

    public String vpcId() {
        return vpcId;
    }

    public String ownerId() {
        return ownerId;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public List<Association> associations() {
        return List.copyOf(associations);
    }

    public boolean isMain() {
        return associations.stream().anyMatch(Association::main);
    }
}
