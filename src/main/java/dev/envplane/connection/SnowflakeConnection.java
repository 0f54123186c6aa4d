package dev.envplane.connection;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL output type, built from the entity; holds no secret value. */
@Type("SnowflakeConnection")
@Description("A Snowflake account. Its compute warehouse is warehouseName: the field warehouse is the kind of warehouse, as on every Connection.")
public final class SnowflakeConnection implements Connection {

    private final WarehouseConnection row;

    SnowflakeConnection(WarehouseConnection row) {
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
    public String getAccount() {
        return row.getAccount();
    }

    @NonNull
    public String getDatabase() {
        return row.getDatabaseName();
    }

    @NonNull
    @Description("The Snowflake virtual warehouse that runs the queries (the input field snowflake.warehouse).")
    public String getWarehouseName() {
        return row.getWarehouseName();
    }

    public String getRole() {
        return row.getRoleName();
    }

    public boolean isClientSessionKeepAlive() {
        return Boolean.TRUE.equals(row.getClientSessionKeepAlive());
    }
}
