package dev.envplane.api;

import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's PageInfo, forward pagination only. */
@Description("Where this page ends and whether another follows (Relay cursor connections).")
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {

    public static <E> PageInfo of(PageRequest.Slice<E> slice, Function<E, String> cursor) {
        var edges = slice.edges();
        return new PageInfo(slice.hasNextPage(), edges.isEmpty() ? null : cursor.apply(edges.get(edges.size() - 1)));
    }
}
