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
import io.smallrye.graphql.api.OneOf;

/** One block per adapter, named as the adapter's block; the schema (@oneOf) and the service both insist on one. */
@Input("CreateConnectionInput")
@OneOf
@Description("Exactly one adapter block: it chooses the connection's adapterType, which never changes afterwards.")
public record CreateConnectionInput(
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
