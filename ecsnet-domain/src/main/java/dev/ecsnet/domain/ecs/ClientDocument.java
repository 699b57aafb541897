package dev.ecsnet.domain.ecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a JSON document a client sent, held as plain maps and lists (the domain does not know JSON
 * libraries). Kept whole so that every field the client sent can be returned unchanged, as AWS does.
 */
final class ClientDocument {
    private ClientDocument() {
    }

    static Optional<String> string(Map<String, Object> doc, String key) {
        Object v = doc.get(key);
        if (v == null || v instanceof Map || v instanceof List) {
            return Optional.empty();
        }
        return Optional.of(v.toString());
    }

    static Optional<Integer> integer(Map<String, Object> doc, String key) {
        Object v = doc.get(key);
        if (v instanceof Number n) {
            return Optional.of(n.intValue());
        }
        if (v instanceof String s) {
            try {
                return Optional.of(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> doc, String key) {
        Object v = doc.get(key);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    static List<String> strings(Map<String, Object> doc, String key) {
        Object v = doc.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item != null && !(item instanceof Map) && !(item instanceof List)) {
                    out.add(item.toString());
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> object(Map<String, Object> doc, String key) {
        return doc.get(key) instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    /** A deep, mutable copy, so normalizing a stored document never changes the caller's. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        doc.forEach((k, v) -> out.put(k, copyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(copyValue(x)));
            return out;
        }
        return v;
    }
}
