package dev.ecsnet.api.elbv2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.ParamErrors;
import dev.ecsnet.api.Params;
import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.elb.Elb;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Elastic Load Balancing v2 (Query protocol, 2015-12-01, signing name {@code elasticloadbalancing}): application and
 * network load balancers, listeners and rules, target groups, targets and their health, attributes and tags. The
 * operations are split by resource family: {@link Elbv2LoadBalancerOps}, {@link Elbv2ListenerOps},
 * {@link Elbv2TargetGroupOps}, {@link Elbv2CertificateOps}.
 */
public final class Elbv2Handler extends BaseServiceHandler implements ParamErrors {
    public static final ServiceSpec SPEC = ServiceSpec.query("elasticloadbalancing", "2015-12-01",
            "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/");

    public Elbv2Handler() {
        super(SPEC);
        OperationTable operations = operations();
        Elbv2LoadBalancerOps.register(operations);
        Elbv2ListenerOps.register(operations);
        Elbv2TargetGroupOps.register(operations);
        Elbv2CertificateOps.register(operations);
        operations.register("AddTags", c -> {
            elb(c).addTags(strings(c.params(), "ResourceArns"), c.params().keyValues("Tags", "Key", "Value"));
            return Call.object();
        }).register("RemoveTags", c -> {
            elb(c).removeTags(strings(c.params(), "ResourceArns"), strings(c.params(), "TagKeys"));
            return Call.object();
        }).register("DescribeTags", Elbv2Handler::describeTags)
                .register("DescribeAccountLimits", Elbv2Handler::describeAccountLimits);
    }

    static Elb elb(Call call) {
        return call.state().elb();
    }

    /** A member list of strings; the empty string a client sends for an empty list counts as no member. */
    static List<String> strings(Params p, String name) {
        return p.strings(name).stream().filter(s -> !s.isEmpty()).toList();
    }

    private static ObjectNode describeTags(Call c) {
        List<String> arns = strings(c.params(), "ResourceArns");
        if (arns.isEmpty()) {
            throw AwsError.badRequest("ValidationError", "At least one resource ARN must be specified");
        }
        List<Map<String, String>> tags = arns.stream().map(a -> elb(c).tagsOf(a)).toList();
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("TagDescriptions");
        for (int i = 0; i < arns.size(); i++) {
            ObjectNode d = list.addObject().put("ResourceArn", arns.get(i));
            putKeyValues(d, "Tags", tags.get(i));
        }
        return out;
    }

    private static ObjectNode describeAccountLimits(Call c) {
        ObjectNode out = Call.object();
        ArrayNode limits = out.putArray("Limits");
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("application-load-balancers", 50);
        values.put("network-load-balancers", 50);
        values.put("target-groups", 3000);
        values.put("listeners-per-application-load-balancer", 50);
        values.put("rules-per-application-load-balancer", 100);
        values.put("condition-values-per-alb-rule", 5);
        values.put("condition-wildcards-per-alb-rule", 5);
        values.put("target-groups-per-action-on-application-load-balancer", 5);
        values.put("target-groups-per-action-on-network-load-balancer", 1);
        values.put("targets-per-application-load-balancer", 1000);
        values.put("targets-per-network-load-balancer", 3000);
        values.forEach((k, v) -> limits.addObject().put("Name", k).put("Max", String.valueOf(v)));
        return out;
    }

    static void putKeyValues(ObjectNode parent, String field, Map<String, String> values) {
        ArrayNode list = parent.putArray(field);
        values.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
    }

    /** {@code Attributes.member.N.Key/Value} as an ordered map; keys must be unique and non-empty. */
    static Map<String, String> attributes(Params p) {
        List<Params> items = p.list("Attributes");
        if (items.isEmpty()) {
            throw AwsError.badRequest("ValidationError", "At least one attribute must be specified");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Params a : items) {
            out.put(a.required("Key"), a.string("Value").orElse(""));
        }
        return out;
    }

    /** One page of {@code items} from {@code Marker} (an index), {@code PageSize} at most 400; sets NextMarker. */
    static <T> List<T> page(Params p, List<T> items, ObjectNode out) {
        int size = p.integer("PageSize").orElse(400);
        if (size < 1 || size > 400) {
            throw AwsError.badRequest("ValidationError", "1 validation error detected: Value '" + size
                    + "' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 400");
        }
        int from = 0;
        if (p.string("Marker").filter(s -> !s.isEmpty()).isPresent()) {
            try {
                from = Integer.parseInt(p.string("Marker").get());
            } catch (NumberFormatException e) {
                throw AwsError.badRequest("ValidationError", "Invalid marker");
            }
        }
        from = Math.max(0, Math.min(from, items.size()));
        int to = Math.min(items.size(), from + size);
        if (to < items.size()) {
            out.put("NextMarker", String.valueOf(to));
        }
        return new ArrayList<>(items.subList(from, to));
    }

    /** Resolves each requested name or ARN, failing the whole call with {@code notFound} if one is missing. */
    static <T> List<T> resolveAll(List<String> keys, Function<String, java.util.Optional<T>> find, DomainException notFound) {
        List<T> out = new ArrayList<>();
        for (String k : keys) {
            out.add(find.apply(k).orElseThrow(() -> notFound));
        }
        return out;
    }




    @Override
    public AwsError missingParameter(String name) {
        return missing(name);
    }

    static AwsError missing(String name) {
        return AwsError.badRequest("ValidationError", "1 validation error detected: Value null at '"
                + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "' failed to satisfy constraint: Member must not be null");
    }

    @Override
    public AwsError invalidParameter(String name) {
        return AwsError.badRequest("ValidationError", "1 validation error detected: Value at '"
                + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "' failed to satisfy constraint: Member must be valid");
    }
}
