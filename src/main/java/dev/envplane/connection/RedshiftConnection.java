package dev.envplane.connection;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL output type, built from the entity; holds no secret value. */
@Type("RedshiftConnection")
@Description("An Amazon Redshift cluster.")
public final class RedshiftConnection implements Connection {

    private final WarehouseConnection row;

    RedshiftConnection(WarehouseConnection row) {
        this.row = row;
    }

    @Override
    @Id
    @NonNull
    public UUID getId() {
        return row.getId();
    }

    @Override
    @NonNull
    public String getName() {
        return row.getName();
    }

    @Override
    @NonNull
    public Warehouse getWarehouse() {
        return row.getWarehouse();
    }

    @Override
    @NonNull
    public Instant getCreatedAt() {
        return row.getCreatedAt();
    }

    @Override
    @NonNull
    public Instant getUpdatedAt() {
        return row.getUpdatedAt();
    }

    @Override
    @Description("Increases with every change; pass it as expectedVersion to updateConnection to refuse lost updates.")
    public int getVersion() {
        return row.getVersion();
    }

    @NonNull
    public String getHost() {
        return row.getHost();
    }

    public int getPort() {
        return row.getPort();
    }

    @NonNull
    public String getDbname() {
        return row.getDbname();
    }
}
