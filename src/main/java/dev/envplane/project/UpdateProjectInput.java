package dev.envplane.project;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Fields left out (null) keep their value; an empty description, repositoryUrl or dbtProjectSubdirectory clears it. */
@Input("UpdateProjectInput")
@Description("Fields left out keep their value; an empty description, repositoryUrl or dbtProjectSubdirectory clears it.")
public record UpdateProjectInput(String name, String description, String repositoryUrl, String defaultBranch,
        String dbtProjectSubdirectory) {
}
