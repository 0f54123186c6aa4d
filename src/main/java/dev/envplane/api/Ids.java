package dev.envplane.api;

import java.util.UUID;

/** GraphQL IDs arrive as text; a malformed one is the caller's mistake, reported on its field. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String field, String id) {
        if (id == null) {
            throw new ValidationException(field, field + " is required");
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException malformed) {
            throw new ValidationException(field, field + " is not a valid id");
        }
    }
}
