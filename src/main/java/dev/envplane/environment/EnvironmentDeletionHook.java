package dev.envplane.environment;

import io.smallrye.mutiny.Uni;

/**
 * Lets what hangs off an environment (its credentials, ...) clean up inside the deletion's transaction, without
 * the environment feature depending on it. A failure rolls the deletion back.
 */
public interface EnvironmentDeletionHook {

    Uni<Void> beforeDelete(Environment environment);
}
