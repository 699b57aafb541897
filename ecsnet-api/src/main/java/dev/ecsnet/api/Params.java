package dev.ecsnet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of a request tree. Wrong types and missing required members become the service's own
 * validation error ({@code missing} and {@code invalid} build it), never an exception a client would see as a 500.
 */
public final class Params {
    private final ObjectNode node;
    private final Function<String, AwsError> missing;
    private final Function<String, AwsError> invalid;

    public Params(ObjectNode node, Function<String, AwsError> missing, Function<String, AwsError> invalid) {
        this.node = node;
        this.missing = missing;
        this.invalid = invalid;
    }

    public ObjectNode node() {
        return node;
    }

    /** Another request tree read with this one's errors (a request completed from a launch template). */
    public Params withNode(ObjectNode replacement) {
        return new Params(replacement, missing, invalid);
    }

    public Params child(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return new Params(node.objectNode(), missing, invalid);
        }
        if (!n.isObject()) {
            throw invalid.apply(name);
        }
        return new Params((ObjectNode) n, missing, invalid);
    }

    public boolean has(String name) {
        JsonNode n = node.get(name);
        return n != null && !n.isNull();
    }

    public Optional<String> string(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isValueNode()) {
            throw invalid.apply(name);
        }
        return Optional.of(n.asText());
    }

    public String required(String name) {
        return string(name).filter(s -> !s.isEmpty()).orElseThrow(() -> missing.apply(name));
    }

    public Optional<Integer> integer(String name) {
        Optional<String> s = string(name);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = node.get(name);
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return Optional.of(n.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(s.get().trim()));
        } catch (NumberFormatException e) {
            throw invalid.apply(name);
        }
    }

    public Optional<Double> decimal(String name) {
        Optional<String> s = string(name);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = node.get(name);
        if (n.isNumber()) {
            return Optional.of(n.doubleValue());
        }
        try {
            return Optional.of(Double.parseDouble(s.get().trim()));
        } catch (NumberFormatException e) {
            throw invalid.apply(name);
        }
    }

    public Optional<Boolean> bool(String name) {
        Optional<String> s = string(name);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return switch (s.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw invalid.apply(name);
        };
    }

    /** A list of scalars; a single scalar is accepted as a list of one. */
    public List<String> strings(String name) {
        JsonNode n = node.get(name);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isValueNode()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            throw invalid.apply(name);
        }
        for (JsonNode item : n) {
            if (!item.isValueNode()) {
                throw invalid.apply(name);
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A list of structures. */
    public List<Params> list(String name) {
        JsonNode n = node.get(name);
        List<Params> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isObject()) {
            out.add(new Params((ObjectNode) n, missing, invalid));
            return out;
        }
        if (!n.isArray()) {
            throw invalid.apply(name);
        }
        for (JsonNode item : n) {
            if (!item.isObject()) {
                throw invalid.apply(name);
            }
            out.add(new Params((ObjectNode) item, missing, invalid));
        }
        return out;
    }

    /** The service's validation error for a malformed member. */
    public AwsError invalid(String name) {
        return invalid.apply(name);
    }

    /** A JSON map of strings ({@code {"k": "v"}}), in the order sent. */
    public Map<String, String> stringMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw invalid.apply(name);
        }
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw invalid.apply(name);
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /** A list of {key, value} structures (with the given member names) as an ordered map. */
    public Map<String, String> keyValues(String name, String keyName, String valueName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Params p : list(name)) {
            out.put(p.required(keyName), p.string(valueName).orElse(""));
        }
        return out;
    }
}
