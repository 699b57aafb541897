package dev.ecsnet.domain.ecs.placement;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.Wildcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECS's cluster query language, the common forms: {@code attribute:<name> <op> <value>} and
 * {@code ec2InstanceId <op> <value>} with {@code ==}, {@code !=}, {@code =~} / {@code !~} (with {@code *}
 * wildcards), {@code in [a, b]}, {@code not_in [a, b]}, {@code exists}, {@code !exists}; terms joined with
 * {@code and} / {@code or} ({@code and} binds tighter) and grouped with parentheses.
 */
public final class Expression {
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|\\[[^\\]]*\\]|[^\\s()\\[\\]]+)");

    private interface Node {
        boolean eval(Host host);
    }

    private final Node root;

    private Expression(Node root) {
        this.root = root;
    }

    public boolean matches(Host host) {
        return root.eval(host);
    }

    public static Expression parse(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            tokens.add(m.group(1));
            at = m.end();
        }
        if (!text.substring(at).isBlank() || tokens.isEmpty()) {
            throw invalid(text);
        }
        Parser p = new Parser(tokens, text);
        Node n = p.or();
        if (p.pos != tokens.size()) {
            throw invalid(text);
        }
        return new Expression(n);
    }

    private static DomainException invalid(String text) {
        // AWS's wording for a malformed expression is not known
        return DomainException.invalid("InvalidParameterException", "The expression '" + text + "' is not valid.");
    }

    private static final class Parser {
        private final List<String> tokens;
        private final String text;
        private int pos;

        Parser(List<String> tokens, String text) {
            this.tokens = tokens;
            this.text = text;
        }

        private Optional<String> peek() {
            return pos < tokens.size() ? Optional.of(tokens.get(pos)) : Optional.empty();
        }

        private String next() {
            if (pos >= tokens.size()) {
                throw invalid(text);
            }
            return tokens.get(pos++);
        }

        Node or() {
            Node left = and();
            while (peek().filter(t -> t.equalsIgnoreCase("or")).isPresent()) {
                pos++;
                Node l = left;
                Node r = and();
                left = h -> l.eval(h) || r.eval(h);
            }
            return left;
        }

        Node and() {
            Node left = term();
            while (peek().filter(t -> t.equalsIgnoreCase("and")).isPresent()) {
                pos++;
                Node l = left;
                Node r = term();
                left = h -> l.eval(h) && r.eval(h);
            }
            return left;
        }

        Node term() {
            String t = next();
            if (t.equals("(")) {
                Node inner = or();
                if (!next().equals(")")) {
                    throw invalid(text);
                }
                return inner;
            }
            String subject = t;
            if (!subject.startsWith("attribute:") && !subject.equals("ec2InstanceId") && !subject.equals("containerInstanceArn")) {
                throw invalid(text);
            }
            String op = next();
            if (op.equals("exists")) {
                return h -> value(h, subject).isPresent();
            }
            if (op.equals("!exists")) {
                return h -> value(h, subject).isEmpty();
            }
            String operand = next();
            List<String> list = operand.startsWith("[")
                    ? List.of(operand.substring(1, operand.length() - 1).split("\\s*,\\s*")).stream().map(String::trim).toList()
                    : List.of(operand);
            return switch (op) {
                case "==" -> h -> value(h, subject).map(v -> v.equals(operand)).orElse(false);
                case "!=" -> h -> value(h, subject).map(v -> !v.equals(operand)).orElse(true);
                case "=~" -> {
                    Wildcard glob = Wildcard.starOnly(operand);
                    yield h -> value(h, subject).map(glob::matches).orElse(false);
                }
                case "!~" -> {
                    Wildcard glob = Wildcard.starOnly(operand);
                    yield h -> value(h, subject).map(v -> !glob.matches(v)).orElse(true);
                }
                case "in" -> h -> value(h, subject).map(list::contains).orElse(false);
                case "not_in" -> h -> value(h, subject).map(v -> !list.contains(v)).orElse(true);
                default -> throw invalid(text);
            };
        }

        private Optional<String> value(Host h, String subject) {
            if (subject.startsWith("attribute:")) {
                return Optional.ofNullable(h.attributes().get(subject.substring("attribute:".length())));
            }
            return switch (subject) {
                case "ec2InstanceId" -> Optional.of(h.ec2InstanceId());
                case "containerInstanceArn" -> Optional.of(h.containerInstanceArn());
                default -> throw invalid(text);
            };
        }
    }
}
