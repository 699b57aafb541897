package dev.ecsnet.api.elbv2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.elb.Elb;
import dev.ecsnet.domain.elb.ElbErrors;
import dev.ecsnet.domain.elb.LoadBalancer;
import dev.ecsnet.protocol.AwsError;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static dev.ecsnet.api.elbv2.Elbv2Handler.elb;
import static dev.ecsnet.api.elbv2.Elbv2Handler.strings;

/** ELBv2 load balancer operations: create, describe, delete, attributes, subnets, IP address type, security groups, capacity. */
final class Elbv2LoadBalancerOps {
    private Elbv2LoadBalancerOps() {
    }

    static void register(OperationTable ops) {
        ops.register("CreateLoadBalancer", Elbv2LoadBalancerOps::create)
                .registerRead("DescribeLoadBalancers", Elbv2LoadBalancerOps::describe)
                .register("DeleteLoadBalancer", c -> {
                    elb(c).deleteLoadBalancer(c.params().required("LoadBalancerArn"));
                    return Call.object();
                })
                .register("DescribeLoadBalancerAttributes", c -> attributes(elb(c).loadBalancer(c.params().required("LoadBalancerArn"))))
                .register("ModifyLoadBalancerAttributes", c -> {
                    String arn = c.params().required("LoadBalancerArn");
                    elb(c).modifyLoadBalancerAttributes(arn, Elbv2Handler.attributes(c.params()));
                    return attributes(elb(c).loadBalancer(arn));
                })
                .register("SetSecurityGroups", Elbv2LoadBalancerOps::setSecurityGroups)
                .register("SetSubnets", Elbv2LoadBalancerOps::setSubnets)
                .register("SetIpAddressType", c -> {
                    LoadBalancer lb = elb(c).setIpAddressType(c.params().required("LoadBalancerArn"), c.params().required("IpAddressType"));
                    return Call.object().put("IpAddressType", lb.ipAddressType());
                })
                .register("DescribeCapacityReservation", Elbv2LoadBalancerOps::describeCapacityReservation);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** ELBv2 timestamps: ISO 8601 with milliseconds ({@code 2026-01-01T00:00:00.000Z}). */
    static String time(Instant t) {
        return TIME.format(t);
    }

    private static List<Elb.SubnetMapping> subnetMappings(Params p) {
        List<String> subnets = strings(p, "Subnets");
        List<Params> mappings = p.list("SubnetMappings");
        if (!subnets.isEmpty() && !mappings.isEmpty()) {
            throw AwsError.badRequest("ValidationError", "You can specify subnets or subnet mappings, but not both");
        }
        List<Elb.SubnetMapping> out = new ArrayList<>();
        subnets.forEach(s -> out.add(new Elb.SubnetMapping(s, null)));
        for (Params m : mappings) {
            if (m.has("AllocationId")) {
                throw AwsError.badRequest("ValidationError", "Elastic IP addresses for load balancer nodes are not supported by ecsnet");
            }
            out.add(new Elb.SubnetMapping(m.required("SubnetId"), m.string("PrivateIPv4Address").filter(v -> !v.isEmpty()).orElse(null)));
        }
        return out;
    }

    private static ObjectNode create(Call c) {
        Params p = c.params();
        LoadBalancer lb = elb(c).createLoadBalancer(new Elb.Request(p.required("Name"), p.string("Type").filter(v -> !v.isEmpty()).orElse(null),
                p.string("Scheme").filter(v -> !v.isEmpty()).orElse(null), subnetMappings(p), strings(p, "SecurityGroups"), p.string("IpAddressType").filter(v -> !v.isEmpty()).orElse(null),
                p.keyValues("Tags", "Key", "Value")));
        ObjectNode out = Call.object();
        out.putArray("LoadBalancers").add(render(lb, elb(c).now()));
        return out;
    }

    static ObjectNode render(LoadBalancer lb, Instant now) {
        ObjectNode o = Call.object()
                .put("LoadBalancerArn", lb.arn())
                .put("DNSName", lb.dnsName())
                .put("CanonicalHostedZoneId", lb.canonicalHostedZoneId())
                .put("CreatedTime", time(lb.createdTime()))
                .put("LoadBalancerName", lb.name())
                .put("Scheme", lb.scheme())
                .put("VpcId", lb.vpcId());
        o.putObject("State").put("Code", lb.state(now));
        o.put("Type", lb.type());
        ArrayNode zones = o.putArray("AvailabilityZones");
        for (LoadBalancer.Node n : lb.nodes()) {
            ObjectNode z = zones.addObject().put("ZoneName", n.zoneName()).put("SubnetId", n.subnetId());
            ArrayNode addresses = z.putArray("LoadBalancerAddresses");
            if (!lb.isApplication() && "internal".equals(lb.scheme())) {
                addresses.addObject().put("PrivateIPv4Address", n.privateIpv4Address());
            }
        }
        if (!lb.securityGroups().isEmpty()) {
            ArrayNode groups = o.putArray("SecurityGroups");
            lb.securityGroups().forEach(groups::add);
        }
        o.put("IpAddressType", lb.ipAddressType());
        return o;
    }

    private static ObjectNode describe(Call c) {
        Params p = c.params();
        List<String> arns = strings(p, "LoadBalancerArns");
        List<String> names = strings(p, "Names");
        if (!arns.isEmpty() && !names.isEmpty()) {
            throw AwsError.badRequest("ValidationError", "Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        List<LoadBalancer> lbs;
        if (!arns.isEmpty()) {
            lbs = Elbv2Handler.resolveAll(arns, a -> elb(c).findLoadBalancer(a), ElbErrors.loadBalancerNotFound());
        } else if (!names.isEmpty()) {
            List<String> missing = names.stream().filter(n -> elb(c).findLoadBalancerByName(n).isEmpty()).toList();
            if (!missing.isEmpty()) {
                throw DomainException.notFound("LoadBalancerNotFound", "Load balancers '" + missing + "' not found");
            }
            lbs = names.stream().map(n -> elb(c).findLoadBalancerByName(n).orElseThrow()).toList();
        } else {
            lbs = List.copyOf(elb(c).loadBalancers());
        }
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("LoadBalancers");
        Elbv2Handler.page(p, lbs, out).forEach(lb -> list.add(render(lb, elb(c).now())));
        return out;
    }

    private static ObjectNode attributes(LoadBalancer lb) {
        ObjectNode out = Call.object();
        Elbv2Handler.putKeyValues(out, "Attributes", new TreeMap<>(lb.attributes()));
        return out;
    }

    private static ObjectNode setSecurityGroups(Call c) {
        LoadBalancer lb = elb(c).setSecurityGroups(c.params().required("LoadBalancerArn"), strings(c.params(), "SecurityGroups"));
        ObjectNode out = Call.object();
        ArrayNode ids = out.putArray("SecurityGroupIds");
        lb.securityGroups().forEach(ids::add);
        return out;
    }

    private static ObjectNode setSubnets(Call c) {
        LoadBalancer lb = elb(c).setSubnets(c.params().required("LoadBalancerArn"), subnetMappings(c.params()),
                c.params().string("IpAddressType").filter(v -> !v.isEmpty()).orElse(null));
        ObjectNode rendered = render(lb, elb(c).now());
        ObjectNode out = Call.object();
        out.set("AvailabilityZones", rendered.get("AvailabilityZones"));
        out.put("IpAddressType", lb.ipAddressType());
        return out;
    }

    private static ObjectNode describeCapacityReservation(Call c) {
        elb(c).loadBalancer(c.params().required("LoadBalancerArn"));
        ObjectNode out = Call.object();
        out.putArray("CapacityReservationState");
        return out;
    }
}
