package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * Checks an awsvpcConfiguration against the network and spreads tasks over its subnets: round-robin over the
 * distinct Availability Zones (so N tasks over N subnets in N zones get one each), and within a zone to the subnet
 * with the most free addresses. The starting zone rotates from call to call, as ECS's spread does.
 */
final class TaskPlacement {

    /** A checked configuration: subnets grouped by zone, and the groups to put on each ENI. */
    record Checked(Map<String, List<Subnet>> subnetsByZone, List<String> securityGroupIds, boolean assignPublicIp) {
    }

    private final Network network;
    private int rotation;
    /** Zone name → where the next search for its roomiest subnet starts, so equal subnets take turns. */
    private final Map<String, Integer> turns = new LinkedHashMap<>();

    TaskPlacement(Network network) {
        this.network = network;
    }

    int rotation() {
        return rotation;
    }

    Map<String, Integer> turns() {
        return java.util.Collections.unmodifiableMap(turns);
    }

    void restore(int recordedRotation, Map<String, Integer> recordedTurns) {
        rotation = recordedRotation;
        turns.clear();
        turns.putAll(recordedTurns);
    }

    Checked check(TaskLaunch.AwsvpcConfiguration config) {
        List<String> subnetIds = config.subnets();
        if (subnetIds.isEmpty()) {
            throw invalidParameter("subnets can not be empty.");
        }
        if (subnetIds.size() > 16) {
            throw invalidParameter("subnets can have at most 16 items.");
        }
        if (config.securityGroups().size() > 5) {
            throw invalidParameter("securityGroups can have at most 5 items.");
        }
        boolean publicIp = switch (config.assignPublicIp().orElse("DISABLED")) {
            case "ENABLED" -> true;
            case "DISABLED" -> false;
            default -> throw invalidParameter("assignPublicIp must be ENABLED or DISABLED.");
        };
        List<Subnet> subnets = new ArrayList<>();
        for (String id : subnetIds) {
            Optional<Subnet> s = network.findSubnet(id);
            if (s.isEmpty()) {
                throw invalidParameter("Error retrieving subnet information for [" + String.join(", ", subnetIds)
                        + "]: The subnet ID '" + id + "' does not exist (ErrorCode: InvalidSubnetID.NotFound)");
            }
            if (subnets.stream().noneMatch(x -> x.id().equals(id))) {
                subnets.add(s.get());
            }
        }
        String vpcId = subnets.get(0).vpcId();
        if (subnets.stream().anyMatch(s -> !s.vpcId().equals(vpcId))) {
            // AWS's wording for this case is not known; this states the rule from the API reference
            throw invalidParameter("The subnets provided must all belong to the same VPC.");
        }
        List<String> groups = new ArrayList<>();
        for (String id : config.securityGroups()) {
            Optional<SecurityGroup> sg = network.findSecurityGroup(id);
            if (sg.isEmpty()) {
                throw invalidParameter("Error retrieving security group information for [" + String.join(", ", config.securityGroups())
                        + "]: The security group '" + id + "' does not exist (ErrorCode: InvalidGroup.NotFound)");
            }
            if (!sg.get().vpcId().equals(vpcId)) {
                throw invalidParameter("Security group " + id + " does not appear to belong to the same VPC as the input subnets.");
            }
            if (!groups.contains(id)) {
                groups.add(id);
            }
        }
        if (groups.isEmpty()) {
            groups.add(network.vpc(vpcId).defaultSecurityGroupId());
        }
        Map<String, List<Subnet>> byZone = new LinkedHashMap<>();
        for (Subnet s : subnets) {
            byZone.computeIfAbsent(s.zone().name(), z -> new ArrayList<>()).add(s);
        }
        return new Checked(byZone, groups, publicIp);
    }

    /**
     * One subnet per task. Each task goes to the next zone in a rotation that starts one further on every call, and
     * within that zone to the subnet with the most free addresses (counting this call's earlier tasks); equal ones
     * take turns across calls. Zones and subnets without a free address are passed over while another named subnet
     * has one, so a task is only sent to a full subnet (to stop there with InsufficientFreeAddressesInSubnet, as in
     * AWS) when every subnet it may use is full. See docs/aws-behaviour.md, "Fargate subnet selection".
     */
    List<Subnet> place(Checked checked, int count) {
        List<List<Subnet>> zones = new ArrayList<>(checked.subnetsByZone().values());
        int start = rotation++;
        Map<String, Integer> placed = new HashMap<>();
        List<Subnet> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Subnet> zone = zones.get(Math.floorMod(start + i, zones.size()));
            for (int step = 0; step < zones.size(); step++) {
                List<Subnet> candidate = zones.get(Math.floorMod(start + i + step, zones.size()));
                if (candidate.stream().anyMatch(s -> free(s, placed) > 0)) {
                    zone = candidate;
                    break;
                }
            }
            Subnet chosen = roomiest(zone, placed);
            placed.merge(chosen.id(), 1, Integer::sum);
            out.add(chosen);
        }
        return out;
    }

    /** The zone's subnet with the most free addresses; among equal ones, the first after the zone's last choice. */
    private Subnet roomiest(List<Subnet> zone, Map<String, Integer> placed) {
        String zoneName = zone.get(0).zone().name();
        int from = turns.getOrDefault(zoneName, 0);
        Subnet best = null;
        int bestFree = Integer.MIN_VALUE;
        int bestIndex = 0;
        for (int k = 0; k < zone.size(); k++) {
            int index = (from + k) % zone.size();
            int free = free(zone.get(index), placed);
            if (free > bestFree) {
                best = zone.get(index);
                bestFree = free;
                bestIndex = index;
            }
        }
        turns.put(zoneName, bestIndex + 1);
        return best;
    }

    private static int free(Subnet subnet, Map<String, Integer> placed) {
        return subnet.assignableIpAddressCount() - placed.getOrDefault(subnet.id(), 0);
    }
}
