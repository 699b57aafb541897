package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.PageTokens;
import dev.ecsnet.api.Params;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** ECS {@code maxResults}/{@code nextToken} paging; the token encodes an offset (or, for {@link #scan}, a position). */
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
        int size = size(params, max);
        int start = Math.min(start(params), all.size());
        int end = Math.min(all.size(), start + size);
        List<T> items = all.subList(start, end);
        if (end < all.size()) {
            out.put("nextToken", encode(end));
        }
        return items;
    }

    /**
     * The page of the items of {@code all} (a random-access list) that {@code wanted} takes, scanned from the position
     * the request's token carries; the next token carries the position of the next match. A whole paging scans
     * {@code all} once, so its cost is linear however many pages it takes.
     */
    static <T> List<T> scan(List<T> all, Predicate<T> wanted, Params params, int max, ShapeWriter out) {
        int size = size(params, max);
        List<T> items = new ArrayList<>();
        for (int i = Math.min(start(params), all.size()); i < all.size(); i++) {
            if (wanted.test(all.get(i))) {
                if (items.size() == size) {
                    out.value("nextToken", encode(i));
                    break;
                }
                items.add(all.get(i));
            }
        }
        return items;
    }

    private static int size(Params params, int max) {
        int size = params.integer("maxResults").orElse(max);
        if (size < 1 || size > max) {
            throw AwsError.badRequest("InvalidParameterException", "maxResults must be between 1 and " + max + ".");
        }
        return size;
    }

    private static int start(Params params) {
        return params.string("nextToken").map(EcsPages::decode).orElse(0);
    }

    private static String encode(int offset) {
        return PageTokens.encode(offset);
    }

    private static int decode(String token) {
        return PageTokens.decode(token).orElseThrow(() -> AwsError.badRequest("InvalidParameterException", "Invalid nextToken."));
    }
}
