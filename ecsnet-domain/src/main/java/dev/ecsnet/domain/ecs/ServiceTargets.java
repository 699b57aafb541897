package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.ecs.service.TaskView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A service's tasks in its load balancers' target groups and its Cloud Map services: each RUNNING task is
 * registered (its IP and container port; a Cloud Map instance whose id is the task id, with the attributes ECS
 * sets), each task on its way out is deregistered and drains for the group's deregistration delay. Writes AWS's
 * events for both, and reads a registered task's target health for the reconciler.
 */
final class ServiceTargets {
    private final AccountRegion key;
    private final BiConsumer<Service, String> events;
    private final ServiceConnect serviceConnect;
    private LoadBalancing lb = LoadBalancing.NONE;
    private ServiceDiscovery sd = ServiceDiscovery.NONE;

    ServiceTargets(AccountRegion key, BiConsumer<Service, String> events, ServiceConnect serviceConnect) {
        this.key = key;
        this.events = events;
        this.serviceConnect = serviceConnect;
    }

    void connect(LoadBalancing loadBalancing, ServiceDiscovery discovery) {
        this.lb = loadBalancing;
        this.sd = discovery;
    }

    /** Registers tasks that became RUNNING and deregisters those that are leaving. */
    void sync(Service s) {
        List<Task> arriving = new ArrayList<>();
        for (Task t : s.tasks.values()) {
            boolean running = t.lastStatus() == TaskLifecycle.RUNNING && !t.isStopRequested();
            if (running && !s.registered.containsKey(t.id()) && t.privateIpv4Address().isPresent()) {
                arriving.add(t);
            }
        }
        List<Task> leaving = new ArrayList<>();
        for (Task t : s.tasks.values()) {
            boolean running = t.lastStatus() == TaskLifecycle.RUNNING && !t.isStopRequested();
            if (!running && s.registered.containsKey(t.id())) {
                leaving.add(t);
            }
        }
        register(s, arriving);
        leave(s, leaving);
    }

    private void register(Service s, List<Task> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        Map<String, Integer> byTargetGroup = new LinkedHashMap<>();
        for (Task t : tasks) {
            String ip = t.privateIpv4Address().orElseThrow();
            s.registered.put(t.id(), ip);
            for (ServiceConfig.RegistryRef r : s.registriesOf(t)) {
                sd.register(r.registryArn(), t.id(), attributes(s, t, r, ip));
            }
            serviceConnect.register(s, t, ip);
            for (ServiceConfig.LoadBalancerRef ref : s.loadBalancersOf(t)) {
                String tg = ref.targetGroupArn().orElseThrow();
                lb.register(tg, ip, ref.containerPort());
                byTargetGroup.merge(tg, 1, Integer::sum);
            }
        }
        byTargetGroup.forEach((tg, n) -> events.accept(s, "(service " + s.name() + ") registered " + n + " targets in (target-group " + tg + ")"));
    }

    /** Deregisters the tasks the scheduler is stopping; returns how long their targets drain. */
    Duration deregister(Service s, List<Task> stopping) {
        List<Task> registered = stopping.stream().filter(t -> s.registered.containsKey(t.id())).toList();
        if (registered.isEmpty()) {
            return Duration.ZERO;
        }
        Duration longest = Duration.ZERO;
        for (Task t : registered) {
            for (ServiceConfig.LoadBalancerRef ref : s.loadBalancersOf(t)) {
                Duration d = lb.drainingTime(ref.targetGroupArn().orElseThrow());
                longest = d.compareTo(longest) > 0 ? d : longest;
            }
        }
        leave(s, registered);
        return longest;
    }

    private void leave(Service s, List<Task> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        Map<String, List<Task>> drainingByDeployment = new LinkedHashMap<>();
        Map<String, Integer> byTargetGroup = new LinkedHashMap<>();
        for (Task t : tasks) {
            String ip = s.registered.remove(t.id());
            for (ServiceConfig.RegistryRef r : s.registriesOf(t)) {
                sd.deregister(r.registryArn(), t.id());
            }
            serviceConnect.deregister(s, t);
            List<ServiceConfig.LoadBalancerRef> lbs = s.loadBalancersOf(t);
            for (ServiceConfig.LoadBalancerRef ref : lbs) {
                lb.deregister(ref.targetGroupArn().orElseThrow(), ip, ref.containerPort());
                byTargetGroup.merge(ref.targetGroupArn().orElseThrow(), 1, Integer::sum);
            }
            if (!lbs.isEmpty()) {
                drainingByDeployment.computeIfAbsent(t.spec().startedBy().orElse(""), k -> new ArrayList<>()).add(t);
            }
        }
        byTargetGroup.forEach((tg, n) -> events.accept(s, "(service " + s.name() + ") deregistered " + n + " targets in (target-group "
                + tg + ")"));
        drainingByDeployment.forEach((deployment, ts) -> events.accept(s, "(service " + s.name() + ", taskSet " + deployment
                + ") has begun draining connections on " + ts.size() + " tasks."));
    }

    /** The worst of the task's targets: unhealthy in any group, healthy only when healthy in all. */
    TaskView.TargetVerdict verdict(Service s, Task t) {
        String ip = s.registered.get(t.id());
        List<ServiceConfig.LoadBalancerRef> lbs = s.loadBalancersOf(t);
        if (ip == null || lbs.isEmpty()) {
            return TaskView.TargetVerdict.NONE;
        }
        boolean allHealthy = true;
        for (ServiceConfig.LoadBalancerRef ref : lbs) {
            String tg = ref.targetGroupArn().orElseThrow();
            LoadBalancing.Health h = lb.health(tg, ip, ref.containerPort());
            if (h.state().equals("unhealthy")) {
                return new TaskView.TargetVerdict(TaskView.TargetVerdict.State.UNHEALTHY, tg, ref.containerPort(), h.description());
            }
            allHealthy &= h.state().equals("healthy");
        }
        return new TaskView.TargetVerdict(allHealthy ? TaskView.TargetVerdict.State.HEALTHY : TaskView.TargetVerdict.State.INITIAL,
                "", 0, "");
    }

    /** The attributes ECS gives a task's Cloud Map instance. */
    private Map<String, String> attributes(Service s, Task t, ServiceConfig.RegistryRef r, String ip) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("AWS_INSTANCE_IPV4", ip);
        a.put("AVAILABILITY_ZONE", t.spec().availabilityZone());
        a.put("REGION", key.region());
        a.put("ECS_SERVICE_NAME", s.name());
        a.put("ECS_CLUSTER_NAME", s.cluster().name());
        a.put("ECS_TASK_DEFINITION_FAMILY", t.spec().taskDefinition().family());
        boolean srv = sd.recordTypes(r.registryArn()).contains("SRV");
        if (srv || r.port().isPresent()) {
            r.port().or(() -> r.containerPort()).ifPresent(p -> a.put("AWS_INSTANCE_PORT", Integer.toString(p)));
        }
        t.ec2().ifPresent(e -> a.put("EC2_INSTANCE_ID", e.containerInstance().ec2InstanceId()));
        t.spec().startedBy().flatMap(s::taskSet).flatMap(ts -> ts.spec().externalId())
                .ifPresent(id -> a.put("ECS_TASK_SET_EXTERNAL_ID", id));
        return a;
    }
}
