package dev.envplane.connection;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Lets the features that use connections (environments) refuse a connection's deletion without the connection
 * feature depending on them. Called inside the deletion's transaction, in its session: implementations use their
 * repositories directly, never {@code Sessions}.
 */
public interface ConnectionUsers {

    /** Who uses the connection, as names such as "project / environment"; empty when nobody does. */
    Uni<List<String>> environmentsUsing(UUID connectionId);
}
