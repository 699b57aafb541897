package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology page in headless Chromium, on the state the shared AWS CLI scenario leaves ({@code seed-cli.sh}: a VPC
 * with three private /24s, a public subnet with a NAT gateway, the alb and web-task groups, and 11 tasks filling a
 * /28). The server runs as {@code ecsnet serve} does, on the system clock with INSTANT timing, so what the page shows
 * changes as soon as a call changes it; every wait is a polling wait with a deadline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyPageIT {
    /** How soon a change must show on the page. */
    /** What the issue asks of a change on screen; only the two live-update checks are held to it. */
    static final Duration LIVE = Duration.ofSeconds(2);
    /** For everything else: a loaded machine may take longer to load and draw the page, which is not what is tested. */
    static final Duration PATIENT = Duration.ofSeconds(30);

    static EcsnetServer server;
    static Browser browser;
    static Ec2Client ec2;
    static EcsClient ecs;

    @BeforeAll
    static void seedAndOpen() throws Exception {
        Scenarios.requireTools("aws", "python3", "bash");
        Browser.require();
        server = Scenarios.startServer();
        Path script = Scenarios.sharedDir().resolve("scenarios/seed-cli.sh");
        Scenarios.Result seeded = Scenarios.run(List.of("bash", script.toString()), Map.of("ENDPOINT", endpoint(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1"), script.getParent(), 600);
        assertThat(seeded.output()).as(seeded.output()).containsPattern("(?m)^\\d+ passed, 0 failed$");
        ec2 = Scenarios.client(Ec2Client.builder(), server).build();
        ecs = Scenarios.client(EcsClient.builder(), server).build();
        browser = Browser.start(1600, 1100);
        browser.open(endpoint() + "/_ecsnet/ui");
        browser.waitUntil(PATIENT, "the page draws the topology", d -> browser.js("return window.ecsnetRender") != null);
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (ec2 != null) {
            ec2.close();
            ecs.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("the browser console's errors").isEmpty();
    }

    static String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    static List<Task> runningTasks() {
        List<String> arns = ecs.listTasks(r -> r.cluster("web").desiredStatus(DesiredStatus.RUNNING)).taskArns();
        return ecs.describeTasks(r -> r.cluster("web").tasks(arns)).tasks();
    }

    static String detail(Task t, String name) {
        return t.attachments().get(0).details().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().value();
    }

    static String groupId(String name) {
        return ec2.describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values(name))).securityGroups().get(0).groupId();
    }

    static List<String> pageTexts(String cssSelector) {
        return texts(browser, cssSelector);
    }

    /** The text of each element the selector finds, as the page shows it. */
    @SuppressWarnings("unchecked")
    static List<String> texts(Browser browser, String cssSelector) {
        return (List<String>) browser.js("return [...document.querySelectorAll(arguments[0])].map(n => n.textContent.trim())", cssSelector);
    }

    @Test
    @Order(1)
    void showsEverySubnetCidrAndEveryTaskIp() {
        List<String> cidrs = ec2.describeSubnets().subnets().stream().map(Subnet::cidrBlock).toList();
        List<String> ips = runningTasks().stream().map(t -> detail(t, "privateIPv4Address")).toList();
        assertThat(cidrs).hasSize(11);
        assertThat(ips).hasSize(11);
        browser.waitUntil(PATIENT, "every subnet CIDR and every task IP on the page", d ->
                pageTexts("#topology .subnet .cidr").containsAll(cidrs)
                        && pageTexts("#topology [data-task][data-status=RUNNING] .ip").containsAll(ips));
        assertThat(pageTexts("#topology .subnet .cidr")).containsExactlyInAnyOrderElementsOf(cidrs);
        assertThat(pageTexts("#topology [data-task][data-status=RUNNING] .ip")).containsExactlyInAnyOrderElementsOf(ips);
    }

    @Test
    @Order(2)
    void clickingATaskShowsItsEniAndSecurityGroup() {
        Task task = runningTasks().get(0);
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        String eni = detail(task, "networkInterfaceId");
        String webSg = groupId("web-task");
        browser.click("#topology [data-task='" + id + "']");
        browser.waitUntil(PATIENT, "the task's details", d -> eni.equals(browser.text("#task-eni")));
        assertThat(browser.text("#task-details")).contains(id);
        assertThat(browser.text("#task-groups")).contains(webSg).contains("tcp 8080 from " + groupId("alb"));
    }

    @Test
    @Order(3)
    void aRevokedRuleTurnsTheReachVerdictFromAllowedToBlockedWithinTwoSeconds() {
        String albSg = groupId("alb");
        String webSg = groupId("web-task");
        String task = runningTasks().get(1).taskArn().replaceAll(".*/", "");
        browser.waitUntil(PATIENT, "the pickers list the task", d -> !d.findElements(
                By.cssSelector("#reach-destination option[value='" + task + "']")).isEmpty());
        browser.select("reach-source", albSg);
        browser.select("reach-destination", task);
        WebElement port = browser.driver().findElement(By.id("reach-port"));
        port.clear();
        port.sendKeys("8080");
        browser.click("#reach-check");
        browser.waitUntil(PATIENT, "an allowed verdict", d -> "allowed".equals(verdict()));
        assertThat(browser.text("#reach-result")).contains("ALLOWED");

        IpPermission fromAlb = IpPermission.builder().ipProtocol("tcp").fromPort(8080).toPort(8080)
                .userIdGroupPairs(p -> p.groupId(albSg)).build();
        ec2.revokeSecurityGroupIngress(r -> r.groupId(webSg).ipPermissions(fromAlb));
        long revoked = System.nanoTime();
        browser.waitUntil(LIVE, "the verdict turns to blocked within 2 s of the revoke", d -> "blocked".equals(verdict()));
        System.out.printf("reach verdict turned blocked %d ms after the revoke%n", (System.nanoTime() - revoked) / 1_000_000);
        assertThat(browser.text("#reach-result")).contains("BLOCKED").contains("ENI_SG_RULES_MISMATCH");
        assertThat(browser.driver().findElements(By.cssSelector("#overlay .hl-blocked"))).as("the blocker outlined on the picture").isNotEmpty();

        ec2.authorizeSecurityGroupIngress(r -> r.groupId(webSg).ipPermissions(fromAlb));
        browser.waitUntil(PATIENT, "allowed again once the rule is back", d -> "allowed".equals(verdict()));
        browser.click("#reach-clear");
    }

    static String verdict() {
        return (String) browser.js("const v = document.getElementById('reach-verdict'); return v && v.dataset.verdict");
    }

    @Test
    @Order(4)
    void aStoppedTaskLeavesRunningWithinTwoSeconds() {
        String task = runningTasks().get(2).taskArn().replaceAll(".*/", "");
        String running = "#topology [data-task='" + task + "'][data-status=RUNNING]";
        browser.waitUntil(PATIENT, "the task drawn as RUNNING", d -> !d.findElements(By.cssSelector(running)).isEmpty());
        ecs.stopTask(r -> r.cluster("web").task(task));
        long stopped = System.nanoTime();
        browser.waitUntil(LIVE, "the task gone from RUNNING within 2 s of StopTask", d -> d.findElements(By.cssSelector(running)).isEmpty());
        System.out.printf("stopped task left RUNNING on the page %d ms after StopTask%n", (System.nanoTime() - stopped) / 1_000_000);
        assertThat(pageTexts("#topology [data-task][data-status=RUNNING] .ip")).hasSize(10);
    }
}
