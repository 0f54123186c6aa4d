package dev.envplane.adapter;

/** The columns of {@code environment_credentials} that hold non-secret fields; a {@link CredentialField} names its one. */
public enum CredentialColumn {
    AUTH_METHOD,
    USERNAME,
    SCHEMA,
    DATASET,
    CATALOG,
    THREADS
}
