package dev.envplane.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A validated {@code first}/{@code after} pair. Cursors are opaque to clients: base64url of the sort key of the
 * last row seen, so paging stays stable while rows are added (keyset pagination, no OFFSET).
 */
public record PageRequest(int first, List<String> afterKey) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    private static final String SEPARATOR = "\u0000";

    public static PageRequest of(Integer first, String after, int keyParts) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0 || size > MAX_SIZE) {
            throw new ValidationException("first", "first must be between 0 and " + MAX_SIZE);
        }
        return new PageRequest(size, after == null ? null : decode(after, keyParts));
    }

    public static String cursor(String... keyParts) {
        byte[] raw = String.join(SEPARATOR, keyParts).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static List<String> decode(String cursor, int keyParts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split(SEPARATOR, -1));
            if (parts.size() == keyParts) {
                return parts;
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the validation error below
        }
        throw new ValidationException("after", "after is not a cursor returned by this API");
    }

    /** Rows to fetch: one more than asked tells whether another page follows. */
    public int fetchSize() {
        return first + 1;
    }
}
