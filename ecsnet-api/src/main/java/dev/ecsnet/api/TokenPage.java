package dev.ecsnet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.protocol.AwsError;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** One page of a list paged by MaxResults and an opaque NextToken (the JSON services' paging). */
public record TokenPage<T>(List<T> items, Optional<String> nextToken) {

    public static <T> TokenPage<T> of(List<T> all, int maxResults, Optional<String> token, Supplier<AwsError> invalidToken) {
        int from = token.map(t -> PageTokens.decode(t).orElseThrow(invalidToken)).orElse(0);
        if (from > all.size()) {
            throw invalidToken.get();
        }
        int to = Math.min(all.size(), from + maxResults);
        return new TokenPage<>(all.subList(from, to), to < all.size() ? Optional.of(PageTokens.encode(to)) : Optional.empty());
    }

    /** The page a call's {@code MaxResults} (1 to {@code max}, default {@code max}) and {@code NextToken} ask for. */
    public static <T> TokenPage<T> of(Params p, List<T> all, int max, String validationCode, Supplier<AwsError> invalidToken) {
        int size = p.integer("MaxResults").map(n -> ConstraintErrors.range(validationCode, n, "maxResults", 1, max)).orElse(max);
        return of(all, size, p.string("NextToken"), invalidToken);
    }

    /** The page as an output shape: the items under {@code field}, and the NextToken when more follow. */
    public ObjectNode render(String field, Function<T, ObjectNode> item) {
        ObjectNode out = Call.object();
        out.putArray(field).addAll(items.stream().map(item).toList());
        nextToken.ifPresent(t -> out.put("NextToken", t));
        return out;
    }
}
