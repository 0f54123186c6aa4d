package dev.envplane.connection;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.envplane.adapter.AdapterType;

/**
 * The fields every connection type shares, read from the entity. Only the concrete types implement
 * {@link Connection}, so SmallRye adds no GraphQL type for this class.
 */
abstract class ConnectionView {

    protected final WarehouseConnection row;

    ConnectionView(WarehouseConnection row) {
        this.row = row;
    }

    @Id
    @NonNull
    public UUID getId() {
        return row.getId();
    }

    @NonNull
    public String getName() {
        return row.getName();
    }

    @NonNull
    public AdapterType getAdapterType() {
        return row.getAdapterType();
    }

    @NonNull
    public Instant getCreatedAt() {
        return row.getCreatedAt();
    }

    @NonNull
    public Instant getUpdatedAt() {
        return row.getUpdatedAt();
    }

    @Description("Increases with every change; pass it as expectedVersion to updateConnection to refuse lost updates.")
    public int getVersion() {
        return row.getVersion();
    }
}
