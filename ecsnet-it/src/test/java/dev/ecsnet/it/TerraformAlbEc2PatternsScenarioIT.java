package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.util.Map;

/**
 * The resources of the public terraform-aws-modules alb 9.x module written out (an ALB, redirect, fixed-response and
 * HTTPS listeners, an extra certificate, rules with several conditions forwarding to weighted ip target groups with
 * stickiness, an HTTP namespace), beside the EC2 resource families users' stacks call (two VPCs peered with routes both
 * ways, DHCP options, a managed prefix list in a rule and a route, rule resources with tags under default_tags, an
 * instance from the ECS-optimized AMI with a second ENI attached and an Elastic IP): ecsnet's own stack
 * {@code scenarios/tf-alb-ec2-patterns}, applied, planned empty and destroyed twice on one server.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the other tests: it waits on external tools (junit-platform.properties)
class TerraformAlbEc2PatternsScenarioIT {

    @Test
    void albAndEc2PatternsStackAppliesPlansEmptyAndDestroysTwice() throws Exception {
        try (EcsnetServer server = Scenarios.startServer()) {
            Scenarios.runTerraform(Scenarios.projectStack("tf-alb-ec2-patterns").toString(), server, Map.of());
        }
    }
}
