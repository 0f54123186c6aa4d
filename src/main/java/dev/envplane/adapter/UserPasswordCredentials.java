package dev.envplane.adapter;

import static dev.envplane.adapter.CredentialColumn.SCHEMA;
import static dev.envplane.adapter.CredentialColumn.USERNAME;

import java.util.List;

/** The credentials Postgres and Redshift share: a user, its password, a schema. */
final class UserPasswordCredentials {

    static final int MAX_PASSWORD = 1024;

    static final List<CredentialField> FIELDS = CredentialField.of(PostgresCredentialsInput.class)
            .required("username", PostgresCredentialsInput::username, USERNAME, Checks.text(1, 255))
            .required("schema", PostgresCredentialsInput::schema, SCHEMA, Checks.text(1, 255))
            .threads(PostgresCredentialsInput::threads)
            .secret("password", PostgresCredentialsInput::password, MAX_PASSWORD, true)
            .build();

    private UserPasswordCredentials() {
    }
}
