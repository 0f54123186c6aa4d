package dev.envplane.environment;

import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The names of a project's secret environment variables (DBT_ENV_SECRET_...), which extended attributes may reference,
 * without the environment feature depending on the variables feature. Runs in the caller's session.
 */
public interface SecretVariableNames {

    Uni<Set<String>> of(UUID projectId);
}
