package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's picture: the seed stack's shape ({@link SeedStack}: three private subnets with a task each, the NAT
 * gateway, the ECR and S3 endpoints, the ALB and its healthy targets) on a server started as {@code ecsnet serve}
 * starts (egress enforced), with a task's details open and the verdict of the ALB reaching it drawn. The picture goes
 * to {@code target/ui-seed-stack.png}, or where {@code -Decsnet.ui.screenshot=PATH} says ({@code docs/ui.png} for the
 * README). Built through the SDK, not Terraform: one Terraform cycle takes minutes here, and
 * {@link TerraformSeedStackScenarioIT} already shows that Terraform builds this shape.
 */
class UiScreenshotIT {
    @Test
    void theSeedStackOnThePage() throws Exception {
        Browser.require();
        Path to = Path.of(System.getProperty("ecsnet.ui.screenshot", "target/ui-seed-stack.png"));
        try (EcsnetServer server = Scenarios.startServer();
             Ec2Client ec2 = Scenarios.client(Ec2Client.builder(), server).build();
             EcsClient ecs = Scenarios.client(EcsClient.builder(), server).build();
             ElasticLoadBalancingV2Client elb = Scenarios.client(ElasticLoadBalancingV2Client.builder(), server).build();
             Browser browser = Browser.start(1600, 1150)) {
            SeedStack stack = new SeedStack(ec2, ecs, elb, () -> { });
            browser.open("http://127.0.0.1:" + server.port() + "/_ecsnet/ui");
            browser.waitUntil(Duration.ofSeconds(60), "3 RUNNING tasks and 3 healthy targets drawn", d ->
                    d.findElements(By.cssSelector("#topology [data-task][data-status=RUNNING]")).size() == 3
                            && d.findElements(By.cssSelector("#topology .lb .t-healthy")).size() == 3);
            assertThat(TopologyPageIT.texts(browser, "#topology .subnet .cidr")).contains("10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24");
            assertThat(browser.driver().findElements(By.cssSelector("#topology .chip.nat"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("#topology .chip.endpoint"))).hasSize(3);
            assertThat(browser.driver().findElements(By.cssSelector("#topology .vpc-endpoint[data-kind=eni]"))).hasSize(6);

            String task = (String) browser.js("return document.querySelector('#topology [data-task]').dataset.task");
            browser.click("#topology [data-task='" + task + "']");
            browser.waitUntil(Duration.ofSeconds(10), "the task's details", d -> !d.findElements(By.id("task-eni")).isEmpty());
            browser.select("reach-source", "seed-web-alb");
            browser.select("reach-destination", task);
            browser.click("#reach-check");
            browser.waitUntil(Duration.ofSeconds(10), "the ALB reaches the task", d -> "allowed".equals(
                    browser.js("const v = document.getElementById('reach-verdict'); return v && v.dataset.verdict")));
            assertThat(stack.privateSubnets).hasSize(3);
            browser.screenshot(to);
            System.out.println("screenshot of the seed stack: " + to.toAbsolutePath());
            assertThat(Files.size(to)).isGreaterThan(10_000);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
