package dev.ecsnet.it;

import dev.ecsnet.app.dns.DnsServer;
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
 * The whole seed stack through Terraform (offline provider mirror): {@code ../shared/scenarios/run-terraform.sh
 * tf-seed-stack}, init → apply → check.sh (3 RUNNING tasks one per private subnet, 3 healthy ip targets on 8080,
 * Cloud Map and DNS answering their IPs) → plan (no changes) → destroy, twice on one fresh server with DNS on.
 * Skipped, saying why, when terraform, the AWS CLI or the provider mirror is missing.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the other tests: it waits on external tools (junit-platform.properties)
class TerraformSeedStackScenarioIT {

    @Test
    void seedStackAppliesChecksPlansEmptyAndDestroysTwice() throws Exception {
        Scenarios.requireTools("terraform", "bash", "aws", "python3");
        Path script = Scenarios.sharedDir().resolve("scenarios/run-terraform.sh");
        try (EcsnetServer server = Scenarios.startServer(); DnsServer dns = new DnsServer(server.engine(), "127.0.0.1", 0)) {
            Scenarios.Result result = Scenarios.run(List.of("bash", script.toString(), "tf-seed-stack"),
                    Map.of("ENDPOINT", "http://127.0.0.1:" + server.port(), "CYCLES", "2", "DNS_PORT", Integer.toString(dns.port())),
                    script.getParent(), 1800);
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
