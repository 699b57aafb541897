package dev.ecsnet.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One change to a valid request, as data (so that jqwik can shrink it): structural ones work on the parameters
 * (form pairs, or JSON members at any depth), byte-level ones on the body as bytes, header ones on the headers.
 */
sealed interface FuzzMutation {
    ObjectMapper JSON = new ObjectMapper();
    /** Stands for text that a JSON tree cannot hold (10,000-deep nesting, a million-digit number) until rendered. */
    String RAW = "@@ecsnet-fuzz-raw@@";
    String[] WRONG_FORM = {"", "abc", "-1", "99999999999999999999999", "1.5", "true", "null", "[]", "%7B%7D", "%", "%zz", "%3D", "%26"};

    /** The request being mutated: headers keep the SDK's spelling, the body is bytes. */
    final class Request {
        final String method;
        final String path;
        final String query;
        final Map<String, String> headers;
        byte[] body;
        final boolean json;

        Request(String method, String path, String query, Map<String, String> headers, byte[] body, boolean json) {
            this.method = method;
            this.path = path;
            this.query = query;
            this.headers = headers;
            this.body = body;
            this.json = json;
        }

        void removeHeader(String name) {
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        }

        void setHeader(String name, String value) {
            removeHeader(name);
            headers.put(name, value);
        }
    }

    void apply(Request r);

    /** A structural change to one parameter ({@code which} picks it among the request's, modulo their count). */
    sealed interface Structural extends FuzzMutation {
        int which();

        @Override
        default void apply(Request r) {
            if (r.json) {
                applyJson(r);
            } else {
                List<String[]> pairs = new ArrayList<>();
                for (String p : new String(r.body, StandardCharsets.UTF_8).split("&")) {
                    int eq = p.indexOf('=');
                    pairs.add(eq < 0 ? new String[] {p, ""} : new String[] {p.substring(0, eq), p.substring(eq + 1)});
                }
                // Action and Version come first: aim at the operation's own parameters, and at those two one time in twenty
                boolean own = pairs.size() > 2 && Math.floorMod(which(), 20) != 0;
                applyForm(pairs, own ? 2 + Math.floorMod(which(), pairs.size() - 2) : Math.floorMod(which(), pairs.size()));
                StringBuilder out = new StringBuilder();
                pairs.forEach(p -> out.append(out.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]));
                r.body = out.toString().getBytes(StandardCharsets.UTF_8);
            }
        }

        void applyForm(List<String[]> pairs, int index);

        /** Replaces or removes the chosen member of the JSON body; {@code replacement} null removes it. */
        default void applyJson(Request r) {
            JsonNode root;
            try {
                root = JSON.readTree(r.body);
            } catch (java.io.IOException e) {
                return;
            }
            if (root == null || !root.isContainerNode() || root.isEmpty()) {
                r.body = render(replacement(root == null ? JsonNodeFactory.instance.nullNode() : root));
                return;
            }
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            Slot slot = slots.get(Math.floorMod(which(), slots.size()));
            JsonNode next = replacement(slot.value());
            if (slot.parent() instanceof ObjectNode o) {
                if (next == null) {
                    o.remove(slot.field());
                } else {
                    o.set(slot.field(), next);
                }
            } else if (slot.parent() instanceof ArrayNode a) {
                if (next == null) {
                    a.remove(slot.index());
                } else {
                    a.set(slot.index(), next);
                }
            }
            r.body = render(root);
        }

        /** What the chosen JSON value becomes (null: it is removed). */
        JsonNode replacement(JsonNode value);

        /** Text the raw placeholder becomes (null: no raw text). */
        default String raw() {
            return null;
        }

        private byte[] render(JsonNode root) {
            try {
                String text = JSON.writeValueAsString(root);
                String raw = raw();
                return (raw == null ? text : text.replace("\"" + RAW + "\"", raw)).getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void collect(JsonNode node, List<Slot> slots) {
            if (node instanceof ObjectNode o) {
                for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    slots.add(new Slot(o, name, -1));
                    collect(o.get(name), slots);
                }
            } else if (node instanceof ArrayNode a) {
                for (int i = 0; i < a.size(); i++) {
                    slots.add(new Slot(a, null, i));
                    collect(a.get(i), slots);
                }
            }
        }
    }

    /** A change to the body that needs its top-level object and one of its member names. */
    @FunctionalInterface
    interface MemberChange {
        byte[] apply(ObjectNode root, String name) throws JsonProcessingException;
    }

    /** Applies {@code change} to the {@code which}-th member of a JSON object body; a body that is no JSON object stays. */
    static void onTopLevelMember(Request r, int which, MemberChange change) {
        try {
            if (JSON.readTree(r.body) instanceof ObjectNode o && !o.isEmpty()) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                r.body = change.apply(o, names.get(Math.floorMod(which, names.size())));
            }
        } catch (java.io.IOException notJson) {
            // nothing to change
        }
    }

    /** A member of a JSON object ({@code field}) or an element of an array ({@code index}). */
    record Slot(JsonNode parent, String field, int index) {
        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }
    }

    record DropParam(int which) implements Structural {
        @Override
        public void applyForm(List<String[]> pairs, int index) {
            pairs.remove(index);
        }

        @Override
        public JsonNode replacement(JsonNode value) {
            return null;
        }
    }

    /** The parameter twice: in a form with another parameter's value, in JSON as an array element or a repeated key. */
    record DuplicateParam(int which, int otherValue) implements Structural {
        @Override
        public void applyForm(List<String[]> pairs, int index) {
            pairs.add(index + 1, new String[] {pairs.get(index)[0], pairs.get(Math.floorMod(otherValue, pairs.size()))[1]});
        }

        @Override
        public void applyJson(Request r) {
            onTopLevelMember(r, which, (o, name) -> {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String other = JSON.writeValueAsString(o.get(names.get(Math.floorMod(otherValue, names.size()))));
                String text = JSON.writeValueAsString(o);
                return ("{" + JSON.writeValueAsString(name) + ":" + other + "," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
            });
        }

        @Override
        public JsonNode replacement(JsonNode value) {
            return value;
        }
    }

    /** A value of the wrong kind: text for a number, a number for a list, an object for a flag, null, ... */
    record WrongType(int which, int kind) implements Structural {
        @Override
        public void applyForm(List<String[]> pairs, int index) {
            pairs.get(index)[1] = WRONG_FORM[Math.floorMod(kind, WRONG_FORM.length)];
        }

        @Override
        public JsonNode replacement(JsonNode value) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            JsonNode[] wrong = {f.textNode("abc"), f.numberNode(-1), f.numberNode(1.5e308), f.booleanNode(true), f.nullNode(),
                f.arrayNode(), f.objectNode(), f.arrayNode().add(1).add("x"), f.objectNode().put("a", 1), f.textNode(""),
                f.numberNode(Long.MAX_VALUE), f.textNode("2147483648")};
            JsonNode chosen = wrong[Math.floorMod(kind, wrong.length)];
            return chosen.getNodeType() == value.getNodeType() ? wrong[Math.floorMod(kind + 1, wrong.length)] : chosen;
        }
    }

    /** A value of {@code length} characters: letters, or digits (a number too long for any type). */
    record HugeValue(int which, int length, boolean digits) implements Structural {
        String text() {
            return (digits ? "9" : "A").repeat(length);
        }

        @Override
        public void applyForm(List<String[]> pairs, int index) {
            pairs.get(index)[1] = text();
        }

        @Override
        public JsonNode replacement(JsonNode value) {
            return JsonNodeFactory.instance.textNode(RAW);
        }

        @Override
        public String raw() {
            return digits ? text() : "\"" + text() + "\"";
        }

        @Override
        public String toString() {
            return "HugeValue[which=" + which + ", length=" + length + ", digits=" + digits + "]";
        }
    }

    /** Unicode text (any code points, unpaired surrogates and NUL included) as the value, or as a JSON member's name. */
    record UnicodeValue(int which, String text, boolean asName) implements Structural {
        @Override
        public void applyForm(List<String[]> pairs, int index) {
            pairs.get(index)[asName ? 0 : 1] = URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        @Override
        public void applyJson(Request r) {
            if (!asName) {
                Structural.super.applyJson(r);
                return;
            }
            onTopLevelMember(r, which, (o, name) -> {
                o.set(text, o.remove(name));
                return JSON.writeValueAsBytes(o);
            });
        }

        @Override
        public JsonNode replacement(JsonNode value) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    /** The value nested {@code depth} levels deep (JSON arrays or objects), or a dotted name {@code depth} segments deeper. */
    record DeepNesting(int which, int depth, boolean objects) implements Structural {
        @Override
        public void applyForm(List<String[]> pairs, int index) {
            pairs.get(index)[0] = pairs.get(index)[0] + ".1".repeat(depth);
        }

        @Override
        public JsonNode replacement(JsonNode value) {
            return JsonNodeFactory.instance.textNode(RAW);
        }

        @Override
        public String raw() {
            return objects ? "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) : "[".repeat(depth) + "1" + "]".repeat(depth);
        }
    }

    /** The body cut after {@code permille}/1000 of its bytes. */
    record Truncate(int permille) implements FuzzMutation {
        @Override
        public void apply(Request r) {
            r.body = Arrays.copyOf(r.body, (int) ((long) r.body.length * permille / 1000));
        }
    }

    /** Bytes overwritten: each at {@code permille}/1000 of the body with the paired value. */
    record FlipBytes(List<Integer> permilles, List<Integer> values) implements FuzzMutation {
        @Override
        public void apply(Request r) {
            for (int i = 0; i < permilles.size() && r.body.length > 0; i++) {
                int at = Math.min(r.body.length - 1, (int) ((long) r.body.length * permilles.get(i) / 1000));
                r.body[at] = (byte) (int) values.get(i % values.size());
            }
        }
    }

    record RemoveHeader(String name) implements FuzzMutation {
        @Override
        public void apply(Request r) {
            r.removeHeader(name);
        }
    }

    /** A header set to an odd value (line breaks removed, so that the request stays one request). */
    record SetHeader(String name, String value) implements FuzzMutation {
        @Override
        public void apply(Request r) {
            r.setHeader(name, value.replace("\r", "").replace("\n", ""));
        }
    }
}
