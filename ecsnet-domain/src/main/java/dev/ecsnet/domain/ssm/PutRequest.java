package dev.ecsnet.domain.ssm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What PutParameter asks for. Members a client left out are empty; on an overwrite they keep the previous
 * version's value. {@code policies} holds each policy object as the client wrote it, with its fields read into maps.
 */
public record PutRequest(String name, Optional<String> description, String value, Optional<ParameterType> type,
                         Optional<String> keyId, boolean overwrite, Optional<String> allowedPattern, Map<String, String> tags,
                         Optional<ParameterTier> tier, Optional<List<PolicyInput>> policies, Optional<String> dataType) {
    public PutRequest {
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** One element of the {@code Policies} JSON array: its fields, and its own JSON text. */
    public record PolicyInput(Map<String, Object> fields, String text) {
        public PolicyInput {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }
}
