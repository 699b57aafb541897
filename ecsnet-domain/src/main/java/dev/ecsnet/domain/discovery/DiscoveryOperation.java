package dev.ecsnet.domain.discovery;

import java.time.Instant;
import java.util.Map;

/** An asynchronous Cloud Map operation; {@code targets} maps NAMESPACE/SERVICE/INSTANCE to the ids it touched. */
public record DiscoveryOperation(String id, String type, String status, Instant createDate, Instant updateDate,
                                 Map<String, String> targets) {

    public DiscoveryOperation {
        targets = Map.copyOf(targets);
    }
}
