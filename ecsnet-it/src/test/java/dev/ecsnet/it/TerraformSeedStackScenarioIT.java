package dev.ecsnet.it;

import dev.ecsnet.app.dns.DnsServer;
import dev.ecsnet.app.server.EcsnetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.util.Map;

/**
 * The whole seed stack through Terraform (offline provider mirror): {@code ../shared/scenarios/run-terraform.sh
 * tf-seed-stack}, init → apply → check.sh (3 RUNNING tasks one per private subnet, 3 healthy ip targets on 8080,
 * Cloud Map and DNS answering their IPs) → plan (no changes) → destroy, twice on one fresh server with DNS on.
 * Skipped, saying why, when terraform, the AWS CLI or the provider mirror is missing.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the other tests: it waits on external tools (junit-platform.properties)
class TerraformSeedStackScenarioIT {

    @Test
    void seedStackAppliesChecksPlansEmptyAndDestroysTwice() throws Exception {
        Scenarios.requireTools("aws", "python3");
        try (EcsnetServer server = Scenarios.startServer(); DnsServer dns = new DnsServer(server.engine(), "127.0.0.1", 0)) {
            Scenarios.runTerraform("tf-seed-stack", server, Map.of("DNS_PORT", Integer.toString(dns.port())));
        }
    }
}
