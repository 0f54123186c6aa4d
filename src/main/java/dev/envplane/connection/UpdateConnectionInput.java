package dev.envplane.connection;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("UpdateConnectionInput")
@Description("Fields left out keep their value. At most one block, and only the block of the connection's own warehouse: "
        + "a connection's warehouse never changes.")
public record UpdateConnectionInput(
        String name,
        PostgresConnectionInput postgres,
        RedshiftConnectionInput redshift,
        SnowflakeConnectionInput snowflake,
        BigQueryConnectionInput bigquery,
        SparkConnectionInput spark,
        DatabricksConnectionInput databricks) {
}
