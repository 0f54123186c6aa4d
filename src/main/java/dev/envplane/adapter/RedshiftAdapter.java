package dev.envplane.adapter;

import static dev.envplane.adapter.ConnectionColumn.DBNAME;
import static dev.envplane.adapter.ConnectionColumn.HOST;
import static dev.envplane.adapter.ConnectionColumn.PORT;
import static dev.envplane.adapter.ProfileKey.Source.connection;
import static dev.envplane.adapter.ProfileKey.Source.constant;
import static dev.envplane.adapter.ProfileKey.Source.credentials;
import static dev.envplane.adapter.ProfileKey.Source.secret;

import java.util.List;

/** dbt-redshift, with database-user (password) authentication. */
final class RedshiftAdapter {

    static final Adapter DEFINITION = new Adapter(AdapterType.REDSHIFT, "redshift",
            ConnectionField.of(RedshiftConnectionInput.class)
                    .required("host", RedshiftConnectionInput::host, HOST, Checks::host)
                    .defaulted("port", RedshiftConnectionInput::port, PORT, 5439, Checks::port)
                    .required("dbname", RedshiftConnectionInput::dbname, DBNAME, Checks.text(1, 255))
                    .build(),
            UserPasswordCredentials.FIELDS,
            CredentialsRule.NONE,
            List.of(),
            List.of(ProfileKey.of("type", constant("redshift")),
                    ProfileKey.of("host", connection("host")),
                    ProfileKey.of("port", connection("port")),
                    ProfileKey.of("user", credentials("username")),
                    ProfileKey.of("password", secret("password")),
                    ProfileKey.of("dbname", connection("dbname")),
                    ProfileKey.of("schema", credentials("schema")),
                    ProfileKey.of("threads", credentials("threads")),
                    // dbt-redshift's own default; envplane does not store a Redshift sslmode yet
                    ProfileKey.of("sslmode", constant("prefer")),
                    ProfileKey.extendedOnly("method"),
                    ProfileKey.extendedOnly("cluster_id"),
                    ProfileKey.extendedOnly("iam_profile"),
                    ProfileKey.extendedOnly("region"),
                    ProfileKey.extendedOnly("keepalives_idle"),
                    ProfileKey.extendedOnly("connect_timeout"),
                    ProfileKey.extendedOnly("retries"),
                    ProfileKey.extendedOnly("ra3_node"),
                    ProfileKey.extendedOnly("autocommit"),
                    ProfileKey.extendedOnly("autocreate"),
                    ProfileKey.extendedOnly("db_groups"),
                    ProfileKey.extendedOnly("role")));

    private RedshiftAdapter() {
    }
}
