package dev.ecsnet.api.ec2;

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
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

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
            return ShapeWriter.ec2Xml().value("networkInsightsPathId", id).answer();
        });
        t.register("StartNetworkInsightsAnalysis", Ec2NetworkInsightsOps::start);
        t.register("DescribeNetworkInsightsAnalyses", Ec2NetworkInsightsOps::describeAnalyses);
        t.register("DeleteNetworkInsightsAnalysis", c -> {
            String id = c.params().required("NetworkInsightsAnalysisId");
            insights(c).deleteAnalysis(id);
            return ShapeWriter.ec2Xml().value("networkInsightsAnalysisId", id).answer();
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

    /** A component named by its id and ARN, as the member {@code name} (or the current list item when null). */
    static ShapeWriter component(ShapeWriter o, String name, Call call, String id) {
        return (name == null ? o.item() : o.object(name)).value("id", id).value("arn", arn(call, id)).end();
    }

    static ShapeWriter renderPath(ShapeWriter o, InsightsPath p) {
        o.value("networkInsightsPathId", p.id()).value("networkInsightsPathArn", p.arn())
                .value("createdDate", Ec2Shapes.time(p.createdDate())).value("source", p.source());
        p.destination().ifPresent(d -> o.value("destination", d));
        p.sourceIp().ifPresent(ip -> o.value("sourceIp", ip));
        p.destinationIp().ifPresent(ip -> o.value("destinationIp", ip));
        o.value("protocol", p.protocol());
        p.destinationPort().ifPresent(port -> o.value("destinationPort", port));
        Ec2Shapes.tagSet(o, p.tags());
        return o;
    }

    static RenderedAnswer createPath(Call call) {
        Params p = call.params();
        if (p.has("FilterAtSource") || p.has("FilterAtDestination")) {
            throw dev.ecsnet.protocol.AwsError.badRequest("InvalidParameterValue", "ecsnet does not support path filters; use SourceIp, DestinationIp and DestinationPort.");
        }
        InsightsPath path = insights(call).createPath(p.required("Source"), p.string("Destination").orElse(null), p.string("SourceIp").orElse(null),
                p.string("DestinationIp").orElse(null), p.required("Protocol"), p.integer("DestinationPort").orElse(null),
                Ec2Shapes.tagsFor(p, "network-insights-path"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        renderPath(out.object("networkInsightsPath"), path).end();
        return out.answer();
    }

    static RenderedAnswer describePaths(Call call) {
        List<String> ids = call.params().strings("NetworkInsightsPathId");
        List<InsightsPath> all = ids.isEmpty() ? List.copyOf(insights(call).paths()) : ids.stream().distinct().map(insights(call)::path).toList();
        var page = Ec2Pages.page(PATH_FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 1, 100);
        return page.answer("networkInsightsPathSet", Ec2NetworkInsightsOps::renderPath);
    }

    static RenderedAnswer start(Call call) {
        InsightsAnalysis a = insights(call).start(call.params().required("NetworkInsightsPathId"),
                Ec2Shapes.tagsFor(call.params(), "network-insights-analysis"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        renderAnalysis(out.object("networkInsightsAnalysis"), call, a).end();
        return out.answer();
    }

    static RenderedAnswer describeAnalyses(Call call) {
        List<String> ids = call.params().strings("NetworkInsightsAnalysisId");
        Optional<String> pathId = call.params().string("NetworkInsightsPathId");
        pathId.ifPresent(insights(call)::path);
        List<InsightsAnalysis> all = (ids.isEmpty() ? List.copyOf(insights(call).analyses()) : ids.stream().distinct().map(insights(call)::analysis).toList())
                .stream().filter(a -> pathId.map(a.pathId()::equals).orElse(true)).toList();
        var page = Ec2Pages.page(ANALYSIS_FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 1, 100);
        return page.answer("networkInsightsAnalysisSet", (o, a) -> renderAnalysis(o, call, a));
    }

    static ShapeWriter renderAnalysis(ShapeWriter o, Call call, InsightsAnalysis a) {
        o.value("networkInsightsAnalysisId", a.id()).value("networkInsightsAnalysisArn", a.arn())
                .value("networkInsightsPathId", a.pathId()).value("startDate", Ec2Shapes.time(a.startDate())).value("status", a.status());
        a.verdict().ifPresent(v -> {
            o.value("networkPathFound", v.reachable());
            o.list("forwardPathComponentSet");
            int seq = 1;
            for (Hop h : v.path()) {
                pathComponent(o.item(), call, h, seq++).end();
            }
            o.end();
            if (v instanceof Verdict.Blocked b) {
                o.list("explanationSet");
                explanation(o.item(), call, b).end();
                o.end();
            }
        });
        Ec2Shapes.tagSet(o, a.tags());
        return o;
    }

    private static ShapeWriter pathComponent(ShapeWriter c, Call call, Hop h, int sequence) {
        Network net = call.state().network();
        c.value("sequenceNumber", sequence);
        switch (h.kind()) {
            case "security-group-rule" -> {
                Optional<SecurityGroupRule> rule = net.securityGroups().stream().flatMap(g -> g.rules().stream())
                        .filter(r -> r.ruleId().equals(h.id())).findFirst();
                component(c, "component", call, rule.map(SecurityGroupRule::groupId).orElse(h.id()));
                rule.ifPresent(r -> {
                    c.object("securityGroupRule").value("direction", r.egress() ? "egress" : "ingress")
                            .value("securityGroupId", r.groupId()).value("protocol", r.protocol())
                            .value("cidr", r.cidrIpv4()).value("prefixListId", r.prefixListId());
                    if (!r.protocol().equals("-1")) {
                        c.object("portRange").value("from", r.fromPort()).value("to", r.toPort()).end();
                    }
                    c.end();
                });
            }
            case "route" -> {
                component(c, "component", call, h.id());
                String destination = h.detail().contains(" -> ") ? h.detail().substring(0, h.detail().indexOf(" -> ")) : null;
                net.routeTables().all().stream().filter(t -> t.id().equals(h.id())).findFirst().flatMap(t -> t.routes().stream()
                        .filter(r -> destination == null ? r.kind() == Route.TargetKind.LOCAL : r.destination().equals(destination)).findFirst())
                        .ifPresent(r -> {
                            c.object("routeTableRoute");
                            if (r.destinationCidrBlock() != null) {
                                c.value("destinationCidr", r.destinationCidrBlock());
                            } else {
                                c.value("destinationPrefixListId", r.destinationPrefixListId());
                            }
                            String target = switch (r.kind()) {
                                case NAT_GATEWAY -> "natGatewayId";
                                case NETWORK_INTERFACE -> "networkInterfaceId";
                                case VPC_PEERING_CONNECTION -> "vpcPeeringConnectionId";
                                default -> "gatewayId";
                            };
                            c.value(target, r.targetId()).value("origin", r.origin()).value("state", r.state()).end();
                        });
            }
            default -> component(c, "component", call, h.id());
        }
        return c;
    }

    private static ShapeWriter explanation(ShapeWriter e, Call call, Verdict.Blocked b) {
        e.value("explanationCode", b.explanationCode());
        String direction = b.reason().contains("outbound") || b.reason().contains("egress") ? "egress"
                : b.reason().contains("inbound") || b.reason().contains("admit") ? "ingress" : null;
        e.value("direction", direction);
        if (!b.componentId().isEmpty() && b.componentId().contains("-")) {
            component(e, "component", call, b.componentId());
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
                component(e, field, call, b.componentId());
            }
            if (b.componentKind().equals("network-interface")) {
                call.state().network().findNetworkInterface(b.componentId()).ifPresent(n -> {
                    e.list("securityGroupSet");
                    n.groupIds().forEach(g -> component(e, null, call, g));
                    e.end();
                });
            }
        }
        return e;
    }
}
