package dev.envplane.deletion;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** Something a deletion removes (or, in a dry run, would remove), by id and the name a person recognises. */
public record DeletedItem(@NonNull @Id String id, @NonNull String name) {
}
