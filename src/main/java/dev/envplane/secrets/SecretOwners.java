package dev.envplane.secrets;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Implemented by each feature that stores {@link SecretReference}s, so reconciliation can compare what the database
 * references with what Vault holds without the secrets package knowing the features' tables.
 */
public interface SecretOwners {

    /** Every reference the feature's rows hold that points at a Vault path. Runs in the caller's session. */
    Uni<List<SecretReference>> secretReferences();
}
