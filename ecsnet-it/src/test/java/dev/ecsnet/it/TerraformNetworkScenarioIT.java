package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.util.Map;

/**
 * The seed's network through Terraform and the AWS provider 5.100.0 (offline mirror):
 * {@code ../shared/scenarios/run-terraform.sh tf-network}, init → apply → plan (no changes) → destroy, twice on
 * one server. Skipped, saying why, when terraform or the provider mirror is missing.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the other tests: it waits on external tools (junit-platform.properties)
class TerraformNetworkScenarioIT {

    @Test
    void networkStackAppliesPlansEmptyAndDestroysTwice() throws Exception {
        try (EcsnetServer server = Scenarios.startServer()) {
            Scenarios.runTerraform("tf-network", server, Map.of());
        }
    }
}
