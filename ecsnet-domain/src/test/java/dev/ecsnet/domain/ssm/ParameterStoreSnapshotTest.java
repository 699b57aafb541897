package dev.ecsnet.domain.ssm;

import dev.ecsnet.domain.ec2.Images;
import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Parameter Store restored from its snapshot record answers, expires and draws ids as the original does. */
class ParameterStoreSnapshotTest {

    private static PutRequest put(String name, String value, ParameterType type, boolean overwrite) {
        return new PutRequest(name, Optional.empty(), value, Optional.ofNullable(type), Optional.empty(), overwrite, Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static PutRequest.PolicyInput expiration(Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Type", "Expiration");
        fields.put("Version", "1.0");
        fields.put("Attributes", Map.of("Timestamp", at.toString()));
        return new PutRequest.PolicyInput(fields, "{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\"" + at + "\"}}");
    }

    private static PutRequest.PolicyInput notifyBefore(int days) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Type", "ExpirationNotification");
        fields.put("Version", "1.0");
        fields.put("Attributes", Map.of("Before", Integer.toString(days), "Unit", "Days"));
        return new PutRequest.PolicyInput(fields, "{\"Type\":\"ExpirationNotification\",\"Version\":\"1.0\",\"Attributes\":{\"Before\":\""
                + days + "\",\"Unit\":\"Days\"}}");
    }

    private static PutRequest withPolicies(String name, String value, boolean overwrite, List<PutRequest.PolicyInput> policies) {
        return new PutRequest(name, Optional.of("expires"), value, overwrite ? Optional.empty() : Optional.of(ParameterType.STRING),
                Optional.empty(), overwrite, Optional.empty(), Map.of(), Optional.of(ParameterTier.ADVANCED), Optional.of(policies),
                Optional.empty());
    }

    /** Everything GetParameterHistory and ListTagsForResource show of each parameter, by name. */
    private static Map<String, Object> view(ParameterStore store) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter p : store.parameters()) {
            out.put(p.name(), List.of(p.arn(), store.history(p.name()), p.tags()));
        }
        return out;
    }

    private static void build(RegionTwin t) {
        ParameterStore s = t.region.parameters();
        Instant now = t.now();
        s.put(new PutRequest("/app/db/password", Optional.of("the database"), "s3cret", Optional.of(ParameterType.SECURE_STRING),
                Optional.of("alias/app"), false, Optional.empty(), Map.of("team", "db", "env", "dev"), Optional.empty(),
                Optional.empty(), Optional.empty()));
        t.advance(Duration.ofSeconds(3));
        s.put(put("/app/db/password", "s3cret-2", null, true));
        s.put(put("/app/db/password", "s3cret-3", null, true));
        s.label("/app/db/password", Optional.of(1L), List.of("first", "old"));
        s.label("/app/db/password", Optional.empty(), List.of("prod", "live"));
        s.unlabel("/app/db/password", 1, List.of("old"));
        s.addTags("Parameter", "/app/db/password", Map.of("owner", "ops"));
        s.removeTags("Parameter", "/app/db/password", List.of("env"));

        s.put(new PutRequest("/app/port", Optional.empty(), "8080", Optional.of(ParameterType.STRING), Optional.empty(), false,
                Optional.of("[0-9]+"), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        s.put(new PutRequest("/app/hosts", Optional.empty(), "a,b,c", Optional.of(ParameterType.STRING_LIST), Optional.empty(), false,
                Optional.empty(), Map.of("k", "v"), Optional.of(ParameterTier.INTELLIGENT_TIERING), Optional.empty(), Optional.empty()));
        String image = Images.all().get(0).imageId();
        s.put(new PutRequest("/app/ami", Optional.empty(), image, Optional.of(ParameterType.STRING), Optional.empty(), false,
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.of("aws:ec2:image")));

        // one expires before the snapshot, one is deleted, one waits on a timer, one's first timer went stale
        s.put(withPolicies("/tmp/short", "x", false, List.of(expiration(now.plus(Duration.ofSeconds(30))))));
        s.put(put("/tmp/deleted", "x", ParameterType.STRING, false));
        s.delete("/tmp/deleted");
        s.put(withPolicies("/tmp/later", "x", false, List.of(expiration(now.plus(Duration.ofMinutes(10))), notifyBefore(1))));
        s.put(withPolicies("/tmp/moved", "x", false, List.of(expiration(now.plus(Duration.ofMinutes(2))))));
        s.put(withPolicies("/tmp/moved", "y", true, List.of(expiration(now.plus(Duration.ofMinutes(20))))));
        t.advance(Duration.ofMinutes(1));
    }

    @Test
    void aRestoredStoreExportsWhatItWasGivenAndExpiresAsTheOriginalDoes() {
        RegionTwin a = new RegionTwin(42);
        build(a);
        assertThat(view(a.region.parameters())).containsKeys("/app/db/password", "/tmp/later", "/tmp/moved")
                .doesNotContainKeys("/tmp/short", "/tmp/deleted");
        assertThat(a.pending()).extracting(RegionTwin.Pending::kind).contains("ssm.parameter.expire");

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(view(b.region.parameters())).isEqualTo(view(a.region.parameters()));
        assertThat(b.region.parameters().get("/app/db/password:prod").version().value(false))
                .isEqualTo(a.region.parameters().get("/app/db/password:prod").version().value(false));

        for (RegionTwin t : List.of(a, b)) {
            ParameterStore s = t.region.parameters();
            t.advance(Duration.ofMinutes(3));
            assertThat(s.getAll(List.of("/tmp/moved")).found()).as("the stale timer of the first policy does nothing").hasSize(1);
            t.advance(Duration.ofMinutes(7));
            assertThat(s.getAll(List.of("/tmp/later")).found()).isEmpty();
            s.put(new PutRequest("/app/api-key", Optional.empty(), "k", Optional.of(ParameterType.SECURE_STRING), Optional.empty(), false,
                    Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()));
            s.put(put("/app/db/password", "s3cret-4", null, true));
            s.label("/app/db/password", Optional.empty(), List.of("first"));
            t.settle();
            t.advance(Duration.ofMinutes(15));
            assertThat(s.getAll(List.of("/tmp/moved")).found()).isEmpty();
        }
        assertThat(view(b.region.parameters())).isEqualTo(view(a.region.parameters()));
        assertThat(b.region.parameters().get("/app/api-key").version().value(false))
                .as("the next ciphertext comes from the same place in the id stream")
                .isEqualTo(a.region.parameters().get("/app/api-key").version().value(false));
        assertThat(b.exports()).isEqualTo(a.exports());
    }
}
