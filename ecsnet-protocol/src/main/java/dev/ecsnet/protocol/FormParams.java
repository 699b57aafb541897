package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Form-encoded query parameters, flat and folded. Folding turns dotted names into a tree: numeric segments make
 * arrays (ordered by index, so gaps are tolerated), and the query protocol's {@code member} level is dropped, so
 * {@code Names.member.1=a} and EC2's {@code Name.1=a} both read as {@code {"Names":["a"]}} and {"Name":["a"]}.
 * Never throws on odd input: a malformed pair is skipped, a conflict keeps the deeper value.
 */
public final class FormParams {
    /** The deepest dotted name folded; deeper names are skipped as malformed. */
    static final int MAX_DEPTH = 32;

    private FormParams() {
    }

    public static Map<String, String> parse(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformedEscape) {
                // a bad %-escape is the client's problem; the parameter is treated as absent
            }
        }
        return out;
    }

    public static ObjectNode fold(Map<String, String> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : flat.entrySet()) {
            String[] path = e.getKey().split("\\.", -1);
            if (path.length > MAX_DEPTH) {
                // no AWS shape nests this deep; folding it would only risk a stack overflow on hostile input
                continue;
            }
            Map<String, Object> node = root;
            for (int i = 0; i < path.length - 1; i++) {
                Object child = node.get(path[i]);
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(path[i], child);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            String leaf = path[path.length - 1];
            if (!(node.get(leaf) instanceof Map)) {
                node.put(leaf, e.getValue());
            }
        }
        return (ObjectNode) toNode(root);
    }

    private static JsonNode toNode(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof String s) {
            return f.textNode(s);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        if (map.size() == 1 && (map.containsKey("member") || map.containsKey("entry")) && map.values().iterator().next() instanceof Map) {
            return toNode(map.values().iterator().next());
        }
        if (!map.isEmpty() && map.keySet().stream().allMatch(FormParams::isIndex)) {
            TreeMap<Integer, Object> ordered = new TreeMap<>();
            map.forEach((k, v) -> ordered.put(Integer.parseInt(k), v));
            ArrayNode array = f.arrayNode();
            List<Object> values = new ArrayList<>(ordered.values());
            values.forEach(v -> array.add(toNode(v)));
            return array;
        }
        ObjectNode obj = f.objectNode();
        map.forEach((k, v) -> obj.set(k, toNode(v)));
        return obj;
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
