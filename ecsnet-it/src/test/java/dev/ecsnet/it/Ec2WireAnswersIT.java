package dev.ecsnet.it;

import dev.ecsnet.api.ec2.Ec2Handler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EC2's answers, byte for byte: each file of calls in {@code src/test/resources/ec2-answers/} is sent on a fresh
 * account (manual clock, seed 42) and every raw answer, status and body, is compared with the recorded one beside
 * it. It pins the wire shape of every EC2 operation (member order, names, escaping, absent members), which the SDK's
 * lenient parsing would not notice changing, so a render can be rewritten and shown to answer the same bytes.
 *
 * <p>A calls file has one call per line: the form body as sent ({@code Action=CreateVpc&CidrBlock=10.1.0.0%2F16},
 * {@code Version} added when absent), where {@code ${name}} is a value captured earlier, optionally followed by
 * {@code => name=element ...}, which captures the text of the answer's first {@code <element>}. {@code @advance N}
 * moves the clock N seconds; {@code #} starts a comment. A line {@code ecs:Operation {json}} is an ECS call (JSON 1.1,
 * {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.Operation}), whose captures take the first
 * {@code "member": "text"}. After a deliberate change of an answer, record the files again with
 * {@code -Decsnet.answers.update=true} and read the diff.
 */
class Ec2WireAnswersIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final Path SOURCE_DIR = Path.of("src/test/resources/ec2-answers");
    private static final boolean UPDATE = Boolean.getBoolean("ecsnet.answers.update");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern REQUEST_ID = Pattern.compile("<(requestId|RequestID)>[^<]*</\\1>");

    static List<String> callFiles() {
        try (InputStream in = Ec2WireAnswersIT.class.getResourceAsStream("/ec2-answers/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callFiles")
    void answersAreTheRecordedBytes(String name) throws IOException {
        String recorded = run(resource(name + ".calls"));
        if (UPDATE) {
            Files.writeString(SOURCE_DIR.resolve(name + ".answers"), recorded, StandardCharsets.UTF_8);
            return;
        }
        assertThat(recorded).as("the answers of %s.calls (record them again with -Decsnet.answers.update=true after a deliberate change)", name)
                .isEqualTo(resource(name + ".answers"));
    }

    /**
     * Every EC2 operation is pinned by some calls file, or named in {@code not-yet-pinned.txt}; the list may only
     * shrink: an operation a calls file sends must leave it.
     */
    @Test
    void everyEc2OperationIsCalledInSomeFileOrListedAsNotYetPinned() {
        Set<String> called = new TreeSet<>();
        Pattern action = Pattern.compile("(?:^|&)Action=([A-Za-z0-9]+)");
        for (String name : callFiles()) {
            resource(name + ".calls").lines().forEach(line -> {
                Matcher m = action.matcher(line);
                if (m.find()) {
                    called.add(m.group(1));
                }
            });
        }
        Set<String> notYet = new TreeSet<>(resource("not-yet-pinned.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        Set<String> missing = new TreeSet<>(new Ec2Handler().operations().names());
        missing.removeAll(called);
        assertThat(missing).as("EC2 operations no calls file sends and not-yet-pinned.txt does not list").isSubsetOf(notYet);
        assertThat(notYet).as("operations not-yet-pinned.txt lists though a calls file sends them (or EC2 no longer has)")
                .isSubsetOf(missing);
    }

    private String run(String calls) {
        Map<String, String> captured = new HashMap<>();
        StringBuilder out = new StringBuilder();
        String scope = "AWS4-HMAC-SHA256 Credential=" + ecsnet.accessKeyId() + "/20260101/us-east-1/";
        for (String raw : calls.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@advance ")) {
                ecsnet.advance(Duration.ofSeconds(Long.parseLong(line.substring("@advance ".length()).strip())));
                out.append("@advance ").append(line.substring("@advance ".length()).strip()).append('\n');
                continue;
            }
            String[] parts = line.split(" => ", 2);
            String body = substitute(parts[0].strip(), captured);
            boolean ecs = body.startsWith("ecs:");
            RawHttp.Response answer;
            if (ecs) {
                String operation = body.substring("ecs:".length(), body.indexOf(' '));
                answer = RawHttp.send(ecsnet.port(), "POST", "/", Map.of("Authorization", scope + "ecs/aws4_request, SignedHeaders=host, Signature=0",
                        "Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation),
                        body.substring(body.indexOf(' ') + 1).getBytes(StandardCharsets.UTF_8));
            } else {
                if (!body.contains("Version=")) {
                    body = body + "&Version=2016-11-15";
                }
                answer = RawHttp.send(ecsnet.port(), "POST", "/", Map.of("Authorization", scope + "ec2/aws4_request, SignedHeaders=host, Signature=0",
                        "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
            }
            String text = answer.text();
            if (parts.length == 2) {
                for (String capture : parts[1].strip().split("\\s+")) {
                    String[] kv = capture.split("=", 2);
                    Matcher m = (ecs ? Pattern.compile("\"" + Pattern.quote(kv[1]) + "\"\\s*:\\s*\"([^\"]*)\"")
                            : Pattern.compile("<" + Pattern.quote(kv[1]) + ">([^<]*)</" + Pattern.quote(kv[1]) + ">")).matcher(text);
                    assertThat(m.find()).as("<%s> in the answer to %s: %s", kv[1], body, text).isTrue();
                    captured.put(kv[0], m.group(1));
                }
            }
            out.append(">>> ").append(body).append('\n').append(answer.status()).append('\n')
                    .append(REQUEST_ID.matcher(text.replaceFirst("^<\\?xml[^>]*\\?>\n", "")).replaceAll("<$1/>")).append("\n\n");
        }
        return out.toString();
    }

    private static String substitute(String body, Map<String, String> captured) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = captured.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("${" + m.group(1) + "} was not captured before: " + body);
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        return m.appendTail(b).toString();
    }

    private static String resource(String name) {
        try (InputStream in = Ec2WireAnswersIT.class.getResourceAsStream("/ec2-answers/" + name)) {
            if (in == null) {
                if (UPDATE && name.endsWith(".answers")) {
                    return "";
                }
                throw new IllegalStateException("no resource ec2-answers/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
