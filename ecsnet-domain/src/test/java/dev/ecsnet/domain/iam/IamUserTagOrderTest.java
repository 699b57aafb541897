package dev.ecsnet.domain.iam;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's tags keep the order they were given in; {@code Map.copyOf}'s order changes from one JVM to the next. */
class IamUserTagOrderTest {
    @Test
    void tagsKeepTheirOrder() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String key : new String[] {"team", "Name", "env", "cost-centre", "owner", "a", "z", "b", "y"}) {
            tags.put(key, key + "-value");
        }
        IamUser user = new IamUser("u", "/", "AIDAEXAMPLE", "arn:aws:iam::000000000000:user/u", Instant.EPOCH, tags);
        assertThat(user.tags().keySet()).containsExactlyElementsOf(tags.keySet());
    }
}
