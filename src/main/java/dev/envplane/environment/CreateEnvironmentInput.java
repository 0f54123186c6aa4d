package dev.envplane.environment;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateEnvironmentInput")
public record CreateEnvironmentInput(
        @NonNull @Id String projectId,
        @NonNull @Description("Unique within the project, 1 to 100 characters.") String name,
        @NonNull EnvironmentType type,
        @Description("Deployment environments only; GENERAL when left out.") DeploymentType deploymentType,
        @Description("latest (default), compatible, extended, fallback, X.Y or X.Y.0-latest") String dbtVersion,
        @Description("Run customBranch instead of the project's default branch; requires customBranch.") Boolean useCustomBranch,
        @Description("A git branch name, such as staging; requires useCustomBranch.") String customBranch,
        @Id @Description("The warehouse connection this environment runs against.") String connectionId,
        ConnectionOverridesInput connectionOverrides) {
}
