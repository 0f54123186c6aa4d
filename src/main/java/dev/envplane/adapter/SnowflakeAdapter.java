package dev.envplane.adapter;

import static dev.envplane.adapter.ConnectionColumn.ACCOUNT;
import static dev.envplane.adapter.ConnectionColumn.CLIENT_SESSION_KEEP_ALIVE;
import static dev.envplane.adapter.ConnectionColumn.DATABASE_NAME;
import static dev.envplane.adapter.ConnectionColumn.ROLE_NAME;
import static dev.envplane.adapter.ConnectionColumn.WAREHOUSE_NAME;
import static dev.envplane.adapter.CredentialColumn.AUTH_METHOD;
import static dev.envplane.adapter.CredentialColumn.SCHEMA;
import static dev.envplane.adapter.CredentialColumn.USERNAME;
import static dev.envplane.adapter.ProfileKey.Source.connection;
import static dev.envplane.adapter.ProfileKey.Source.constant;
import static dev.envplane.adapter.ProfileKey.Source.credentials;
import static dev.envplane.adapter.ProfileKey.Source.override;
import static dev.envplane.adapter.ProfileKey.Source.secret;

import java.util.List;
import java.util.regex.Pattern;

import dev.envplane.api.ValidationException;

/** dbt-snowflake, with password or key-pair authentication. */
final class SnowflakeAdapter {

    static final String PASSWORD = "password";
    static final String PRIVATE_KEY = "privateKey";
    static final String PASSPHRASE = "privateKeyPassphrase";
    private static final int MAX_PASSWORD = 1024;
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    static final Adapter DEFINITION = new Adapter(AdapterType.SNOWFLAKE, "snowflake",
            ConnectionField.of(SnowflakeConnectionInput.class)
                    .required("account", SnowflakeConnectionInput::account, ACCOUNT,
                            Checks.matching(ACCOUNT_NAME, "letters, digits, dots, underscores and hyphens (at most 255)"))
                    .required("database", SnowflakeConnectionInput::database, DATABASE_NAME, Checks.text(1, 255))
                    .required("warehouse", SnowflakeConnectionInput::warehouse, WAREHOUSE_NAME, Checks.text(1, 255))
                    .optional("role", SnowflakeConnectionInput::role, ROLE_NAME, Checks.optional(255))
                    .defaulted("clientSessionKeepAlive", SnowflakeConnectionInput::clientSessionKeepAlive, CLIENT_SESSION_KEEP_ALIVE,
                            false, Check.AS_GIVEN)
                    .build(),
            CredentialField.of(SnowflakeCredentialsInput.class)
                    .defaulted("authMethod", SnowflakeCredentialsInput::authMethod, AUTH_METHOD, AuthMethod.PASSWORD, Check.AS_GIVEN)
                    .required("username", SnowflakeCredentialsInput::username, USERNAME, Checks.text(1, 255))
                    .required("schema", SnowflakeCredentialsInput::schema, SCHEMA, Checks.text(1, 255))
                    .threads(SnowflakeCredentialsInput::threads)
                    .secret(PASSWORD, SnowflakeCredentialsInput::password, MAX_PASSWORD, true, AuthMethod.PASSWORD)
                    .secret(PRIVATE_KEY, SnowflakeCredentialsInput::privateKey, 16_384, true, AuthMethod.KEY_PAIR)
                    .secret(PASSPHRASE, SnowflakeCredentialsInput::privateKeyPassphrase, MAX_PASSWORD, false,
                            AuthMethod.KEY_PAIR)
                    .build(),
            SnowflakeAdapter::keyPair,
            List.of("role", "database", "warehouse"),
            List.of(ProfileKey.of("type", constant("snowflake")),
                    ProfileKey.of("account", connection("account")),
                    ProfileKey.of("user", credentials("username")),
                    ProfileKey.of("role", override("role"), connection("role")),
                    ProfileKey.of("database", override("database"), connection("database")),
                    ProfileKey.of("warehouse", override("warehouse"), connection("warehouse")),
                    ProfileKey.of("schema", credentials("schema")),
                    ProfileKey.of("threads", credentials("threads")),
                    ProfileKey.of("password", secret(PASSWORD)),
                    ProfileKey.of("private_key", secret(PRIVATE_KEY)),
                    ProfileKey.of("private_key_passphrase", secret(PASSPHRASE)),
                    ProfileKey.of("client_session_keep_alive", connection("clientSessionKeepAlive")),
                    ProfileKey.extendedOnly("authenticator"),
                    ProfileKey.extendedOnly("private_key_path"),
                    ProfileKey.extendedOnly("query_tag"),
                    ProfileKey.extendedOnly("connect_retries"),
                    ProfileKey.extendedOnly("connect_timeout"),
                    ProfileKey.extendedOnly("retry_on_database_errors"),
                    ProfileKey.extendedOnly("retry_all"),
                    ProfileKey.extendedOnly("reuse_connections"),
                    ProfileKey.extendedOnly("host"),
                    ProfileKey.extendedOnly("port"),
                    ProfileKey.extendedOnly("protocol"),
                    ProfileKey.extendedOnly("insecure_mode")));

    private SnowflakeAdapter() {
    }

    /** A new private key decides whether a passphrase belongs with it: only an encrypted key takes one. */
    private static void keyPair(String block, SecretPlan secrets) {
        if (secrets.given(PRIVATE_KEY) == null) {
            return;
        }
        String field = block + "." + PASSPHRASE;
        boolean encrypted = PrivateKeys.check(secrets.given(PRIVATE_KEY));
        if (encrypted && !secrets.willHave(PASSPHRASE)) {
            throw new ValidationException(field, "privateKeyPassphrase is required for an encrypted private key");
        }
        if (!encrypted && secrets.given(PASSPHRASE) != null) {
            throw new ValidationException(field, "privateKeyPassphrase is only for an encrypted private key");
        }
        if (!encrypted) {
            secrets.drop(PASSPHRASE);
        }
    }
}
