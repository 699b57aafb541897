package dev.ecsnet.domain.autoscaling;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.ec2.LaunchTemplates;
import dev.ecsnet.domain.ecs.CapacityGroups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Auto Scaling as ECS capacity providers see it: groups by name or ARN, with the instance type their launch
 * template gives, and the calls ECS makes on them (the {@code AmazonECSManaged} tag, SetDesiredCapacity with ECS's
 * cause, SetInstanceProtection).
 */
public final class EcsCapacityGroups implements CapacityGroups {
    private static final String NAME_PART = ":autoScalingGroupName/";

    private final AutoScaling autoScaling;
    private final LaunchTemplates templates;

    public EcsCapacityGroups(AutoScaling autoScaling, LaunchTemplates templates) {
        this.autoScaling = autoScaling;
        this.templates = templates;
    }

    @Override
    public Optional<Group> find(String nameOrArn) {
        String name = nameOrArn;
        if (nameOrArn.startsWith("arn:")) {
            int at = nameOrArn.indexOf(NAME_PART);
            if (at < 0) {
                return Optional.empty();
            }
            name = nameOrArn.substring(at + NAME_PART.length());
        }
        Optional<AutoScalingGroup> g = autoScaling.find(name).filter(x -> !x.deleting())
                .filter(x -> !nameOrArn.startsWith("arn:") || x.arn().equals(nameOrArn));
        return g.map(this::view);
    }

    private Group view(AutoScalingGroup g) {
        List<Member> members = new ArrayList<>();
        for (GroupInstance m : g.capacity()) {
            members.add(new Member(m.instanceId(), m.instanceType(), m.lifecycle() == LifecycleState.IN_SERVICE, m.protectedFromScaleIn()));
        }
        return new Group(g.name(), g.arn(), g.minSize(), g.maxSize(), g.desiredCapacity(), g.settings().newInstancesProtectedFromScaleIn(),
                members, launchType(g));
    }

    private Optional<String> launchType(AutoScalingGroup g) {
        LaunchTemplateSpec spec = g.settings().launchTemplate();
        try {
            return templates.resolve(new LaunchTemplates.Ref(spec.id(), null), spec.version()).data().instanceType();
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    @Override
    public void tagManaged(String groupName) {
        // a tag the user gave already (Terraform's documented pattern, value "true") stays as it is
        if (autoScaling.get(groupName).tags().stream().noneMatch(t -> t.key().equals("AmazonECSManaged"))) {
            autoScaling.tag(groupName, "AmazonECSManaged", "", true);
        }
    }

    @Override
    public void setDesiredCapacity(String groupName, int desired, String trigger) {
        autoScaling.setDesiredCapacity(groupName, desired, false, trigger);
    }

    @Override
    public void protect(String groupName, List<String> instanceIds, boolean protect) {
        for (int from = 0; from < instanceIds.size(); from += 50) {
            autoScaling.setInstanceProtection(groupName, instanceIds.subList(from, Math.min(instanceIds.size(), from + 50)), protect);
        }
    }
}
