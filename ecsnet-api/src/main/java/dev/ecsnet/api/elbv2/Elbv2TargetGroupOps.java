package dev.ecsnet.api.elbv2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.elb.ElbErrors;
import dev.ecsnet.domain.elb.HealthCheck;
import dev.ecsnet.domain.elb.TargetGroup;
import dev.ecsnet.domain.elb.TargetGroups;
import dev.ecsnet.domain.elb.TargetHealthDescription;
import dev.ecsnet.protocol.AwsError;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static dev.ecsnet.api.elbv2.Elbv2Handler.elb;
import static dev.ecsnet.api.elbv2.Elbv2Handler.strings;

/** ELBv2 target group operations: create, describe, modify, delete, attributes, targets and their health. */
final class Elbv2TargetGroupOps {
    private Elbv2TargetGroupOps() {
    }

    static void register(OperationTable ops) {
        ops.register("CreateTargetGroup", Elbv2TargetGroupOps::create)
                .registerRead("DescribeTargetGroups", Elbv2TargetGroupOps::describe)
                .register("ModifyTargetGroup", Elbv2TargetGroupOps::modify)
                .register("DeleteTargetGroup", c -> {
                    elb(c).targetGroups().delete(c.params().required("TargetGroupArn"));
                    return Call.object();
                })
                .register("DescribeTargetGroupAttributes", c -> attributes(tg(c)))
                .register("ModifyTargetGroupAttributes", c -> {
                    String arn = c.params().required("TargetGroupArn");
                    elb(c).targetGroups().modifyAttributes(arn, Elbv2Handler.attributes(c.params()));
                    return attributes(elb(c).targetGroups().get(arn));
                })
                .register("RegisterTargets", c -> {
                    elb(c).targetGroups().registerTargets(c.params().required("TargetGroupArn"), targets(c.params(), true));
                    return Call.object();
                })
                .register("DeregisterTargets", c -> {
                    elb(c).targetGroups().deregisterTargets(c.params().required("TargetGroupArn"), targets(c.params(), true));
                    return Call.object();
                })
                .registerRead("DescribeTargetHealth", Elbv2TargetGroupOps::describeTargetHealth);
    }

    private static TargetGroup tg(Call c) {
        return elb(c).targetGroups().get(c.params().required("TargetGroupArn"));
    }

    private static List<TargetGroups.TargetRequest> targets(Params p, boolean required) {
        List<Params> items = p.list("Targets");
        if (required && items.isEmpty()) {
            throw Elbv2Handler.missing("Targets");
        }
        return items.stream().map(t -> new TargetGroups.TargetRequest(t.required("Id"), t.integer("Port").orElse(null),
                t.string("AvailabilityZone").filter(s -> !s.isEmpty()).orElse(null))).toList();
    }

    private static ObjectNode create(Call c) {
        Params p = c.params();
        Params m = p.child("Matcher");
        TargetGroup g = elb(c).targetGroups().create(new TargetGroups.Request(p.required("Name"), p.string("Protocol").filter(v -> !v.isEmpty()).orElse(null),
                p.string("ProtocolVersion").filter(v -> !v.isEmpty()).orElse(null), p.integer("Port").orElse(null), p.string("VpcId").filter(s -> !s.isEmpty()).orElse(null),
                p.string("TargetType").filter(v -> !v.isEmpty()).orElse(null), p.string("IpAddressType").filter(v -> !v.isEmpty()).orElse(null), p.string("HealthCheckProtocol").filter(v -> !v.isEmpty()).orElse(null),
                p.string("HealthCheckPort").filter(v -> !v.isEmpty()).orElse(null), p.bool("HealthCheckEnabled").orElse(null), p.string("HealthCheckPath").filter(v -> !v.isEmpty()).orElse(null),
                p.integer("HealthCheckIntervalSeconds").orElse(null), p.integer("HealthCheckTimeoutSeconds").orElse(null),
                p.integer("HealthyThresholdCount").orElse(null), p.integer("UnhealthyThresholdCount").orElse(null),
                m.string("HttpCode").filter(v -> !v.isEmpty()).orElse(null), m.string("GrpcCode").filter(v -> !v.isEmpty()).orElse(null), p.keyValues("Tags", "Key", "Value")));
        ObjectNode out = Call.object();
        out.putArray("TargetGroups").add(render(c, g));
        return out;
    }

    private static ObjectNode modify(Call c) {
        Params p = c.params();
        Params m = p.child("Matcher");
        TargetGroup g = elb(c).targetGroups().modify(p.required("TargetGroupArn"), p.string("HealthCheckProtocol").filter(v -> !v.isEmpty()).orElse(null),
                p.string("HealthCheckPort").filter(v -> !v.isEmpty()).orElse(null), p.bool("HealthCheckEnabled").orElse(null), p.string("HealthCheckPath").filter(v -> !v.isEmpty()).orElse(null),
                p.integer("HealthCheckIntervalSeconds").orElse(null), p.integer("HealthCheckTimeoutSeconds").orElse(null),
                p.integer("HealthyThresholdCount").orElse(null), p.integer("UnhealthyThresholdCount").orElse(null),
                m.string("HttpCode").filter(v -> !v.isEmpty()).orElse(null), m.string("GrpcCode").filter(v -> !v.isEmpty()).orElse(null));
        ObjectNode out = Call.object();
        out.putArray("TargetGroups").add(render(c, g));
        return out;
    }

    static ObjectNode render(Call c, TargetGroup g) {
        ObjectNode o = Call.object().put("TargetGroupArn", g.arn()).put("TargetGroupName", g.name());
        g.protocol().ifPresent(v -> o.put("Protocol", v));
        g.port().ifPresent(v -> o.put("Port", v));
        g.vpcId().ifPresent(v -> o.put("VpcId", v));
        HealthCheck h = g.healthCheck();
        if (h.protocol() != null) {
            o.put("HealthCheckProtocol", h.protocol());
        }
        if (h.port() != null) {
            o.put("HealthCheckPort", h.port());
        }
        o.put("HealthCheckEnabled", h.enabled())
                .put("HealthCheckIntervalSeconds", h.intervalSeconds())
                .put("HealthCheckTimeoutSeconds", h.timeoutSeconds())
                .put("HealthyThresholdCount", h.healthyThresholdCount())
                .put("UnhealthyThresholdCount", h.unhealthyThresholdCount());
        if (h.path() != null) {
            o.put("HealthCheckPath", h.path());
        }
        if (h.matcher() != null || h.grpcMatcher() != null) {
            ObjectNode m = o.putObject("Matcher");
            if (h.matcher() != null) {
                m.put("HttpCode", h.matcher());
            }
            if (h.grpcMatcher() != null) {
                m.put("GrpcCode", h.grpcMatcher());
            }
        }
        ArrayNode lbs = o.putArray("LoadBalancerArns");
        elb(c).targetGroups().loadBalancerArns(g).forEach(lbs::add);
        o.put("TargetType", g.targetType());
        g.protocolVersion().ifPresent(v -> o.put("ProtocolVersion", v));
        if (!g.targetType().equals("lambda")) {
            o.put("IpAddressType", g.ipAddressType());
        }
        return o;
    }

    private static ObjectNode describe(Call c) {
        Params p = c.params();
        List<String> arns = strings(p, "TargetGroupArns");
        List<String> names = strings(p, "Names");
        Optional<String> lbArn = p.string("LoadBalancerArn").filter(s -> !s.isEmpty());
        if ((arns.isEmpty() ? 0 : 1) + (names.isEmpty() ? 0 : 1) + (lbArn.isEmpty() ? 0 : 1) > 1) {
            throw AwsError.badRequest("ValidationError", "Target group ARNs, names and a load balancer ARN cannot be specified at the same time");
        }
        List<TargetGroup> groups;
        if (!arns.isEmpty()) {
            groups = Elbv2Handler.resolveAll(arns, a -> elb(c).targetGroups().find(a), ElbErrors.targetGroupNotFound());
        } else if (!names.isEmpty()) {
            List<String> missing = names.stream().filter(n -> elb(c).targetGroups().findByName(n).isEmpty()).toList();
            if (!missing.isEmpty()) {
                throw DomainException.notFound("TargetGroupNotFound", "Target groups '" + missing + "' not found");
            }
            groups = names.stream().map(n -> elb(c).targetGroups().findByName(n).orElseThrow()).toList();
        } else if (lbArn.isPresent()) {
            elb(c).loadBalancer(lbArn.get());
            groups = elb(c).targetGroups().all().stream()
                    .filter(g -> elb(c).targetGroups().loadBalancerArns(g).contains(lbArn.get())).toList();
        } else {
            groups = List.copyOf(elb(c).targetGroups().all());
        }
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("TargetGroups");
        Elbv2Handler.page(p, groups, out).forEach(g -> list.add(render(c, g)));
        return out;
    }

    private static ObjectNode attributes(TargetGroup g) {
        ObjectNode out = Call.object();
        Elbv2Handler.putKeyValues(out, "Attributes", new TreeMap<>(g.attributes()));
        return out;
    }

    private static ObjectNode describeTargetHealth(Call c) {
        String arn = c.params().required("TargetGroupArn");
        List<TargetGroups.TargetRequest> requested = targets(c.params(), false);
        List<TargetHealthDescription> health = requested.isEmpty() ? elb(c).targetGroups().health(arn)
                : elb(c).targetGroups().health(arn, requested);
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("TargetHealthDescriptions");
        for (TargetHealthDescription d : health) {
            ObjectNode o = list.addObject();
            ObjectNode t = o.putObject("Target").put("Id", d.id());
            if (d.port() > 0) {
                t.put("Port", d.port());
            }
            if (d.availabilityZone() != null) {
                t.put("AvailabilityZone", d.availabilityZone());
            }
            if (d.healthCheckPort() != null) {
                o.put("HealthCheckPort", d.healthCheckPort());
            }
            ObjectNode h = o.putObject("TargetHealth").put("State", d.health().state());
            if (d.health().reason() != null) {
                h.put("Reason", d.health().reason()).put("Description", d.health().description());
            }
        }
        return out;
    }
}
