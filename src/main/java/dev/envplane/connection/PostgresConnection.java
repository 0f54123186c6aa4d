package dev.envplane.connection;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.adapter.SslMode;

/** GraphQL output type, built from the entity; holds no secret value. */
@Type("PostgresConnection")
@Description("A PostgreSQL database.")
public final class PostgresConnection extends ConnectionView implements Connection {

    PostgresConnection(WarehouseConnection row) {
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

    @NonNull
    public SslMode getSslMode() {
        return row.getSslMode();
    }
}
