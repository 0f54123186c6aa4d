package dev.envplane.connection;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateConnectionInput")
@Description("A name and exactly one warehouse block: the block chooses the warehouse, which never changes afterwards.")
public record CreateConnectionInput(
        @NonNull @Description("Unique, 1 to 100 characters after trimming.") String name,
        PostgresConnectionInput postgres,
        RedshiftConnectionInput redshift,
        SnowflakeConnectionInput snowflake,
        BigQueryConnectionInput bigquery,
        SparkConnectionInput spark,
        DatabricksConnectionInput databricks) {
}
