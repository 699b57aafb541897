package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * A minimal, escaping-correct XML builder for the query protocols' answers, writing UTF-8 bytes as it goes: an
 * answer is one copy from its working buffer (borrowed from {@link XmlBuffers}) into the body that goes on the
 * wire, with no {@code String} of the document in between.
 */
final class XmlWriter {
    private byte[] buf;
    private int len;

    XmlWriter() {
        buf = XmlBuffers.take();
    }

    XmlWriter declaration() {
        return literal("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    XmlWriter open(String name) {
        put((byte) '<');
        append(name);
        put((byte) '>');
        return this;
    }

    /** An element in a namespace; without one (an error for a service ecsnet does not know) no {@code xmlns} at all. */
    XmlWriter open(String name, String xmlns) {
        if (xmlns.isEmpty()) {
            return open(name);
        }
        put((byte) '<');
        append(name);
        literal(" xmlns=\"");
        text(xmlns);
        literal("\">");
        return this;
    }

    XmlWriter close(String name) {
        put((byte) '<');
        put((byte) '/');
        append(name);
        put((byte) '>');
        return this;
    }

    XmlWriter element(String name, String text) {
        return open(name).text(text).close(name);
    }

    /** Text known to need no escaping (a literal of ecsnet's own). */
    XmlWriter literal(String text) {
        append(text);
        return this;
    }

    XmlWriter number(long n) {
        putAscii(Long.toString(n));
        return this;
    }

    /** Elements already written by another writer (an {@link Ec2XmlShapeWriter}'s members), which is done with them. */
    XmlWriter raw(XmlWriter written) {
        written.ensure(0);
        ensure(written.len);
        System.arraycopy(written.buf, 0, buf, len, written.len);
        len += written.len;
        written.release();
        return this;
    }

    XmlWriter text(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128 || REPLACED_ASCII[c]) {
                putUtf8(escape(text));
                return this;
            }
        }
        putAscii(text);
        return this;
    }

    /**
     * Element names and literals are ecsnet's own ASCII constants, so they are copied as they are, unscanned: scanning
     * every name of an answer for non-ASCII characters was a sixth of its CPU. Tests run with assertions on.
     */
    private void append(String s) {
        assert s.chars().allMatch(c -> c < 128) : "not ASCII: " + s;
        putAscii(s);
    }

    /** {@code s} has only ASCII characters, so each is its own byte. */
    @SuppressWarnings("deprecation") // the one String method that copies characters into an array as bytes, with no copy of its own
    private void putAscii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, len);
        len += n;
    }

    private void putUtf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int more) {
        if (buf == null) {
            throw new IllegalStateException("this XML was already handed on");
        }
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** The document's bytes; the writer's buffer goes back to {@link XmlBuffers} and the writer is done. */
    byte[] toBytes() {
        ensure(0);
        byte[] body = Arrays.copyOf(buf, len);
        release();
        return body;
    }

    private void release() {
        byte[] done = buf;
        buf = null;
        XmlBuffers.give(done);
    }

    /** The document so far, for tests and messages; the writer stays open. */
    @Override
    public String toString() {
        return buf == null ? "(handed on)" : new String(buf, 0, len, StandardCharsets.UTF_8);
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
        if (!name.chars().allMatch(c -> c < 128)) {
            throw new IllegalStateException("a tree field is not an ASCII element name: " + name);
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
}
