package dev.envplane.connection;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL output type, built from the entity; holds no secret value. */
@Type("DatabricksConnection")
@Description("A Databricks SQL warehouse or cluster.")
public final class DatabricksConnection extends ConnectionView implements Connection {

    DatabricksConnection(WarehouseConnection row) {
        super(row);
    }

    @NonNull
    public String getHost() {
        return row.getHost();
    }

    @NonNull
    public String getHttpPath() {
        return row.getHttpPath();
    }

    public String getCatalog() {
        return row.getCatalog();
    }
}
