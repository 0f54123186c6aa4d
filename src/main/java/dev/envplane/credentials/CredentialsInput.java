package dev.envplane.credentials;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;

import dev.envplane.adapter.BigQueryCredentialsInput;
import dev.envplane.adapter.DatabricksCredentialsInput;
import dev.envplane.adapter.PostgresCredentialsInput;
import dev.envplane.adapter.SnowflakeCredentialsInput;
import dev.envplane.adapter.SparkCredentialsInput;
import dev.envplane.api.ValidationException;
import io.smallrye.graphql.api.OneOf;

/**
 * Exactly one block, named after the adapter of the environment's connection. Secret fields are write-only: left
 * out, they keep their value; the mutation's {@code clearSecrets} argument removes them. No block prints a secret.
 */
@Input("CredentialsInput")
@OneOf
@Description("Exactly one block, named after the environment's adapter. Secrets left out keep their value; "
        + "the clearSecrets argument removes them explicitly.")
public record CredentialsInput(
        PostgresCredentialsInput postgres,
        PostgresCredentialsInput redshift,
        SnowflakeCredentialsInput snowflake,
        BigQueryCredentialsInput bigquery,
        SparkCredentialsInput spark,
        DatabricksCredentialsInput databricks) {

    /** The one block given: its name and value. The schema's @oneOf asks the same; this answers clients that skip it. */
    @Ignore
    Map.Entry<String, Object> block() {
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, "postgres", postgres);
        put(given, "redshift", redshift);
        put(given, "snowflake", snowflake);
        put(given, "bigquery", bigquery);
        put(given, "spark", spark);
        put(given, "databricks", databricks);
        if (given.size() != 1) {
            throw new ValidationException("input", "Give exactly one block: postgres, redshift, snowflake, bigquery, spark or databricks");
        }
        return given.entrySet().iterator().next();
    }

    private static void put(Map<String, Object> given, String name, Object block) {
        if (block != null) {
            given.put(name, block);
        }
    }
}
