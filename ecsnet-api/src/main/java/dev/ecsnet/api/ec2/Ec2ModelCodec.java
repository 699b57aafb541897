package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ShapeWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a structure of the EC2 model by the model itself: a request tree in EC2 Query names
 * ({@code LaunchTemplateData.SecurityGroupId.1}) becomes a document keyed by member names ({@code SecurityGroupIds}),
 * and a document is written to a {@link ShapeWriter} in EC2's XML names ({@code securityGroupIdSet}, lists of
 * {@code <item>} or of the list's own element name). The shapes are derived from botocore's EC2 model (see {@code SOURCES.md} beside
 * the resource), so every member a client can send is read, type-checked and answered as the model names it.
 */
final class Ec2ModelCodec {
    static final Ec2ModelCodec LAUNCH_TEMPLATE_DATA = new Ec2ModelCodec("launch-template-data-shapes.json");

    private final JsonNode shapes;

    private Ec2ModelCodec(String resource) {
        try (InputStream in = Ec2ModelCodec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            this.shapes = new ObjectMapper().readTree(in).get("shapes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request tree {@code node} of shape {@code shape} as a document; {@code path} names it in errors. */
    Map<String, Object> decode(String shape, JsonNode node, String path) {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) decodeValue(shape, node, path);
        return doc;
    }

    /**
     * The document as the answer member {@code name} of structure shape {@code shape}, in the model's member order and
     * XML names; members the shape does not have are left out, scalars are written as their text.
     */
    void write(ShapeWriter out, String name, String shape, Map<String, Object> document) {
        writeMember(out, name, shape, document);
    }

    private void writeMembers(ShapeWriter out, JsonNode shape, Object value) {
        if (value instanceof Map<?, ?> doc) {
            shape.get("members").fields().forEachRemaining(m -> {
                Object v = doc.get(m.getKey());
                if (v != null) {
                    writeMember(out, responseName(m.getKey(), m.getValue()), m.getValue().get("shape").asText(), v);
                }
            });
        }
    }

    private void writeMember(ShapeWriter out, String name, String shapeName, Object value) {
        JsonNode shape = shape(shapeName);
        switch (shape.get("type").asText()) {
            case "structure" -> {
                out.object(name);
                writeMembers(out, shape, value);
                out.end();
            }
            case "list" -> {
                out.list(name, shape.get("member").path("locationName").asText("item"));
                if (value instanceof List<?> list) {
                    String member = shape.get("member").get("shape").asText();
                    list.forEach(v -> writeItem(out, member, v));
                }
                out.end();
            }
            default -> out.value(name, String.valueOf(value));
        }
    }

    private void writeItem(ShapeWriter out, String shapeName, Object value) {
        JsonNode shape = shape(shapeName);
        switch (shape.get("type").asText()) {
            case "structure" -> {
                out.item();
                writeMembers(out, shape, value);
                out.end();
            }
            case "list" -> throw new IllegalStateException("a list of lists is not in the model subset: " + shapeName);
            default -> out.item(String.valueOf(value));
        }
    }

    private JsonNode shape(String name) {
        JsonNode s = shapes.get(name);
        if (s == null) {
            throw new IllegalStateException("shape not in the model subset: " + name);
        }
        return s;
    }

    private Object decodeValue(String shapeName, JsonNode node, String path) {
        JsonNode shape = shape(shapeName);
        String type = shape.get("type").asText();
        switch (type) {
            case "structure" -> {
                if (!node.isObject()) {
                    throw invalid(path, node);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                shape.get("members").fields().forEachRemaining(m -> {
                    String wire = requestName(m.getKey(), m.getValue());
                    JsonNode v = node.get(wire);
                    if (v != null && !v.isNull()) {
                        out.put(m.getKey(), decodeValue(m.getValue().get("shape").asText(), v, path + "." + wire));
                    }
                });
                return out;
            }
            case "list" -> {
                String member = shape.get("member").get("shape").asText();
                List<Object> out = new ArrayList<>();
                if (node.isArray()) {
                    for (int i = 0; i < node.size(); i++) {
                        out.add(decodeValue(member, node.get(i), path + "." + (i + 1)));
                    }
                } else {
                    out.add(decodeValue(member, node, path + ".1"));
                }
                return out;
            }
            default -> {
                if (!node.isValueNode()) {
                    throw invalid(path, node);
                }
                return scalar(type, node.asText(), path);
            }
        }
    }

    private static Object scalar(String type, String text, String path) {
        try {
            return switch (type) {
                case "integer", "long" -> Long.parseLong(text.trim());
                case "double", "float" -> Double.parseDouble(text.trim());
                case "boolean" -> switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new NumberFormatException(text);
                };
                case "timestamp" -> Ec2Shapes.time(Instant.parse(text.trim()));
                default -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw AwsError.badRequest("InvalidParameterValue", "Invalid value '" + text + "' for " + path);
        }
    }

    /** EC2 Query names a member by its queryName, else its capitalized locationName, else its name. */
    private static String requestName(String member, JsonNode ref) {
        if (ref.has("queryName")) {
            return ref.get("queryName").asText();
        }
        if (ref.has("locationName")) {
            String l = ref.get("locationName").asText();
            return Character.toUpperCase(l.charAt(0)) + l.substring(1);
        }
        return member;
    }

    private static String responseName(String member, JsonNode ref) {
        return ref.has("locationName") ? ref.get("locationName").asText() : member;
    }

    private static AwsError invalid(String path, JsonNode node) {
        return AwsError.badRequest("InvalidParameterValue", "Invalid value '" + (node.isValueNode() ? node.asText() : "") + "' for " + path);
    }
}
