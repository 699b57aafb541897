package dev.ecsnet.domain.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member of a document kept as the client sent it (a launch template's data, an Auto Scaling group's stored-only
 * members), as snapshot data. The kind says which Java type the value had, because JSON alone would not tell a
 * {@code Long} from an {@code Integer} or a {@code Double}, and the domain compares them by type ({@code DeviceIndex}
 * is a {@code Long}). Scalars are in {@code text}; a list's items in {@code items}; a structure's members in
 * {@code members}, in their order. The unused components are null.
 */
public record DocumentValue(Kind kind, String text, List<DocumentValue> items, Map<String, DocumentValue> members) {

    public enum Kind { NULL, STRING, LONG, INTEGER, DOUBLE, BOOLEAN, LIST, MAP }

    /** A document (member name to value) as snapshot data, in its member order. */
    public static Map<String, DocumentValue> ofDocument(Map<String, Object> document) {
        Map<String, DocumentValue> out = new LinkedHashMap<>();
        document.forEach((k, v) -> out.put(k, of(v)));
        return out;
    }

    /** The document {@link #ofDocument} was given, with the same value types and order. */
    public static Map<String, Object> document(Map<String, DocumentValue> members) {
        Map<String, Object> out = new LinkedHashMap<>();
        members.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    @SuppressWarnings("unchecked")
    public static DocumentValue of(Object value) {
        if (value == null) {
            return new DocumentValue(Kind.NULL, null, null, null);
        }
        if (value instanceof Map<?, ?> map) {
            return new DocumentValue(Kind.MAP, null, null, ofDocument((Map<String, Object>) map));
        }
        if (value instanceof List<?> list) {
            List<DocumentValue> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(of(item)));
            return new DocumentValue(Kind.LIST, null, items, null);
        }
        Kind kind;
        if (value instanceof String) {
            kind = Kind.STRING;
        } else if (value instanceof Long) {
            kind = Kind.LONG;
        } else if (value instanceof Integer) {
            kind = Kind.INTEGER;
        } else if (value instanceof Double) {
            kind = Kind.DOUBLE;
        } else if (value instanceof Boolean) {
            kind = Kind.BOOLEAN;
        } else {
            throw new IllegalArgumentException("a document value of type " + value.getClass().getName() + " has no snapshot form");
        }
        return new DocumentValue(kind, value.toString(), null, null);
    }

    /** The value as the domain held it. */
    public Object value() {
        return switch (kind) {
            case NULL -> null;
            case STRING -> text;
            case LONG -> Long.parseLong(text);
            case INTEGER -> Integer.parseInt(text);
            case DOUBLE -> Double.parseDouble(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case LIST -> {
                List<Object> out = new ArrayList<>(items.size());
                items.forEach(item -> out.add(item.value()));
                yield out;
            }
            case MAP -> document(members);
        };
    }
}
