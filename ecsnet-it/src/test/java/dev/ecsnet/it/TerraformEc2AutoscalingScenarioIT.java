package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ECS on EC2 the way the ec2-autoscaling examples build it, through Terraform (offline provider mirror):
 * {@code run-terraform.sh <repo>/scenarios/tf-ec2-autoscaling}, init → apply (launch template, Auto Scaling group,
 * capacity provider with managed scaling and termination protection, the cluster's capacity providers, a service of
 * six awsvpc tasks with a strategy) → check.sh (the group grows 0 → 3 t3.medium, two tasks per instance, all
 * RUNNING in their subnets) → plan (no changes) → destroy, twice on one fresh server. Skipped, saying why, when
 * terraform, the AWS CLI or the provider mirror is missing.
 */
class TerraformEc2AutoscalingScenarioIT {

    /** The stack folder, found by walking up from the working directory to the folder that holds it. */
    static Path stackDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path stack = dir.resolve("scenarios/tf-ec2-autoscaling");
            if (Files.isDirectory(stack)) {
                return stack;
            }
        }
        throw new IllegalStateException("no scenarios/tf-ec2-autoscaling above " + Path.of("").toAbsolutePath());
    }

    @Test
    void ec2AutoscalingStackAppliesScalesOutPlansEmptyAndDestroysTwice() throws Exception {
        Scenarios.requireTools("terraform", "bash", "aws", "python3");
        Path script = Scenarios.sharedDir().resolve("scenarios/run-terraform.sh");
        try (EcsnetServer server = Scenarios.startServer()) {
            Scenarios.Result result = Scenarios.run(List.of("bash", script.toString(), stackDir().toString()),
                    Map.of("ENDPOINT", "http://127.0.0.1:" + server.port(), "CYCLES", "2"), script.getParent(), 1800);
            System.out.println(result.output());
            if (result.exitCode() == 3) {
                String why = "SKIPPED: " + result.output().lines().filter(l -> l.startsWith("SKIP")).findFirst().orElse("run-terraform.sh skipped");
                System.out.println(why);
                Assumptions.abort(why);
            }
            assertThat(result.output()).containsPattern("(?m)^\\d+ passed, 0 failed$");
            assertThat(result.exitCode()).as(result.output()).isZero();
        }
    }
}
