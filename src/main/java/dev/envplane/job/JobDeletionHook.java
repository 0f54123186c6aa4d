package dev.envplane.job;

import java.util.List;

import dev.envplane.deletion.Deletion;
import io.smallrye.mutiny.Uni;

/**
 * Lets what hangs off a job (its variable values, ...) go first, inside the deletion's transaction, without the job
 * feature depending on it. Called by deleteJob and by an environment's (or project's) deletion, with the job rows
 * locked, so nothing can be attached to them meanwhile.
 */
public interface JobDeletionHook {

    /** Records in {@code deletion} what goes with the jobs, and removes it unless {@code deletion.dryRun()}. */
    Uni<Void> beforeDelete(List<Job> jobs, Deletion deletion);
}
