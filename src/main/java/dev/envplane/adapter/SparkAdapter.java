package dev.envplane.adapter;

import static dev.envplane.adapter.ConnectionColumn.CLUSTER;
import static dev.envplane.adapter.ConnectionColumn.HOST;
import static dev.envplane.adapter.ConnectionColumn.METHOD;
import static dev.envplane.adapter.ConnectionColumn.PORT;
import static dev.envplane.adapter.CredentialColumn.SCHEMA;
import static dev.envplane.adapter.ProfileKey.Source.connection;
import static dev.envplane.adapter.ProfileKey.Source.constant;
import static dev.envplane.adapter.ProfileKey.Source.credentials;
import static dev.envplane.adapter.ProfileKey.Source.secret;

import java.util.List;

/** dbt-spark. */
final class SparkAdapter {

    static final Adapter DEFINITION = new Adapter(AdapterType.SPARK, "spark",
            ConnectionField.of(SparkConnectionInput.class)
                    .required("host", SparkConnectionInput::host, HOST, Checks::host)
                    .defaulted("port", SparkConnectionInput::port, PORT, 443, Checks::port)
                    .required("cluster", SparkConnectionInput::cluster, CLUSTER, Checks.text(1, 255))
                    .required("method", SparkConnectionInput::method, METHOD, Check.AS_GIVEN)
                    .build(),
            CredentialField.of(SparkCredentialsInput.class)
                    .required("schema", SparkCredentialsInput::schema, SCHEMA, Checks.text(1, 255))
                    .threads(SparkCredentialsInput::threads)
                    .secret("token", SparkCredentialsInput::token, 4096, true)
                    .build(),
            CredentialsRule.NONE,
            List.of(),
            List.of(ProfileKey.of("type", constant("spark")),
                    ProfileKey.dbtName("method", connection("method")),
                    ProfileKey.of("host", connection("host")),
                    ProfileKey.of("port", connection("port")),
                    ProfileKey.of("cluster", connection("cluster")),
                    ProfileKey.of("token", secret("token")),
                    ProfileKey.of("schema", credentials("schema")),
                    ProfileKey.of("threads", credentials("threads")),
                    ProfileKey.extendedOnly("user"),
                    ProfileKey.extendedOnly("organization"),
                    ProfileKey.extendedOnly("connect_retries"),
                    ProfileKey.extendedOnly("connect_timeout"),
                    ProfileKey.extendedOnly("server_side_parameters"),
                    ProfileKey.extendedOnly("driver"),
                    ProfileKey.extendedOnly("endpoint"),
                    ProfileKey.extendedOnly("auth"),
                    ProfileKey.extendedOnly("kerberos_service_name"),
                    ProfileKey.extendedOnly("use_ssl")));

    private SparkAdapter() {
    }
}
