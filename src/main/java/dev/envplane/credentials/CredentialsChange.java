package dev.envplane.credentials;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.envplane.api.ValidationException;
import dev.envplane.connection.Warehouse;
import dev.envplane.secrets.Secret;
import dev.envplane.validation.Fields;

/**
 * One validated change of an environment's credentials: the non-secret fields as they will be, and which secrets
 * to set or remove in Vault. Fields left out keep their stored value; required ones must end up present.
 */
record CredentialsChange(AuthMethod authMethod, String username, String schema, String dataset, String catalog, int threads,
        Map<String, Secret> set, Set<String> remove) {

    static final int DEFAULT_THREADS = 4;
    private static final int MAX_SECRET = 1024;
    private static final int MAX_TOKEN = 4096;
    private static final int MAX_PRIVATE_KEY = 16384;

    static CredentialsChange of(CredentialsInput input, Warehouse warehouse, EnvironmentCredentials stored) {
        String block = input.blockName();
        if (!block.equals(blockOf(warehouse))) {
            throw new ValidationException(block, "This environment's connection is " + warehouse + ": give a " + blockOf(warehouse)
                    + " block");
        }
        Builder change = new Builder(block, stored, input.clearSecrets());
        switch (warehouse) {
            case POSTGRES, REDSHIFT -> {
                CredentialsInput.PostgresCredentialsInput in = warehouse == Warehouse.POSTGRES ? input.postgres() : input.redshift();
                change.common(in.username(), in.schema(), in.threads()).secret("password", in.password(), MAX_SECRET, true);
            }
            case SNOWFLAKE -> snowflake(change, input.snowflake(), stored);
            case BIGQUERY -> {
                change.threads(input.bigquery().threads());
                change.dataset = change.required("dataset", Fields.trimmed(block + ".dataset", input.bigquery().dataset(), 1, 1024),
                        stored == null ? null : stored.dataset);
            }
            case SPARK -> change.schema(input.spark().schema(), input.spark().threads())
                    .secret("token", input.spark().token(), MAX_TOKEN, true);
            case DATABRICKS -> {
                change.schema(input.databricks().schema(), input.databricks().threads())
                        .secret("token", input.databricks().token(), MAX_TOKEN, true);
                String catalog = Fields.trimmed(block + ".catalog", input.databricks().catalog(), 1, 255);
                change.catalog = catalog != null ? catalog : stored == null ? null : stored.catalog;
            }
        }
        return change.build();
    }

    private static void snowflake(Builder change, CredentialsInput.SnowflakeCredentialsInput in, EnvironmentCredentials stored) {
        AuthMethod method = in.authMethod() != null ? in.authMethod() : stored != null && stored.authMethod != null ? stored.authMethod : AuthMethod.PASSWORD;
        change.authMethod = method;
        change.common(in.username(), in.schema(), in.threads());
        if (method == AuthMethod.PASSWORD) {
            change.refuse("privateKey", in.privateKey(), "privateKey is for authMethod KEY_PAIR")
                    .refuse("privateKeyPassphrase", in.privateKeyPassphrase(), "privateKeyPassphrase is for authMethod KEY_PAIR")
                    .secret("password", in.password(), MAX_SECRET, true)
                    .drop("privateKey").drop("privateKeyPassphrase");
            return;
        }
        change.refuse("password", in.password(), "password is for authMethod PASSWORD").drop("password")
                .secret("privateKey", in.privateKey(), MAX_PRIVATE_KEY, true)
                .secret("privateKeyPassphrase", in.privateKeyPassphrase(), MAX_SECRET, false);
        if (in.privateKey() != null) {
            boolean encrypted = PrivateKeys.check(Secret.of(in.privateKey()));
            if (encrypted && !change.willHave("privateKeyPassphrase")) {
                throw new ValidationException("snowflake.privateKeyPassphrase", "privateKeyPassphrase is required for an encrypted private key");
            }
            if (!encrypted && in.privateKeyPassphrase() != null) {
                throw new ValidationException("snowflake.privateKeyPassphrase", "privateKeyPassphrase is only for an encrypted private key");
            }
            if (!encrypted) {
                change.drop("privateKeyPassphrase");
            }
        }
    }

    static String blockOf(Warehouse warehouse) {
        return warehouse.name().toLowerCase();
    }

    void applyTo(EnvironmentCredentials credentials) {
        credentials.authMethod = authMethod;
        credentials.username = username;
        credentials.schema = schema;
        credentials.dataset = dataset;
        credentials.catalog = catalog;
        credentials.threads = threads;
    }

    private static final class Builder {
        private final String block;
        private final EnvironmentCredentials stored;
        private final Set<String> storedKeys;
        private final Set<String> clear = new HashSet<>();
        private final Set<String> allowed = new HashSet<>();
        private final Map<String, Secret> set = new HashMap<>();
        private final Set<String> remove = new HashSet<>();
        private AuthMethod authMethod;
        private String username;
        private String schema;
        private String dataset;
        private String catalog;
        private int threads;

        Builder(String block, EnvironmentCredentials stored, List<CredentialSecret> clearSecrets) {
            this.block = block;
            this.stored = stored;
            this.storedKeys = stored == null ? Set.of() : stored.secrets().keys();
            if (clearSecrets != null) {
                clearSecrets.forEach(secret -> clear.add(secret.key()));
            }
        }

        Builder common(String username, String schema, Integer threads) {
            this.username = required("username", Fields.trimmed(block + ".username", username, 1, 255), stored == null ? null : stored.username);
            return schema(schema, threads);
        }

        Builder schema(String schema, Integer threads) {
            this.schema = required("schema", Fields.trimmed(block + ".schema", schema, 1, 255), stored == null ? null : stored.schema);
            threads(threads);
            return this;
        }

        void threads(Integer threads) {
            this.threads = threads != null ? Fields.range(block + ".threads", threads, 1, 64)
                    : stored != null ? stored.threads : DEFAULT_THREADS;
        }

        String required(String field, String given, String kept) {
            if (given != null) {
                return given;
            }
            if (kept == null) {
                throw new ValidationException(block + "." + field, field + " is required");
            }
            return kept;
        }

        Builder refuse(String field, String value, String message) {
            if (value != null) {
                throw new ValidationException(block + "." + field, message);
            }
            return this;
        }

        Builder secret(String key, String value, int maxLength, boolean required) {
            allowed.add(key);
            if (value != null) {
                if (value.isEmpty() || value.length() > maxLength) {
                    throw new ValidationException(block + "." + key, key + " must be 1 to " + maxLength + " characters");
                }
                if (clear.contains(key)) {
                    throw new ValidationException("clearSecrets", key + " cannot be both set and cleared");
                }
                set.put(key, Secret.of(value));
            } else if (clear.contains(key)) {
                remove.add(key);
            }
            if (required && !willHave(key)) {
                throw new ValidationException(block + "." + key, key + " is required");
            }
            return this;
        }

        /** A secret the chosen method does not use: removed if stored. */
        Builder drop(String key) {
            if (storedKeys.contains(key) && !set.containsKey(key)) {
                remove.add(key);
            }
            return this;
        }

        boolean willHave(String key) {
            return set.containsKey(key) || (storedKeys.contains(key) && !remove.contains(key) && !clear.contains(key));
        }

        CredentialsChange build() {
            for (String key : clear) {
                if (!allowed.contains(key)) {
                    throw new ValidationException("clearSecrets", key + " is not a secret of these credentials");
                }
            }
            return new CredentialsChange(authMethod, username, schema, dataset, catalog, threads, Map.copyOf(set), Set.copyOf(remove));
        }
    }
}
