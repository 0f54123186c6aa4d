package dev.envplane.target;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("GitTarget")
@Description("What to check out: the repository, the branch (the environment's custom branch, else the project's "
        + "default branch) and where dbt_project.yml lives in it.")
public record GitTarget(String repositoryUrl, @NonNull String ref, String subdirectory) {
}
