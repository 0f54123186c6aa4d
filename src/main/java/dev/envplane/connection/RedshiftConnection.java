package dev.envplane.connection;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL output type, built from the entity; holds no secret value. */
@Type("RedshiftConnection")
@Description("An Amazon Redshift cluster.")
public final class RedshiftConnection extends ConnectionView implements Connection {

    RedshiftConnection(WarehouseConnection row) {
        super(row);
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
