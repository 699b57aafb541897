package dev.ecsnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every fuzzed request must get: no 5xx; an AWS-shaped body (an error in the protocol's own envelope when only
 * the body was changed, in some AWS envelope when a header was); a server still healthy; and the fixture account's
 * resources exactly as they were.
 */
final class FuzzCheck {
    /** {@code -Decsnet.fuzz.tries=N} runs longer; CI runs the default. */
    static final int DEFAULT_TRIES = 1_500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile FuzzBench bench;

    private FuzzCheck() {
    }

    /** One bench for every fuzz property of the run (servers, fixture and corpus take seconds to build). */
    static synchronized FuzzBench bench() {
        if (bench == null) {
            bench = FuzzBench.start();
            Runtime.getRuntime().addShutdownHook(new Thread(bench::close));
        }
        return bench;
    }

    /** Sets each fuzz property's tries from {@code ecsnet.fuzz.tries}. */
    static final class Tries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger("ecsnet.fuzz.tries", DEFAULT_TRIES));
            return property.execute();
        }
    }

    /** The protocol envelope errors of a corpus entry use. */
    enum Envelope { EC2, QUERY, JSON }

    static void check(FuzzCase c, Envelope own) {
        FuzzBench b = bench();
        FuzzBench.Target target = c.verifying ? b.verifying() : b.plain();
        FuzzMutation.Request r = c.build(target);
        String query = r.query.isEmpty() ? "" : "?" + r.query;
        RawHttp.Response answer = RawHttp.send(target.server().port(), r.method, (r.path.isEmpty() ? "/" : r.path) + query, r.headers, r.body);
        String shown = answer.status() + " " + answer.headers() + "\n" + abbreviated(answer.text());
        net.jqwik.api.statistics.Statistics.label("answers").collect(answer.status() + " " + errorCode(answer));
        assertThat(answer.status()).as("no 5xx: %s", shown).isLessThan(500);
        Optional<String> shape = shapeProblem(answer, c.header.isPresent() ? Optional.empty() : Optional.of(own));
        assertThat(shape).as("AWS-shaped answer: %s", shown).isEmpty();
        RawHttp.Response health = RawHttp.send(target.server().port(), "GET", "/_ecsnet/health", Map.of(), new byte[0]);
        assertThat(health.status()).as("healthy after it").isEqualTo(200);
        String now = FuzzBench.fingerprint(target);
        if (!now.equals(target.baseline())) {
            throw new AssertionError("the fixture account's resources changed; first difference:\n" + firstDifference(target.baseline(), now)
                    + "\nanswer: " + shown);
        }
    }

    /** Why the answer is not AWS-shaped, if it is not. */
    static Optional<String> shapeProblem(RawHttp.Response answer, Optional<Envelope> expected) {
        String type = answer.header("content-type");
        boolean success = answer.status() < 300;
        try {
            if (type.contains("json")) {
                JsonNode body = JSON.readTree(answer.body());
                if (success) {
                    return body != null && body.isObject() ? Optional.empty() : Optional.of("a 2xx JSON answer that is not an object");
                }
                if (expected.isPresent() && expected.get() != Envelope.JSON) {
                    return Optional.of("a JSON error where the " + expected.get() + " envelope was due");
                }
                boolean shaped = body != null && body.path("__type").isTextual() && !body.path("__type").asText().isEmpty()
                        && body.path("message").isTextual() && answer.header("x-amzn-errortype").equals(body.path("__type").asText());
                return shaped ? Optional.empty() : Optional.of("a JSON error without __type, message and x-amzn-ErrorType");
            }
            if (!type.contains("xml")) {
                return Optional.of("content type '" + type + "'");
            }
            Element root = xml(answer.body()).getDocumentElement();
            if (success) {
                return root.getTagName().endsWith("Response") ? Optional.empty() : Optional.of("a 2xx XML answer rooted at " + root.getTagName());
            }
            Envelope actual = root.getTagName().equals("Response") ? Envelope.EC2 : root.getTagName().equals("ErrorResponse") ? Envelope.QUERY : null;
            if (actual == null) {
                return Optional.of("an XML error rooted at " + root.getTagName());
            }
            if (expected.isPresent() && expected.get() != actual) {
                return Optional.of("the " + actual + " envelope where the " + expected.get() + " envelope was due");
            }
            Element error = child(child(root, actual == Envelope.EC2 ? "Errors" : "Error"), actual == Envelope.EC2 ? "Error" : null);
            boolean shaped = error != null && !text(error, "Code").isEmpty() && child(error, "Message") != null
                    && child(root, actual == Envelope.EC2 ? "RequestID" : "RequestId") != null
                    && (actual == Envelope.EC2 || text(error, "Type").matches("Sender|Receiver"));
            return shaped ? Optional.empty() : Optional.of("an " + actual + " error without Code, Message or the request id");
        } catch (Exception e) {
            return Optional.of("a body that does not parse: " + e);
        }
    }

    private static String errorCode(RawHttp.Response answer) {
        if (answer.status() < 300) {
            return "";
        }
        String json = answer.header("x-amzn-errortype");
        return !json.isEmpty() ? json : answer.text().replaceFirst("(?s).*?<Code>([^<]*)</Code>.*", "$1").replaceFirst("(?s)^<\\?xml.*", "?");
    }

    private static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    /** The first child element named {@code name} ({@code null} name: the element itself). */
    private static Element child(Element parent, String name) {
        if (parent == null || name == null) {
            return parent;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent();
    }

    private static String abbreviated(String text) {
        return text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
    }

    private static String firstDifference(String before, String after) {
        String[] a = before.split("\n");
        String[] b = after.split("\n");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "";
            String y = i < b.length ? b[i] : "";
            if (!x.equals(y)) {
                return "before: " + abbreviated(x) + "\nafter:  " + abbreviated(y);
            }
        }
        return "(none)";
    }
}
