package dev.envplane.connection;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL output type, built from the entity; holds no secret value. */
@Type("SnowflakeConnection")
@Description("A Snowflake account, with the virtual warehouse that runs the queries.")
public final class SnowflakeConnection extends ConnectionView implements Connection {

    SnowflakeConnection(WarehouseConnection row) {
        super(row);
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
    @Description("The Snowflake virtual warehouse that runs the queries.")
    public String getWarehouse() {
        return row.getWarehouseName();
    }

    public String getRole() {
        return row.getRoleName();
    }

    public boolean isClientSessionKeepAlive() {
        return Boolean.TRUE.equals(row.getClientSessionKeepAlive());
    }
}
