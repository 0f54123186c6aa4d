package dev.envplane.environment;

import dev.envplane.deletion.Deletion;
import io.smallrye.mutiny.Uni;

/**
 * Lets what hangs off an environment (its credentials, ...) clean up inside the deletion's transaction, without
 * the environment feature depending on it. A failure rolls the deletion back.
 */
public interface EnvironmentDeletionHook {

    /** Records in {@code deletion} what goes with the environment, and removes it unless {@code deletion.dryRun()}. */
    Uni<Void> beforeDelete(Environment environment, Deletion deletion);
}
