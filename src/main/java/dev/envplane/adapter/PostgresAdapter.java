package dev.envplane.adapter;

import static dev.envplane.adapter.ConnectionColumn.DBNAME;
import static dev.envplane.adapter.ConnectionColumn.HOST;
import static dev.envplane.adapter.ConnectionColumn.PORT;
import static dev.envplane.adapter.ConnectionColumn.SSL_MODE;
import static dev.envplane.adapter.ProfileKey.Source.connection;
import static dev.envplane.adapter.ProfileKey.Source.constant;
import static dev.envplane.adapter.ProfileKey.Source.credentials;
import static dev.envplane.adapter.ProfileKey.Source.secret;

import java.util.List;

/** dbt-postgres. */
final class PostgresAdapter {

    static final Adapter DEFINITION = new Adapter(AdapterType.POSTGRES, "postgres",
            ConnectionField.of(PostgresConnectionInput.class)
                    .required("host", PostgresConnectionInput::host, HOST, Checks::host)
                    .defaulted("port", PostgresConnectionInput::port, PORT, 5432, Checks::port)
                    .required("dbname", PostgresConnectionInput::dbname, DBNAME, Checks.text(1, 255))
                    .defaulted("sslMode", PostgresConnectionInput::sslMode, SSL_MODE, SslMode.PREFER, Check.AS_GIVEN)
                    .build(),
            UserPasswordCredentials.FIELDS,
            CredentialsRule.NONE,
            List.of(),
            List.of(ProfileKey.of("type", constant("postgres")),
                    ProfileKey.of("host", connection("host")),
                    ProfileKey.of("port", connection("port")),
                    ProfileKey.of("user", credentials("username")),
                    ProfileKey.of("password", secret("password")),
                    ProfileKey.of("dbname", connection("dbname")),
                    ProfileKey.of("schema", credentials("schema")),
                    ProfileKey.of("threads", credentials("threads")),
                    ProfileKey.dbtName("sslmode", connection("sslMode")),
                    ProfileKey.extendedOnly("keepalives_idle"),
                    ProfileKey.extendedOnly("connect_timeout"),
                    ProfileKey.extendedOnly("retries"),
                    ProfileKey.extendedOnly("search_path"),
                    ProfileKey.extendedOnly("role"),
                    ProfileKey.extendedOnly("sslcert"),
                    ProfileKey.extendedOnly("sslkey"),
                    ProfileKey.extendedOnly("sslrootcert"),
                    ProfileKey.extendedOnly("application_name")));

    private PostgresAdapter() {
    }
}
