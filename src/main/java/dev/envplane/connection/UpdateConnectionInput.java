package dev.envplane.connection;

import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;

import dev.envplane.adapter.BigQueryConnectionInput;
import dev.envplane.adapter.DatabricksConnectionInput;
import dev.envplane.adapter.PostgresConnectionInput;
import dev.envplane.adapter.RedshiftConnectionInput;
import dev.envplane.adapter.SnowflakeConnectionInput;
import dev.envplane.adapter.SparkConnectionInput;

@Input("UpdateConnectionInput")
@Description("Fields left out keep their value. At most one block, and only the block of the connection's own adapter: "
        + "a connection's adapterType never changes.")
public record UpdateConnectionInput(
        String name,
        PostgresConnectionInput postgres,
        RedshiftConnectionInput redshift,
        SnowflakeConnectionInput snowflake,
        BigQueryConnectionInput bigquery,
        SparkConnectionInput spark,
        DatabricksConnectionInput databricks) {

    @Ignore
    Map<String, Object> blocks() {
        return ConnectionSettings.given("postgres", postgres, "redshift", redshift, "snowflake", snowflake, "bigquery", bigquery,
                "spark", spark, "databricks", databricks);
    }
}
