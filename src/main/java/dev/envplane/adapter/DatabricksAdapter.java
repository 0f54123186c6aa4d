package dev.envplane.adapter;

import static dev.envplane.adapter.ConnectionColumn.CATALOG;
import static dev.envplane.adapter.ConnectionColumn.HOST;
import static dev.envplane.adapter.ConnectionColumn.HTTP_PATH;
import static dev.envplane.adapter.CredentialColumn.SCHEMA;
import static dev.envplane.adapter.ProfileKey.Source.connection;
import static dev.envplane.adapter.ProfileKey.Source.constant;
import static dev.envplane.adapter.ProfileKey.Source.credentials;
import static dev.envplane.adapter.ProfileKey.Source.override;
import static dev.envplane.adapter.ProfileKey.Source.secret;

import java.util.List;

/** dbt-databricks with a personal access token. */
final class DatabricksAdapter {

    static final Adapter DEFINITION = new Adapter(AdapterType.DATABRICKS, "databricks",
            ConnectionField.of(DatabricksConnectionInput.class)
                    .required("host", DatabricksConnectionInput::host, HOST, Checks::host)
                    .required("httpPath", DatabricksConnectionInput::httpPath, HTTP_PATH, Checks::httpPath)
                    .optional("catalog", DatabricksConnectionInput::catalog, CATALOG, Checks.optional(255))
                    .build(),
            CredentialField.of(DatabricksCredentialsInput.class)
                    .required("schema", DatabricksCredentialsInput::schema, SCHEMA, Checks.text(1, 255))
                    .optional("catalog", DatabricksCredentialsInput::catalog, CredentialColumn.CATALOG, Checks.text(1, 255))
                    .threads(DatabricksCredentialsInput::threads)
                    .secret("token", DatabricksCredentialsInput::token, 4096, true)
                    .build(),
            CredentialsRule.NONE,
            List.of("catalog"),
            // The most specific catalog wins: the environment's credentials, its override, then the connection's.
            List.of(ProfileKey.of("type", constant("databricks")),
                    ProfileKey.of("host", connection("host")),
                    ProfileKey.of("http_path", connection("httpPath")),
                    ProfileKey.of("catalog", credentials("catalog"), override("catalog"), connection("catalog")),
                    ProfileKey.of("schema", credentials("schema")),
                    ProfileKey.of("token", secret("token")),
                    ProfileKey.of("threads", credentials("threads")),
                    ProfileKey.extendedOnly("auth_type"),
                    ProfileKey.extendedOnly("client_id"),
                    ProfileKey.extendedOnly("client_secret"),
                    ProfileKey.extendedOnly("connect_retries"),
                    ProfileKey.extendedOnly("connect_timeout"),
                    ProfileKey.extendedOnly("session_properties")));

    private DatabricksAdapter() {
    }
}
