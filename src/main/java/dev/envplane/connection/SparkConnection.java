package dev.envplane.connection;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.adapter.SparkMethod;

/** GraphQL output type, built from the entity; holds no secret value. */
@Type("SparkConnection")
@Description("An Apache Spark cluster.")
public final class SparkConnection extends ConnectionView implements Connection {

    SparkConnection(WarehouseConnection row) {
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
    public String getCluster() {
        return row.getCluster();
    }

    @NonNull
    public SparkMethod getMethod() {
        return row.getMethod();
    }
}
