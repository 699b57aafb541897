package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.analysis.Hop;
import dev.ecsnet.domain.analysis.NetworkInsights;
import dev.ecsnet.domain.analysis.NetworkInsights.InsightsAnalysis;
import dev.ecsnet.domain.analysis.NetworkInsights.InsightsPath;
import dev.ecsnet.domain.analysis.Verdict;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Route;
import dev.ecsnet.domain.net.SecurityGroupRule;

import java.util.List;
import java.util.Optional;

/** EC2 Reachability Analyzer: network insights paths and analyses. */
final class Ec2NetworkInsightsOps {
    private Ec2NetworkInsightsOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateNetworkInsightsPath", Ec2NetworkInsightsOps::createPath);
        t.register("DescribeNetworkInsightsPaths", Ec2NetworkInsightsOps::describePaths);
        t.register("DeleteNetworkInsightsPath", c -> {
            String id = c.params().required("NetworkInsightsPathId");
            insights(c).deletePath(id);
            return Ec2Shapes.object().put("networkInsightsPathId", id);
        });
        t.register("StartNetworkInsightsAnalysis", Ec2NetworkInsightsOps::start);
        t.register("DescribeNetworkInsightsAnalyses", Ec2NetworkInsightsOps::describeAnalyses);
        t.register("DeleteNetworkInsightsAnalysis", c -> {
            String id = c.params().required("NetworkInsightsAnalysisId");
            insights(c).deleteAnalysis(id);
            return Ec2Shapes.object().put("networkInsightsAnalysisId", id);
        });
    }

    private static NetworkInsights insights(Call c) {
        return c.state().insights();
    }

    private static final Ec2Filters<InsightsPath> PATH_FILTERS = Ec2Filters.<InsightsPath>untagged()
            .field("source", InsightsPath::source)
            .field("destination", p -> p.destination().orElse(null))
            .field("protocol", InsightsPath::protocol)
            .field("destination-port", p -> p.destinationPort().orElse(null))
            .field("source-ip", p -> p.sourceIp().orElse(null))
            .field("destination-ip", p -> p.destinationIp().orElse(null));

    private static final Ec2Filters<InsightsAnalysis> ANALYSIS_FILTERS = Ec2Filters.<InsightsAnalysis>untagged()
            .field("status", InsightsAnalysis::status)
            .field("path-found", a -> a.verdict().map(Verdict::reachable).orElse(null));

    static String arn(Call call, String id) {
        String prefix = id.substring(0, id.lastIndexOf('-'));
        String type = switch (prefix) {
            case "eni" -> "network-interface";
            case "sg" -> "security-group";
            case "rtb" -> "route-table";
            case "acl" -> "network-acl";
            case "igw" -> "internet-gateway";
            case "nat" -> "natgateway";
            case "vpce" -> "vpc-endpoint";
            case "vpc" -> "vpc";
            case "pcx" -> "vpc-peering-connection";
            case "subnet" -> "subnet";
            default -> prefix;
        };
        return "arn:aws:ec2:" + call.region() + ":" + call.accountId() + ":" + type + "/" + id;
    }

    static ObjectNode component(Call call, String id) {
        return Ec2Shapes.object().put("id", id).put("arn", arn(call, id));
    }

    static ObjectNode renderPath(InsightsPath p) {
        ObjectNode o = Ec2Shapes.object().put("networkInsightsPathId", p.id()).put("networkInsightsPathArn", p.arn())
                .put("createdDate", Ec2Shapes.time(p.createdDate())).put("source", p.source());
        p.destination().ifPresent(d -> o.put("destination", d));
        p.sourceIp().ifPresent(ip -> o.put("sourceIp", ip));
        p.destinationIp().ifPresent(ip -> o.put("destinationIp", ip));
        o.put("protocol", p.protocol());
        p.destinationPort().ifPresent(port -> o.put("destinationPort", port));
        o.set("tagSet", Ec2Shapes.tagSet(p.tags()));
        return o;
    }

    static ObjectNode createPath(Call call) {
        Params p = call.params();
        if (p.has("FilterAtSource") || p.has("FilterAtDestination")) {
            throw dev.ecsnet.protocol.AwsError.badRequest("InvalidParameterValue", "ecsnet does not support path filters; use SourceIp, DestinationIp and DestinationPort.");
        }
        InsightsPath path = insights(call).createPath(p.required("Source"), p.string("Destination").orElse(null), p.string("SourceIp").orElse(null),
                p.string("DestinationIp").orElse(null), p.required("Protocol"), p.integer("DestinationPort").orElse(null),
                Ec2Shapes.tagsFor(p, "network-insights-path"));
        ObjectNode out = Ec2Shapes.object();
        out.set("networkInsightsPath", renderPath(path));
        return out;
    }

    static ObjectNode describePaths(Call call) {
        List<String> ids = call.params().strings("NetworkInsightsPathId");
        List<InsightsPath> all = ids.isEmpty() ? List.copyOf(insights(call).paths()) : ids.stream().distinct().map(insights(call)::path).toList();
        var page = Ec2Pages.page(PATH_FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 1, 100);
        ArrayNode set = Ec2Shapes.array();
        page.items().forEach(x -> set.add(renderPath(x)));
        ObjectNode out = Ec2Shapes.object();
        out.set("networkInsightsPathSet", set);
        page.putToken(out);
        return out;
    }

    static ObjectNode start(Call call) {
        InsightsAnalysis a = insights(call).start(call.params().required("NetworkInsightsPathId"),
                Ec2Shapes.tagsFor(call.params(), "network-insights-analysis"));
        ObjectNode out = Ec2Shapes.object();
        out.set("networkInsightsAnalysis", renderAnalysis(call, a));
        return out;
    }

    static ObjectNode describeAnalyses(Call call) {
        List<String> ids = call.params().strings("NetworkInsightsAnalysisId");
        Optional<String> pathId = call.params().string("NetworkInsightsPathId");
        pathId.ifPresent(insights(call)::path);
        List<InsightsAnalysis> all = (ids.isEmpty() ? List.copyOf(insights(call).analyses()) : ids.stream().distinct().map(insights(call)::analysis).toList())
                .stream().filter(a -> pathId.map(a.pathId()::equals).orElse(true)).toList();
        var page = Ec2Pages.page(ANALYSIS_FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 1, 100);
        ArrayNode set = Ec2Shapes.array();
        page.items().forEach(a -> set.add(renderAnalysis(call, a)));
        ObjectNode out = Ec2Shapes.object();
        out.set("networkInsightsAnalysisSet", set);
        page.putToken(out);
        return out;
    }

    static ObjectNode renderAnalysis(Call call, InsightsAnalysis a) {
        ObjectNode o = Ec2Shapes.object().put("networkInsightsAnalysisId", a.id()).put("networkInsightsAnalysisArn", a.arn())
                .put("networkInsightsPathId", a.pathId()).put("startDate", Ec2Shapes.time(a.startDate())).put("status", a.status());
        a.verdict().ifPresent(v -> {
            o.put("networkPathFound", v.reachable());
            ArrayNode forward = o.putArray("forwardPathComponentSet");
            int seq = 1;
            for (Hop h : v.path()) {
                forward.add(pathComponent(call, h, seq++));
            }
            if (v instanceof Verdict.Blocked b) {
                o.putArray("explanationSet").add(explanation(call, b));
            }
        });
        o.set("tagSet", Ec2Shapes.tagSet(a.tags()));
        return o;
    }

    private static ObjectNode pathComponent(Call call, Hop h, int sequence) {
        Network net = call.state().network();
        ObjectNode c = Ec2Shapes.object().put("sequenceNumber", sequence);
        switch (h.kind()) {
            case "security-group-rule" -> {
                Optional<SecurityGroupRule> rule = net.securityGroups().stream().flatMap(g -> g.rules().stream())
                        .filter(r -> r.ruleId().equals(h.id())).findFirst();
                c.set("component", component(call, rule.map(SecurityGroupRule::groupId).orElse(h.id())));
                rule.ifPresent(r -> {
                    ObjectNode x = c.putObject("securityGroupRule").put("direction", r.egress() ? "egress" : "ingress")
                            .put("securityGroupId", r.groupId()).put("protocol", r.protocol());
                    if (r.cidrIpv4() != null) {
                        x.put("cidr", r.cidrIpv4());
                    }
                    if (r.prefixListId() != null) {
                        x.put("prefixListId", r.prefixListId());
                    }
                    if (!r.protocol().equals("-1")) {
                        x.putObject("portRange").put("from", r.fromPort()).put("to", r.toPort());
                    }
                });
            }
            case "route" -> {
                c.set("component", component(call, h.id()));
                String destination = h.detail().contains(" -> ") ? h.detail().substring(0, h.detail().indexOf(" -> ")) : null;
                net.routeTables().all().stream().filter(t -> t.id().equals(h.id())).findFirst().flatMap(t -> t.routes().stream()
                        .filter(r -> destination == null ? r.kind() == Route.TargetKind.LOCAL : r.destination().equals(destination)).findFirst())
                        .ifPresent(r -> {
                            ObjectNode x = c.putObject("routeTableRoute");
                            if (r.destinationCidrBlock() != null) {
                                x.put("destinationCidr", r.destinationCidrBlock());
                            } else {
                                x.put("destinationPrefixListId", r.destinationPrefixListId());
                            }
                            switch (r.kind()) {
                                case NAT_GATEWAY -> x.put("natGatewayId", r.targetId());
                                case NETWORK_INTERFACE -> x.put("networkInterfaceId", r.targetId());
                                case VPC_PEERING_CONNECTION -> x.put("vpcPeeringConnectionId", r.targetId());
                                default -> x.put("gatewayId", r.targetId());
                            }
                            x.put("origin", r.origin()).put("state", r.state());
                        });
            }
            default -> c.set("component", component(call, h.id()));
        }
        return c;
    }

    private static ObjectNode explanation(Call call, Verdict.Blocked b) {
        ObjectNode e = Ec2Shapes.object().put("explanationCode", b.explanationCode());
        String direction = b.reason().contains("outbound") || b.reason().contains("egress") ? "egress"
                : b.reason().contains("inbound") || b.reason().contains("admit") ? "ingress" : null;
        if (direction != null) {
            e.put("direction", direction);
        }
        if (!b.componentId().isEmpty() && b.componentId().contains("-")) {
            e.set("component", component(call, b.componentId()));
            String field = switch (b.componentKind()) {
                case "network-interface" -> "networkInterface";
                case "route-table" -> "routeTable";
                case "network-acl" -> "acl";
                case "internet-gateway" -> "internetGateway";
                case "nat-gateway" -> "natGateway";
                case "vpc-endpoint" -> "vpcEndpoint";
                case "vpc" -> "vpc";
                case "vpc-peering-connection" -> "vpcPeeringConnection";
                default -> null;
            };
            if (field != null) {
                e.set(field, component(call, b.componentId()));
            }
            if (b.componentKind().equals("network-interface")) {
                call.state().network().findNetworkInterface(b.componentId()).ifPresent(n -> {
                    ArrayNode groups = e.putArray("securityGroupSet");
                    n.groupIds().forEach(g -> groups.add(component(call, g)));
                });
            }
        }
        return e;
    }
}
