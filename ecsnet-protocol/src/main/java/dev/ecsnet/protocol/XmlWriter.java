package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** A minimal, escaping-correct XML builder for the query protocols' answers. */
final class XmlWriter {
    /**
     * Each thread's builder from its last answer, reused so that an answer does not grow a fresh one from a few
     * hundred characters through every doubling (most of a DescribeSubnets answer's garbage). Null while a writer of
     * the thread holds it; a second writer meanwhile gets its own. Builders past {@link #KEEP_AT_MOST} are dropped.
     */
    private static final ThreadLocal<StringBuilder> SPARE = ThreadLocal.withInitial(() -> new StringBuilder(8192));
    private static final int KEEP_AT_MOST = 1 << 20;

    private final StringBuilder out;
    private boolean released;

    XmlWriter() {
        StringBuilder spare = SPARE.get();
        if (spare == null) {
            out = new StringBuilder(512);
        } else {
            SPARE.set(null);
            spare.setLength(0);
            out = spare;
        }
    }

    XmlWriter declaration() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return this;
    }

    XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    /** An element in a namespace; without one (an error for a service ecsnet does not know) no {@code xmlns} at all. */
    XmlWriter open(String name, String xmlns) {
        if (xmlns.isEmpty()) {
            return open(name);
        }
        out.append('<').append(name).append(" xmlns=\"").append(escape(xmlns)).append("\">");
        return this;
    }

    XmlWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    XmlWriter element(String name, String text) {
        return open(name).text(text).close(name);
    }

    /** Text known to need no escaping (a literal of ecsnet's own). */
    XmlWriter literal(String text) {
        out.append(text);
        return this;
    }

    XmlWriter number(long n) {
        out.append(n);
        return this;
    }

    /** Elements already written by an {@link Ec2XmlShapeWriter}. */
    XmlWriter raw(String xml) {
        out.append(xml);
        return this;
    }

    XmlWriter text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Writes an object's fields as elements; arrays repeat {@code listItemName} elements inside the field's element. */
    XmlWriter fields(JsonNode object, String listItemName) {
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            value(e.getKey(), e.getValue(), listItemName);
        }
        return this;
    }

    private void value(String name, JsonNode v, String listItemName) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return;
        }
        open(name);
        if (isMap(v)) {
            for (JsonNode entry : v.get("entry")) {
                value("entry", entry, listItemName);
            }
        } else if (isNamedList(v)) {
            String field = v.fieldNames().next();
            for (JsonNode item : v.get(field)) {
                value(field.substring(1), item, listItemName);
            }
        } else if (v.isObject()) {
            fields(v, listItemName);
        } else if (v.isArray()) {
            for (JsonNode item : v) {
                value(listItemName, item, listItemName);
            }
        } else {
            text(v.asText());
        }
        close(name);
    }

    /**
     * A query-protocol map is written as an object whose only field {@code entry} is an array of key/value
     * objects: each becomes one {@code <entry>} element (the inverse of how {@link FormParams} reads maps).
     */
    private static boolean isMap(JsonNode v) {
        return v.isObject() && v.size() == 1 && v.has("entry") && v.get("entry").isArray();
    }

    /**
     * A list whose elements have their own name: an object whose only field is {@code "@name"} with an array value
     * is written as one {@code <name>} element per item (EC2's {@code groupSet} of {@code <groupId>} elements).
     */
    private static boolean isNamedList(JsonNode v) {
        if (!v.isObject() || v.size() != 1) {
            return false;
        }
        String field = v.fieldNames().next();
        return field.length() > 1 && field.charAt(0) == '@' && v.get(field).isArray();
    }

    /** The ASCII characters {@link #escape} replaces; every other one below U+FFFE travels as it is. */
    private static final boolean[] REPLACED_ASCII = new boolean[128];

    static {
        for (char c = 0; c < 0x20; c++) {
            REPLACED_ASCII[c] = c != '\n' && c != '\t';
        }
        for (char c : "<>&\"'".toCharArray()) {
            REPLACED_ASCII[c] = true;
        }
    }

    /** The index of the first character {@link #escape} replaces, or -1: most texts (ids, CIDRs, states) have none. */
    private static int firstReplaced(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 128 ? REPLACED_ASCII[c] : c >= '\uFFFE') {
                return i;
            }
        }
        return -1;
    }

    static String escape(String s) {
        int first = firstReplaced(s);
        if (first < 0) {
            return s;
        }
        StringBuilder b = null;
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                // a raw CR would come back as LF after XML end-of-line handling, so it travels as a reference
                case '\r' -> "&#xD;";
                // XML 1.0 cannot carry other control characters or U+FFFE/U+FFFF at all, not even as references
                // (a parser such as the SDK's rejects "&#x1;"), so they become U+FFFD
                default -> (c < 0x20 && c != '\n' && c != '\t') || c == '\uFFFE' || c == '\uFFFF' ? "\uFFFD" : null;
            };
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** The document; the first call hands the builder back to the thread for its next answer. */
    @Override
    public String toString() {
        String text = out.toString();
        if (!released) {
            released = true;
            if (out.capacity() <= KEEP_AT_MOST && SPARE.get() == null) {
                SPARE.set(out);
            }
        }
        return text;
    }
}
