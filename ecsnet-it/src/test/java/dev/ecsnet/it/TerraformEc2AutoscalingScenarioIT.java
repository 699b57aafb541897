package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.util.Map;

/**
 * ECS on EC2 the way the ec2-autoscaling examples build it, through Terraform (offline provider mirror):
 * {@code run-terraform.sh <repo>/scenarios/tf-ec2-autoscaling}, init → apply (launch template, Auto Scaling group,
 * capacity provider with managed scaling and termination protection, the cluster's capacity providers, a service of
 * six awsvpc tasks with a strategy) → check.sh (the group grows 0 → 3 t3.medium, two tasks per instance, all
 * RUNNING in their subnets) → plan (no changes) → destroy, twice on one fresh server. Skipped, saying why, when
 * terraform, the AWS CLI or the provider mirror is missing.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the other tests: it waits on external tools (junit-platform.properties)
class TerraformEc2AutoscalingScenarioIT {

    @Test
    void ec2AutoscalingStackAppliesScalesOutPlansEmptyAndDestroysTwice() throws Exception {
        Scenarios.requireTools("aws", "python3");
        try (EcsnetServer server = Scenarios.startServer()) {
            Scenarios.runTerraform(Scenarios.projectStack("tf-ec2-autoscaling").toString(), server, Map.of());
        }
    }
}
