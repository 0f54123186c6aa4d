package dev.envplane.connection;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.adapter.BigQueryAdapter;

/** GraphQL output type, built from the entity; holds no secret value. */
@Type("BigQueryConnection")
@Description("A Google BigQuery project, reached with a service-account key kept in the secret store.")
public final class BigQueryConnection extends ConnectionView implements Connection {

    BigQueryConnection(WarehouseConnection row) {
        super(row);
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
        return row.getSecrets().has(BigQueryAdapter.SERVICE_ACCOUNT_KEY);
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
