package dev.envplane.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A validated {@code first}/{@code after} pair over rows ordered by (name, id). Cursors are opaque to clients:
 * base64url of the last row's name and id, so paging stays stable while rows are added (keyset pagination, no OFFSET).
 */
public record PageRequest(int first, String afterName, UUID afterId) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    private static final String SEPARATOR = "\u0000";

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0 || size > MAX_SIZE) {
            throw new ValidationException("first", "first must be between 0 and " + MAX_SIZE);
        }
        if (after == null) {
            return new PageRequest(size, null, null);
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (parts.length == 2) {
                return new PageRequest(size, parts[0], UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the validation error below
        }
        throw new ValidationException("after", "after is not a cursor returned by this API");
    }

    public static String cursor(String name, UUID id) {
        byte[] raw = (name + SEPARATOR + id).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public boolean hasAfter() {
        return afterId != null;
    }

    /** Rows to fetch: one more than asked tells whether another page follows. */
    public int fetchSize() {
        return first + 1;
    }

    /** The rows to show (at most {@code first}) turned into edges, and whether more follow. */
    public <R, E> Slice<E> slice(List<R> fetched, Function<R, E> edge) {
        List<R> shown = fetched.size() > first ? fetched.subList(0, first) : fetched;
        return new Slice<>(shown.stream().map(edge).toList(), fetched.size() > first);
    }

    public record Slice<E>(List<E> edges, boolean hasNextPage) {
    }
}
