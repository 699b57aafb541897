package dev.ecsnet.domain.ecs;

import java.util.List;
import java.util.Optional;

/**
 * What ECS capacity providers see of EC2 Auto Scaling, and the calls they make on it (as ECS calls Auto Scaling
 * with its service-linked role). The region connects it; without it no Auto Scaling group can be found.
 */
public interface CapacityGroups {
    /** One instance of a group that counts toward its capacity (Pending or InService). */
    record Member(String instanceId, String instanceType, boolean inService, boolean protectedFromScaleIn) {
    }

    /** A group as a capacity provider needs it: sizes, whether new instances are protected, its instances and type. */
    record Group(String name, String arn, int minSize, int maxSize, int desiredCapacity, boolean newInstancesProtectedFromScaleIn,
                 List<Member> members, Optional<String> launchInstanceType) {
        public Group {
            members = List.copyOf(members);
        }
    }

    CapacityGroups NONE = new CapacityGroups() {
        @Override
        public Optional<Group> find(String nameOrArn) {
            return Optional.empty();
        }

        @Override
        public void tagManaged(String groupName) {
        }

        @Override
        public void setDesiredCapacity(String groupName, int desired, String trigger) {
        }

        @Override
        public void protect(String groupName, List<String> instanceIds, boolean protect) {
        }
    };

    /** A group by name or ARN, unless it is being deleted. */
    Optional<Group> find(String nameOrArn);

    /** Tags the group {@code AmazonECSManaged} (empty value, propagated at launch), as ECS does. */
    void tagManaged(String groupName);

    /** SetDesiredCapacity on ECS's behalf; {@code trigger} is what the scaling activity's cause names. */
    void setDesiredCapacity(String groupName, int desired, String trigger);

    /** SetInstanceProtection on ECS's behalf (managed termination protection). */
    void protect(String groupName, List<String> instanceIds, boolean protect);
}
