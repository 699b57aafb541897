package dev.ecsnet.api.ec2;

import dev.ecsnet.api.PageTokens;
import dev.ecsnet.api.Params;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@code MaxResults}/{@code NextToken} paging over an already filtered list. The token encodes the offset; it is
 * opaque to clients, as EC2's are.
 */
final class Ec2Pages {
    private Ec2Pages() {
    }

    record Page<T>(List<T> items, Optional<String> nextToken) {
        void writeToken(ShapeWriter out) {
            nextToken.ifPresent(t -> out.value("nextToken", t));
        }

        /** A Describe* answer: the page's items under {@code setName}, each written by {@code render}, then the token. */
        RenderedAnswer answer(String setName, BiConsumer<ShapeWriter, T> render) {
            Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
            out.list(setName);
            items.forEach(item -> {
                render.accept(out.item(), item);
                out.end();
            });
            out.end();
            writeToken(out);
            return out.answer();
        }
    }

    static <T> Page<T> page(List<T> all, Params params, int min, int max) {
        Optional<Integer> maxResults = params.integer("MaxResults");
        // AWS's wording, "greater than 5" though 5 itself is accepted (confirmed for DescribeInstances); the text
        // for too large a value is a best guess
        if (maxResults.isPresent() && maxResults.get() < min) {
            throw AwsError.badRequest("InvalidParameterValue", "Value ( " + maxResults.get()
                    + " ) for parameter maxResults is invalid. Expecting a value greater than " + min + ".");
        }
        if (maxResults.isPresent() && maxResults.get() > max) {
            throw AwsError.badRequest("InvalidParameterValue", "Value ( " + maxResults.get()
                    + " ) for parameter maxResults is invalid. Expecting a value less than or equal to " + max + ".");
        }
        int start = params.string("NextToken").map(Ec2Pages::decode).orElse(0);
        if (start > all.size()) {
            start = all.size();
        }
        if (maxResults.isEmpty()) {
            return new Page<>(all.subList(start, all.size()), Optional.empty());
        }
        int end = Math.min(all.size(), start + maxResults.get());
        Optional<String> next = end < all.size() ? Optional.of(encode(end)) : Optional.empty();
        return new Page<>(all.subList(start, end), next);
    }

    private static String encode(int offset) {
        return PageTokens.encode(offset);
    }

    private static int decode(String token) {
        return PageTokens.decode(token).orElseThrow(() -> AwsError.badRequest("InvalidParameterValue", "Value ( " + token + " ) for parameter NextToken is invalid. The token is invalid."));
    }
}
