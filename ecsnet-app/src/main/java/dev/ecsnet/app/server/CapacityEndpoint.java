package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.autoscaling.AutoScalingGroup;
import dev.ecsnet.domain.autoscaling.LaunchTemplateSpec;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.ec2.LaunchTemplateVersion;
import dev.ecsnet.domain.ec2.LaunchTemplates;
import dev.ecsnet.domain.ecs.TaskDefinition;
import dev.ecsnet.domain.state.RegionState;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.WireResponse;

import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.app.server.AdminJson.JSON;

/**
 * {@code GET /_ecsnet/capacity?launchTemplate=ID|NAME[&version=V] | autoScalingGroup=NAME [&taskDefinition=FAMILY[:REV]]}:
 * what {@code ecsnet capacity} needs from the server (the instance type a template or group launches, the group's
 * sizes, whether awsvpcTrunking is on, a registered task definition); the command computes the answer itself.
 */
final class CapacityEndpoint {
    private static final java.util.regex.Pattern TEMPLATE_ID = java.util.regex.Pattern.compile("lt-[0-9a-f]{8,17}");
    private final Engine engine;

    CapacityEndpoint(Engine engine) {
        this.engine = engine;
    }

    WireResponse handle(Map<String, String> query) {
        String template = query.get("launchTemplate");
        String group = query.get("autoScalingGroup");
        if ((template == null) == (group == null)) {
            return AdminJson.error(400, "exactly one of the launchTemplate and autoScalingGroup parameters is required");
        }
        AccountRegion key = AdminJson.scope(query);
        String where = " in " + key.region() + " (account " + key.accountId() + ")";
        Optional<ObjectNode> answer;
        try {
            answer = AdminJson.read(engine, key, state -> {
                ObjectNode o = JSON.createObjectNode().put("account", key.accountId()).put("region", key.region());
                LaunchTemplateVersion version = group == null
                        ? state.launchTemplates().resolve(ref(template), query.getOrDefault("version", LaunchTemplates.DEFAULT))
                        : groupVersion(state, group, where, o);
                o.putObject("launchTemplate").put("id", version.templateId()).put("name", version.templateName()).put("version", version.number());
                o.put("instanceType", version.data().instanceType().orElseThrow(() -> new AdminJson.Refusal(404,
                        "launch template " + version.templateId() + " version " + version.number() + " names no InstanceType")));
                o.put("awsvpcTrunking", "enabled".equals(state.ecs().accountSetting(state.ecs().arns().rootPrincipal(), "awsvpcTrunking")));
                String family = query.get("taskDefinition");
                if (family != null) {
                    TaskDefinition td = state.ecs().taskDefinitions().find(family)
                            .orElseThrow(() -> new AdminJson.Refusal(404, "no task definition " + family + where));
                    ObjectNode t = o.putObject("taskDefinition").put("arn", td.arn());
                    t.set("document", new ObjectMapper().valueToTree(td.document()));
                    td.requiresAttributes().forEach(t.putArray("requiresAttributes")::add);
                }
                return o;
            });
        } catch (DomainException e) {
            return AdminJson.error(404, e.getMessage());
        }
        return answer.map(o -> AdminJson.json(200, o)).orElseGet(() -> AdminJson.error(404, group != null
                ? "no Auto Scaling group named " + group + where : "no launch template " + template + where));
    }

    private static LaunchTemplates.Ref ref(String idOrName) {
        return TEMPLATE_ID.matcher(idOrName).matches() ? new LaunchTemplates.Ref(idOrName, null) : new LaunchTemplates.Ref(null, idOrName);
    }

    /** The version the group launches now: its own version spec ({@code $Default}, {@code $Latest} or a number). */
    private static LaunchTemplateVersion groupVersion(RegionState state, String name, String where, ObjectNode o) {
        AutoScalingGroup g = state.autoScaling().find(name).filter(x -> !x.deleting())
                .orElseThrow(() -> new AdminJson.Refusal(404, "no Auto Scaling group named " + name + where));
        o.putObject("group").put("name", g.name()).put("minSize", g.minSize()).put("desiredCapacity", g.desiredCapacity()).put("maxSize", g.maxSize());
        LaunchTemplateSpec spec = g.settings().launchTemplate();
        return state.launchTemplates().resolve(new LaunchTemplates.Ref(spec.id(), null), spec.version());
    }
}
