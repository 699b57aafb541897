package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's network through Terraform and the AWS provider 5.100.0 (offline mirror):
 * {@code ../shared/scenarios/run-terraform.sh tf-network}, init → apply → plan (no changes) → destroy, twice on
 * one server. Skipped, saying why, when terraform or the provider mirror is missing.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the other tests: it waits on external tools (junit-platform.properties)
class TerraformNetworkScenarioIT {

    @Test
    void networkStackAppliesPlansEmptyAndDestroysTwice() throws Exception {
        Scenarios.requireTools("terraform", "bash");
        Path script = Scenarios.sharedDir().resolve("scenarios/run-terraform.sh");
        try (EcsnetServer server = Scenarios.startServer()) {
            Scenarios.Result result = Scenarios.run(List.of("bash", script.toString(), "tf-network"),
                    Map.of("ENDPOINT", "http://127.0.0.1:" + server.port(), "CYCLES", "2"), script.getParent(), 1200);
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
