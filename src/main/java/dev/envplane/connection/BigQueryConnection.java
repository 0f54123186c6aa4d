package dev.envplane.connection;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL output type, built from the entity; holds no secret value. */
@Type("BigQueryConnection")
@Description("A Google BigQuery project, reached with a service-account key kept in the secret store.")
public final class BigQueryConnection implements Connection {

    private final WarehouseConnection row;

    BigQueryConnection(WarehouseConnection row) {
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
    public String getGcpProjectId() {
        return row.getGcpProjectId();
    }

    public String getLocation() {
        return row.getLocation();
    }

    @Description("Whether a service-account key is stored. The key itself is never shown.")
    public boolean isServiceAccountKeySet() {
        return row.getSecrets().has(ConnectionSettings.SERVICE_ACCOUNT_KEY);
    }

    @Description("The secret store version of the key; increases when the key is rotated.")
    public Integer getSecretVersion() {
        return row.getSecrets().version() == 0 ? null : row.getSecrets().version();
    }

    @Description("When the key was last written.")
    public Instant getSecretsUpdatedAt() {
        return row.getSecrets().updatedAt();
    }
}
