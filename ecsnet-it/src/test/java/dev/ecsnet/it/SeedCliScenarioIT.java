package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed scenario, driven only by the AWS CLI: {@code ../shared/scenarios/seed-cli.sh}. */
@Execution(ExecutionMode.CONCURRENT) // beside the other tests: it waits on external tools (junit-platform.properties)
class SeedCliScenarioIT {

    @Test
    void seedScenarioPassesThroughTheAwsCli() throws Exception {
        Scenarios.requireTools("aws", "python3", "bash");
        Path script = Scenarios.sharedDir().resolve("scenarios/seed-cli.sh");
        try (EcsnetServer server = Scenarios.startServer()) {
            Scenarios.Result result = Scenarios.run(List.of("bash", script.toString()),
                    Map.of("ENDPOINT", "http://127.0.0.1:" + server.port(), "AWS_ACCESS_KEY_ID", "test",
                            "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1"),
                    script.getParent(), 1500);
            Scenarios.keepLog("seed-cli", result);
            assertThat(result.output()).containsPattern("(?m)^\\d+ passed, 0 failed$");
            assertThat(result.exitCode()).as(result.output()).isZero();
        }
    }
}
