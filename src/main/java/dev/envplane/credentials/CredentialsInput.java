package dev.envplane.credentials;

import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import dev.envplane.api.ValidationException;

/**
 * Exactly one block, named after the warehouse of the environment's connection. Secret fields are write-only:
 * left out, they keep their value; {@code clearSecrets} removes them. The records' toString never prints a secret.
 */
@Input("CredentialsInput")
@Description("Exactly one block, named after the environment's warehouse. Secrets left out keep their value; "
        + "clearSecrets removes them explicitly.")
public record CredentialsInput(
        PostgresCredentialsInput postgres,
        PostgresCredentialsInput redshift,
        SnowflakeCredentialsInput snowflake,
        BigQueryCredentialsInput bigquery,
        SparkCredentialsInput spark,
        DatabricksCredentialsInput databricks,
        List<CredentialSecret> clearSecrets) {

    /** The one block given, by name; VALIDATION unless there is exactly one. */
    String blockName() {
        List<String> given = Stream.of(postgres == null ? null : "postgres", redshift == null ? null : "redshift",
                snowflake == null ? null : "snowflake", bigquery == null ? null : "bigquery", spark == null ? null : "spark",
                databricks == null ? null : "databricks").filter(name -> name != null).toList();
        if (given.size() != 1) {
            throw new ValidationException("input", "Give exactly one block: postgres, redshift, snowflake, bigquery, spark or databricks");
        }
        return given.get(0);
    }

    @Input("PostgresCredentialsInput")
    @Description("For postgres and redshift blocks.")
    public record PostgresCredentialsInput(String username, String password, String schema, Integer threads) {
        @Override
        public String toString() {
            return "PostgresCredentialsInput[username=" + username + ", schema=" + schema + ", threads=" + threads + "]";
        }
    }

    @Input("SnowflakeCredentialsInput")
    public record SnowflakeCredentialsInput(AuthMethod authMethod, String username, String password,
            @Description("PEM-encoded PKCS#8 private key (BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)") String privateKey,
            @Description("Only for an encrypted private key") String privateKeyPassphrase, String schema, Integer threads) {
        @Override
        public String toString() {
            return "SnowflakeCredentialsInput[authMethod=" + authMethod + ", username=" + username + ", schema=" + schema + "]";
        }
    }

    @Input("BigQueryCredentialsInput")
    @Description("The service account key lives on the BigQuery connection.")
    public record BigQueryCredentialsInput(String dataset, Integer threads) {
    }

    @Input("SparkCredentialsInput")
    public record SparkCredentialsInput(String token, String schema, Integer threads) {
        @Override
        public String toString() {
            return "SparkCredentialsInput[schema=" + schema + ", threads=" + threads + "]";
        }
    }

    @Input("DatabricksCredentialsInput")
    public record DatabricksCredentialsInput(String token, String schema, String catalog, Integer threads) {
        @Override
        public String toString() {
            return "DatabricksCredentialsInput[schema=" + schema + ", catalog=" + catalog + ", threads=" + threads + "]";
        }
    }
}
