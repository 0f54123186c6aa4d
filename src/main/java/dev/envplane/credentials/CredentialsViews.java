package dev.envplane.credentials;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.adapter.AdapterType;
import dev.envplane.adapter.AuthMethod;

/** Each adapter's output type of {@link Credentials}, built from the stored row; a new adapter adds its type here. */
final class CredentialsViews {

    private static final Map<AdapterType, BiFunction<Common, EnvironmentCredentials, Credentials>> TYPES = new EnumMap<>(Map.of(
            AdapterType.POSTGRES, (c, row) -> new PostgresCredentials(c, row.username, row.schema, row.secrets().has("password")),
            AdapterType.REDSHIFT, (c, row) -> new RedshiftCredentials(c, row.username, row.schema, row.secrets().has("password")),
            AdapterType.SNOWFLAKE, (c, row) -> new SnowflakeCredentials(c, row.authMethod, row.username, row.schema,
                    row.secrets().has("password"), row.secrets().has("privateKey"), row.secrets().has("privateKeyPassphrase")),
            AdapterType.BIGQUERY, (c, row) -> new BigQueryCredentials(c, row.dataset),
            AdapterType.SPARK, (c, row) -> new SparkCredentials(c, row.schema, row.secrets().has("token")),
            AdapterType.DATABRICKS, (c, row) -> new DatabricksCredentials(c, row.schema, row.catalog, row.secrets().has("token"))));

    static {
        if (TYPES.size() != AdapterType.values().length) {
            throw new IllegalStateException("Every AdapterType needs a Credentials output type in CredentialsViews");
        }
    }

    private CredentialsViews() {
    }

    static Credentials of(EnvironmentCredentials row) {
        return TYPES.get(row.adapterType()).apply(new Common(row), row);
    }

    /** The fields every type shares, from the row. */
    record Common(AdapterType adapterType, int threads, Integer secretVersion, Instant secretsUpdatedAt, Instant createdAt,
            Instant updatedAt, int version) {
        Common(EnvironmentCredentials row) {
            this(row.adapterType(), row.threads, row.secrets().version() == 0 ? null : row.secrets().version(),
                    row.secrets().updatedAt(), row.getCreatedAt(), row.getUpdatedAt(), row.getVersion());
        }
    }

    /** The shared getters; only the concrete types implement Credentials, so no extra GraphQL type appears. */
    abstract static class Base {
        private final Common common;

        Base(Common common) {
            this.common = common;
        }

        @NonNull
        public AdapterType getAdapterType() {
            return common.adapterType();
        }

        public int getThreads() {
            return common.threads();
        }

        public Integer getSecretVersion() {
            return common.secretVersion();
        }

        public Instant getSecretsUpdatedAt() {
            return common.secretsUpdatedAt();
        }

        @NonNull
        public Instant getCreatedAt() {
            return common.createdAt();
        }

        @NonNull
        public Instant getUpdatedAt() {
            return common.updatedAt();
        }

        public int getVersion() {
            return common.version();
        }
    }

    @Type("PostgresCredentials")
    public static class PostgresCredentials extends Base implements Credentials {
        private final String username;
        private final String schema;
        private final boolean passwordSet;

        PostgresCredentials(Common common, String username, String schema, boolean passwordSet) {
            super(common);
            this.username = username;
            this.schema = schema;
            this.passwordSet = passwordSet;
        }

        public String getUsername() {
            return username;
        }

        public String getSchema() {
            return schema;
        }

        public boolean isPasswordSet() {
            return passwordSet;
        }
    }

    @Type("RedshiftCredentials")
    public static class RedshiftCredentials extends PostgresCredentials implements Credentials { // SmallRye needs the interface declared here too
        RedshiftCredentials(Common common, String username, String schema, boolean passwordSet) {
            super(common, username, schema, passwordSet);
        }
    }

    @Type("SnowflakeCredentials")
    public static class SnowflakeCredentials extends Base implements Credentials {
        private final AuthMethod authMethod;
        private final String username;
        private final String schema;
        private final boolean passwordSet;
        private final boolean privateKeySet;
        private final boolean privateKeyPassphraseSet;

        SnowflakeCredentials(Common common, AuthMethod authMethod, String username, String schema, boolean passwordSet,
                boolean privateKeySet, boolean privateKeyPassphraseSet) {
            super(common);
            this.authMethod = authMethod;
            this.username = username;
            this.schema = schema;
            this.passwordSet = passwordSet;
            this.privateKeySet = privateKeySet;
            this.privateKeyPassphraseSet = privateKeyPassphraseSet;
        }

        public AuthMethod getAuthMethod() {
            return authMethod;
        }

        public String getUsername() {
            return username;
        }

        public String getSchema() {
            return schema;
        }

        public boolean isPasswordSet() {
            return passwordSet;
        }

        public boolean isPrivateKeySet() {
            return privateKeySet;
        }

        public boolean isPrivateKeyPassphraseSet() {
            return privateKeyPassphraseSet;
        }
    }

    @Type("BigQueryCredentials")
    public static class BigQueryCredentials extends Base implements Credentials {
        private final String dataset;

        BigQueryCredentials(Common common, String dataset) {
            super(common);
            this.dataset = dataset;
        }

        public String getDataset() {
            return dataset;
        }
    }

    @Type("SparkCredentials")
    public static class SparkCredentials extends Base implements Credentials {
        private final String schema;
        private final boolean tokenSet;

        SparkCredentials(Common common, String schema, boolean tokenSet) {
            super(common);
            this.schema = schema;
            this.tokenSet = tokenSet;
        }

        public String getSchema() {
            return schema;
        }

        public boolean isTokenSet() {
            return tokenSet;
        }
    }

    @Type("DatabricksCredentials")
    public static class DatabricksCredentials extends SparkCredentials implements Credentials {
        private final String catalog;

        DatabricksCredentials(Common common, String schema, String catalog, boolean tokenSet) {
            super(common, schema, tokenSet);
            this.catalog = catalog;
        }

        public String getCatalog() {
            return catalog;
        }
    }
}
