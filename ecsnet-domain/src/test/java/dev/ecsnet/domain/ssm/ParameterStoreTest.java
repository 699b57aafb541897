package dev.ecsnet.domain.ssm;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameter Store's rules that the contract tests do not reach: the version limit, label exclusivity, references for ECS. */
class ParameterStoreTest {
    private final ParameterStore store = new ParameterStore(new AccountRegion("123456789012", "eu-west-1"), new IdSource(3),
            () -> Instant.parse("2026-01-01T00:00:00Z"), new dev.ecsnet.domain.common.Timers((delay, kind, key, args) -> { }));

    private long put(String name, String value, boolean overwrite) {
        return store.put(new PutRequest(name, Optional.empty(), value, overwrite ? Optional.empty() : Optional.of(ParameterType.STRING),
                Optional.empty(), overwrite, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty())).version();
    }

    @Test
    void aHundredVersionsAreKeptAndAnOldestLabelledOneBlocksTheNext() {
        put("/p", "v", false);
        for (int i = 2; i <= 100; i++) {
            put("/p", "v" + i, true);
        }
        assertThat(put("/p", "v101", true)).isEqualTo(101);
        assertThat(store.history("/p")).hasSize(100).first().extracting(ParameterVersion::version).isEqualTo(2L);
        store.label("/p", Optional.of(2L), List.of("keep"));
        assertThatThrownBy(() -> put("/p", "v102", true)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("ParameterMaxVersionLimitExceeded");
            assertThat(e.getMessage()).contains("Version 2, the oldest version, can't be deleted because it has a label");
        });
        assertThat(store.get("/p").version().version()).isEqualTo(101);
    }

    /** However labels are moved around, each label sits on at most one version of the parameter. */
    @Property
    void aLabelIsOnOneVersionAtMost(@ForAll @Size(max = 30) List<@IntRange(min = 1, max = 4) Integer> versions,
                                    @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 2) Integer> labels) {
        ParameterStore s = new ParameterStore(new AccountRegion("123456789012", "eu-west-1"), new IdSource(3),
                () -> Instant.parse("2026-01-01T00:00:00Z"), new dev.ecsnet.domain.common.Timers((delay, kind, key, args) -> { }));
        s.put(new PutRequest("/q", Optional.empty(), "1", Optional.of(ParameterType.STRING), Optional.empty(), false, Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        for (int i = 2; i <= 4; i++) {
            s.put(new PutRequest("/q", Optional.empty(), "" + i, Optional.empty(), Optional.empty(), true, Optional.empty(), Map.of(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        for (int i = 0; i < Math.min(versions.size(), labels.size()); i++) {
            s.label("/q", Optional.of((long) versions.get(i)), List.of("l" + labels.get(i)));
        }
        List<String> all = s.history("/q").stream().flatMap(v -> v.labels().stream()).toList();
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void readsAcceptArnsOfThisAccountAndRegionOnly() {
        put("/app/x", "1", false);
        put("plain", "2", false);
        assertThat(store.get("arn:aws:ssm:eu-west-1:123456789012:parameter/app/x").version().value()).isEqualTo("1");
        assertThat(store.get("arn:aws:ssm:eu-west-1:123456789012:parameter/plain:1").version().value()).isEqualTo("2");
        assertThat(store.getAll(List.of("arn:aws:ssm:us-east-1:123456789012:parameter/app/x")).invalid()).hasSize(1);
        assertThat(store.get("arn:aws:ssm:eu-west-1::parameter/aws/service/aws-for-fluent-bit/latest").version().value())
                .isEqualTo("906394416424.dkr.ecr.eu-west-1.amazonaws.com/aws-for-fluent-bit:latest");
    }

    @Test
    void ecsLearnsWhichSecretsNameNoParameterAsTheAgentReportsThem() {
        put("/app/x", "1", false);
        assertThat(store.missing(List.of("/app/x", "/app/y", "arn:aws:ssm:eu-west-1:123456789012:parameter/app/z",
                "arn:aws:ssm:us-east-2:123456789012:parameter/app/elsewhere", "/app/x:7")))
                .containsExactly("/app/y", "/app/z", "/app/x:7");
    }

    @Test
    void theEcsOptimizedFamiliesEachRecommendTheirNewestImage() {
        for (String family : List.of("amazon-linux-2", "amazon-linux-2/arm64", "amazon-linux-2/kernel-5.10", "amazon-linux-2023",
                "amazon-linux-2023/arm64")) {
            String id = store.get("/aws/service/ecs/optimized-ami/" + family + "/recommended/image_id").version().value();
            String name = store.get("/aws/service/ecs/optimized-ami/" + family + "/recommended/image_name").version().value();
            assertThat(dev.ecsnet.domain.ec2.Images.find(id)).as(family).get().extracting(i -> i.name()).isEqualTo(name);
            assertThat(dev.ecsnet.domain.ec2.Images.runsEcsAgent(dev.ecsnet.domain.ec2.Images.find(id).orElseThrow())).isTrue();
        }
        String plain = store.get("/aws/service/ami-amazon-linux-latest/amzn2-ami-kernel-5.10-hvm-x86_64-gp2").version().value();
        assertThat(dev.ecsnet.domain.ec2.Images.runsEcsAgent(dev.ecsnet.domain.ec2.Images.find(plain).orElseThrow())).isFalse();
    }
}
