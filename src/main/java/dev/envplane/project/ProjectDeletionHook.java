package dev.envplane.project;

import java.util.UUID;

import dev.envplane.deletion.Deletion;
import io.smallrye.mutiny.Uni;

/**
 * Lets features that hang off a project (environments, ...) refuse or clean up a project's deletion, inside its
 * transaction, without the project feature depending on them.
 */
public interface ProjectDeletionHook {

    /**
     * Fails to refuse the deletion; with {@code force} removes what depends on the project instead, recording it in
     * {@code deletion} (and only recording it when {@code deletion.dryRun()}).
     */
    Uni<Void> beforeDelete(UUID projectId, String projectName, boolean force, Deletion deletion);
}
