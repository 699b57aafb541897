package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskDefinitionRulesTest {
    private final TaskDefinitions definitions = new TaskDefinitions(
            new EcsArns(new dev.ecsnet.domain.common.AccountRegion("000000000000", "us-east-1")), () -> Instant.EPOCH);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> doc) {
        return ((List<Map<String, Object>>) doc.get("containerDefinitions")).get(0);
    }

    private static Map<String, Object> fargate(Consumer<Map<String, Object>> change) {
        Map<String, Object> doc = TestEcs.fargateDefinition("web");
        change.accept(doc);
        return doc;
    }

    @ParameterizedTest
    @CsvSource({"256,512,256,512", "1 vCPU,2GB,1024,2048", ".25 vcpu,0.5 GB,256,512", "4096,30720,4096,30720", "16 vCPU,120 GB,16384,122880"})
    void cpuAndMemoryAreNormalizedToIntegerStrings(String cpu, String memory, String wantCpu, String wantMemory) {
        TaskDefinition td = definitions.register(fargate(d -> {
            d.put("cpu", cpu);
            d.put("memory", memory);
        }), Map.of());
        assertThat(td.cpu()).contains(wantCpu);
        assertThat(td.memory()).contains(wantMemory);
        assertThat(td.document()).containsEntry("cpu", wantCpu).containsEntry("memory", wantMemory);
    }

    @ParameterizedTest
    @CsvSource({"256,4096", "512,512", "1024,9216", "3000,8192", "8192,18432"})
    void sizesFargateDoesNotOfferAreRefused(String cpu, String memory) {
        assertThatThrownBy(() -> definitions.register(fargate(d -> {
            d.put("cpu", cpu);
            d.put("memory", memory);
        }), Map.of())).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("ClientException");
            assertThat(e.getMessage()).isEqualTo("No Fargate configuration exists for given values.");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void awsvpcPortMappingGetsHostPortAndUnknownFieldsRoundTrip() {
        Map<String, Object> request = fargate(d -> container(d).put("dockerLabels", new LinkedHashMap<>(Map.of("a", "b"))));
        TaskDefinition td = definitions.register(request, Map.of());
        Map<String, Object> c = container(td.document());
        Map<String, Object> pm = ((List<Map<String, Object>>) c.get("portMappings")).get(0);
        assertThat(pm).containsEntry("hostPort", 8080).containsEntry("protocol", "tcp");
        assertThat(c).containsEntry("dockerLabels", Map.of("a", "b")).containsEntry("essential", true);
        // the caller's request is untouched: the stored document is a copy
        assertThat(((List<Map<String, Object>>) container(request).get("portMappings")).get(0)).doesNotContainKey("hostPort");
        assertThat(td.compatibilities()).containsExactly("EC2", "FARGATE");
    }

    @Test
    void revisionsCountPerFamilyAndARefusalConsumesNone() {
        assertThat(definitions.register(TestEcs.fargateDefinition("a"), Map.of()).revision()).isEqualTo(1);
        assertThatThrownBy(() -> definitions.register(fargate(d -> {
            d.put("family", "a");
            d.remove("cpu");
        }), Map.of())).hasMessage("Fargate requires that 'cpu' be defined at the task level.");
        assertThat(definitions.register(TestEcs.fargateDefinition("a"), Map.of()).revision()).isEqualTo(2);
        assertThat(definitions.register(TestEcs.fargateDefinition("b"), Map.of()).arn())
                .isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/b:1");
    }

    @Test
    void ec2ContainerWithoutAnyMemoryIsRefusedButTaskMemoryIsEnough() {
        Map<String, Object> ec2 = new LinkedHashMap<>(Map.of("family", "e", "containerDefinitions",
                List.of(new LinkedHashMap<>(Map.of("name", "c", "image", "nginx")))));
        assertThatThrownBy(() -> definitions.register(ec2, Map.of()))
                .hasMessage("Invalid setting for container 'c'. At least one of 'memory' or 'memoryReservation' must be specified.");
        ec2.put("memory", "512");
        TaskDefinition td = definitions.register(ec2, Map.of());
        assertThat(td.networkMode()).isEqualTo("bridge");
        assertThat(td.compatibilities()).containsExactly("EC2");
        assertThat(td.isFargateCompatible()).isFalse();
    }

    @Test
    void fargateAwslogsNeedsAnExecutionRole() {
        Map<String, Object> doc = fargate(d -> container(d).put("logConfiguration", Map.of("logDriver", "awslogs")));
        assertThatThrownBy(() -> definitions.register(doc, Map.of()))
                .hasMessage("Fargate requires task definition to have execution role ARN to support log driver awslogs.");
        doc.put("executionRoleArn", "arn:aws:iam::000000000000:role/x");
        assertThat(definitions.register(doc, Map.of()).requiresAttributes()).contains("ecs.capability.execution-role-awslogs");
    }

    @Test
    void findResolvesFamilyRevisionAndArnAndDeregisterNeedsARevision() {
        definitions.register(TestEcs.fargateDefinition("web"), Map.of());
        definitions.register(TestEcs.fargateDefinition("web"), Map.of());
        definitions.deregister("web:2");
        assertThat(definitions.find("web").map(TaskDefinition::revision)).contains(1);
        assertThat(definitions.find("web:2").map(TaskDefinition::status)).contains("INACTIVE");
        assertThat(definitions.find("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1")).isPresent();
        assertThat(definitions.find("web:3")).isEmpty();
        assertThatThrownBy(() -> definitions.deregister("web")).isInstanceOf(DomainException.class);
        assertThat(definitions.find("web:1").map(TaskDefinition::status)).contains("ACTIVE");
    }
}
