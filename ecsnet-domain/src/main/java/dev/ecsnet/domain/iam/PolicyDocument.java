package dev.ecsnet.domain.iam;

import java.util.Optional;

/**
 * A policy document as the client sent it, and its JSON read into plain maps and lists (empty when the text is not
 * JSON). The api layer parses; the domain checks and stores the text unchanged.
 */
public record PolicyDocument(String text, Optional<Object> tree) {
}
