package dev.envplane.connection;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

import dev.envplane.adapter.AdapterType;

/**
 * A warehouse connection as GraphQL shows it: one implementation per adapter, each built from the entity. No
 * implementation may ever return a secret value; secrets show only as "is set" flags and versions.
 */
@Interface("Connection")
@Description("An account-level connection to a data warehouse, reusable by many environments. Never shows a secret.")
public interface Connection {

    @Id
    @NonNull
    UUID getId();

    @NonNull
    String getName();

    @NonNull
    @Description("Which dbt adapter this connection is for; it never changes.")
    AdapterType getAdapterType();

    @NonNull
    Instant getCreatedAt();

    @NonNull
    Instant getUpdatedAt();

    @Description("Increases with every change; pass it as expectedVersion to updateConnection to refuse lost updates.")
    int getVersion();
}
