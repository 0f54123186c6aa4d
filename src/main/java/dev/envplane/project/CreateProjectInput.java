package dev.envplane.project;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateProjectInput")
public record CreateProjectInput(
        @NonNull @Description("Unique, 1 to 100 characters after trimming.") String name,
        String description,
        @Description("https://host/org/repo.git or git@host:org/repo.git") String repositoryUrl,
        @DefaultValue("main") String defaultBranch,
        @Description("Where dbt_project.yml lives inside the repository, e.g. transform/analytics; left out: the root.")
        String dbtProjectSubdirectory) {
}
