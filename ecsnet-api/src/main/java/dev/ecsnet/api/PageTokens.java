package dev.ecsnet.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Opaque paging tokens that carry the offset of the next item; each service words its own invalid-token error. */
public final class PageTokens {
    private static final String PREFIX = "ecsnet:";

    private PageTokens() {
    }

    public static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token carries; empty when the token is not one of ours. */
    public static Optional<Integer> decode(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith(PREFIX)) {
                int offset = Integer.parseInt(s.substring(PREFIX.length()));
                if (offset >= 0) {
                    return Optional.of(offset);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: not one of ours
        }
        return Optional.empty();
    }
}
