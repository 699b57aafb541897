package dev.ecsnet.api.ecs;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.domain.ecs.Task;
import dev.ecsnet.domain.ecs.TaskLaunch;
import dev.ecsnet.domain.ecs.Ec2Options;
import dev.ecsnet.domain.ecs.LaunchResult;
import dev.ecsnet.domain.ecs.placement.PlacementRequest;

import java.util.ArrayList;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.JsonShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** RunTask, StopTask, DescribeTasks, ListTasks. */
final class EcsTaskOps {

    private EcsTaskOps() {
    }

    static void register(OperationTable t) {
        t.register("RunTask", EcsTaskOps::runTask);
        t.register("StopTask", EcsTaskOps::stopTask);
        t.registerRead("DescribeTasks", EcsTaskOps::describeTasks);
        t.registerRead("ListTasks", EcsTaskOps::listTasks);
    }


    private static RenderedAnswer runTask(Call call) {
        Params p = call.params();
        List<PlacementRequest.Constraint> constraints = new ArrayList<>();
        for (Params c : p.list("placementConstraints")) {
            String type = c.string("type").orElse("");
            if (!type.equals("distinctInstance") && !type.equals("memberOf")) {
                throw AwsError.badRequest("InvalidParameterException", "Invalid placement constraint type: " + type + ".");
            }
            constraints.add(new PlacementRequest.Constraint(type, c.string("expression").filter(x -> !x.isEmpty())));
        }
        List<PlacementRequest.Strategy> strategies = new ArrayList<>();
        for (Params s : p.list("placementStrategy")) {
            String type = s.string("type").orElse("");
            if (!List.of("random", "spread", "binpack").contains(type)) {
                throw AwsError.badRequest("InvalidParameterException", "Invalid placement strategy type: " + type + ".");
            }
            strategies.add(new PlacementRequest.Strategy(type, s.string("field").filter(x -> !x.isEmpty())));
        }
        LaunchResult result = call.state().ecs().launch(launchOf(p, p.integer("count").orElse(1)), new Ec2Options(constraints, strategies));
        return launchOutput(call, result);
    }

    /** A replayed launch renders nothing: at 10 tasks a call, rendering them was a fifth of a restart's replay. */
    static RenderedAnswer launchOutput(Call call, LaunchResult result) {
        JsonShapeWriter out = ShapeWriter.json();
        if (call.replaying()) {
            return out.answer();
        }
        out.list("tasks");
        result.tasks().forEach(t -> EcsRender.task(out.item(), t, true).end());
        out.end().list("failures");
        result.failures().forEach(f -> EcsRender.failure(out, f.arn(), f.reason()));
        return out.end().answer();
    }

    static TaskLaunch launchOf(Params p, int count) {
        Optional<TaskLaunch.AwsvpcConfiguration> network = Optional.empty();
        if (p.has("networkConfiguration")) {
            Params awsvpc = p.child("networkConfiguration").child("awsvpcConfiguration");
            network = Optional.of(new TaskLaunch.AwsvpcConfiguration(awsvpc.strings("subnets"), awsvpc.strings("securityGroups"),
                    awsvpc.string("assignPublicIp")));
        }
        Map<String, Object> overrides = p.has("overrides")
                ? EcsRender.document(p.child("overrides").node()) : Map.of();
        return new TaskLaunch(EcsRender.cluster(p), p.required("taskDefinition"), count,
                p.string("launchType").filter(s -> !s.isEmpty()), EcsClusterOps.strategy(p, "capacityProviderStrategy"),
                network, p.string("startedBy").filter(s -> !s.isEmpty()), p.string("group").filter(s -> !s.isEmpty()),
                overrides, p.keyValues("tags", "key", "value"), p.bool("enableExecuteCommand").orElse(false));
    }

    private static RenderedAnswer stopTask(Call call) {
        Params p = call.params();
        Task t = call.state().ecs().stopTask(EcsRender.cluster(p), p.required("task"), p.string("reason"));
        JsonShapeWriter out = ShapeWriter.json();
        EcsRender.task(out.object("task"), t, true).end();
        return out.answer();
    }

    /** Unknown tasks are MISSING failures (which the CLI's tasks-running / tasks-stopped waiters treat as failure). */
    private static RenderedAnswer describeTasks(Call call) {
        Params p = call.params();
        List<String> refs = p.strings("tasks");
        if (refs.isEmpty()) {
            throw AwsError.badRequest("InvalidParameterException", "Tasks cannot be empty.");
        }
        if (refs.size() > 100) {
            throw AwsError.badRequest("InvalidParameterException", "taskIds can have at most 100 items.");
        }
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        boolean withTags = p.strings("include").contains("TAGS");
        List<String> missing = new ArrayList<>();
        JsonShapeWriter out = ShapeWriter.json();
        out.list("tasks");
        for (String ref : refs) {
            Optional<Task> t = ecs.findTask(cluster, ref);
            if (t.isPresent()) {
                EcsRender.task(out.item(), t.get(), withTags).end();
            } else {
                missing.add(ref.startsWith("arn:") ? ref : ecs.arns().task(cluster.name(), ref));
            }
        }
        out.end().list("failures");
        missing.forEach(arn -> EcsRender.failure(out, arn, "MISSING"));
        return out.end().answer();
    }

    private static RenderedAnswer listTasks(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        String desired = p.string("desiredStatus").orElse("RUNNING");
        if (!desired.equals("RUNNING") && !desired.equals("PENDING") && !desired.equals("STOPPED")) {
            throw AwsError.badRequest("InvalidParameterException", "desiredStatus must be RUNNING, PENDING or STOPPED.");
        }
        // ECS answers desiredStatus PENDING with the tasks that are still to run, as it does for RUNNING
        String wanted = desired.equals("STOPPED") ? "STOPPED" : "RUNNING";
        Predicate<Task> filter = t -> t.desiredStatus().equals(wanted);
        Optional<String> family = p.string("family").filter(s -> !s.isEmpty());
        if (family.isPresent()) {
            filter = filter.and(t -> t.spec().taskDefinition().family().equals(family.get()));
        }
        Optional<String> startedBy = p.string("startedBy").filter(s -> !s.isEmpty());
        if (startedBy.isPresent()) {
            filter = filter.and(t -> t.spec().startedBy().equals(startedBy));
        }
        Optional<String> launchType = p.string("launchType").filter(s -> !s.isEmpty());
        if (launchType.isPresent()) {
            filter = filter.and(t -> t.spec().launchType().equals(launchType.get()));
        }
        Optional<String> containerInstance = p.string("containerInstance").filter(s -> !s.isEmpty());
        if (containerInstance.isPresent()) {
            String ref = containerInstance.get().substring(containerInstance.get().lastIndexOf('/') + 1);
            filter = filter.and(t -> t.ec2().map(e -> e.containerInstance().id().equals(ref)).orElse(false));
        }
        Optional<String> serviceName = p.string("serviceName").filter(s -> !s.isEmpty());
        if (serviceName.isPresent()) {
            ecs.services().find(cluster, serviceName.get()).orElseThrow(() ->
                    AwsError.badRequest("ServiceNotFoundException", "Service not found."));
            String group = "service:" + serviceName.get().substring(serviceName.get().lastIndexOf('/') + 1);
            filter = filter.and(t -> t.spec().group().equals(group));
        }
        JsonShapeWriter out = ShapeWriter.json();
        List<Task> page = EcsPages.scan(ecs.tasksInLaunchOrder(cluster), filter, p, 100, out);
        out.list("taskArns");
        page.forEach(t -> out.item(t.arn()));
        return out.end().answer();
    }
}
