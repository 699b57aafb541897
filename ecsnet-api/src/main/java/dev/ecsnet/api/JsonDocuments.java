package dev.ecsnet.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Conversions between what clients send and the plain maps and lists the domain keeps: JSON text embedded in a
 * request (policy documents, parameter policies), request subtrees kept whole, and epoch-second timestamps.
 */
public final class JsonDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };

    private JsonDocuments() {
    }

    /** JSON text as maps, lists and scalars; empty when it is not JSON. */
    public static Optional<Object> parse(String text) {
        try {
            return Optional.ofNullable(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A JSON value as compact text. */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps and lists always serialize", e);
        }
    }

    /** A request object kept whole, as plain maps. */
    public static Map<String, Object> document(JsonNode node) {
        return MAPPER.convertValue(node, DOCUMENT);
    }

    /** A document kept whole, back as a tree for the answer. */
    public static JsonNode tree(Object document) {
        return MAPPER.valueToTree(document);
    }

    /** AWS JSON timestamps are epoch seconds, with fractions. */
    public static void time(ObjectNode o, String name, Instant at) {
        o.put(name, at.getEpochSecond() + at.getNano() / 1e9);
    }

    /** A timestamp member: epoch seconds (as the SDKs send them) or ISO 8601 text. */
    public static Optional<Instant> time(Params p, String name) {
        JsonNode n = p.node().get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isNumber()) {
            double seconds = n.doubleValue();
            long whole = (long) Math.floor(seconds);
            return Optional.of(Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9)));
        }
        try {
            return Optional.of(Instant.parse(n.asText()));
        } catch (java.time.format.DateTimeParseException e) {
            try {
                double seconds = Double.parseDouble(n.asText());
                return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
            } catch (NumberFormatException e2) {
                throw p.invalid(name);
            }
        }
    }
}
