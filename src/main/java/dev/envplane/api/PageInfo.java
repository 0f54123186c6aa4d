package dev.envplane.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's PageInfo, forward pagination only. */
@Description("Where this page ends and whether another follows (Relay cursor connections).")
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
