package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.PageTokens;
import dev.ecsnet.api.Params;
import dev.ecsnet.protocol.AwsError;

import java.util.List;

/** ECS {@code maxResults}/{@code nextToken} paging over an already filtered list; the token encodes the offset. */
final class EcsPages {
    private EcsPages() {
    }

    /** Puts the page's items (as strings) under {@code member} and the next token, if any, into {@code out}. */
    static List<String> page(List<String> all, Params params, int max, ObjectNode out, String member) {
        List<String> items = page(all, params, max, out);
        items.forEach(out.putArray(member)::add);
        return items;
    }

    /** The page of {@code all} the request asks for; puts the next token, if any, into {@code out}. */
    static <T> List<T> page(List<T> all, Params params, int max, ObjectNode out) {
        int size = params.integer("maxResults").orElse(max);
        if (size < 1 || size > max) {
            throw AwsError.badRequest("InvalidParameterException", "maxResults must be between 1 and " + max + ".");
        }
        int start = params.string("nextToken").map(EcsPages::decode).orElse(0);
        start = Math.min(start, all.size());
        int end = Math.min(all.size(), start + size);
        List<T> items = all.subList(start, end);
        if (end < all.size()) {
            out.put("nextToken", encode(end));
        }
        return items;
    }

    private static String encode(int offset) {
        return PageTokens.encode(offset);
    }

    private static int decode(String token) {
        return PageTokens.decode(token).orElseThrow(() -> AwsError.badRequest("InvalidParameterException", "Invalid nextToken."));
    }
}
