package dev.envplane.api;

import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/**
 * Which fields of an input object the client wrote, so an update can tell "left out" (keep) from an explicit
 * {@code null} (clear): both arrive as null in the Java record.
 */
public final class GivenFields {

    private GivenFields() {
    }

    public static Set<String> of(Context graphql, String argument) {
        Object value = graphql.unwrap(DataFetchingEnvironment.class).getArgument(argument);
        return value instanceof Map<?, ?> fields ? Set.copyOf(fields.keySet().stream().map(String::valueOf).toList()) : Set.of();
    }
}
