package dev.ecsnet.api;

import dev.ecsnet.protocol.AwsError;

import java.util.List;
import java.util.Optional;
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
}
