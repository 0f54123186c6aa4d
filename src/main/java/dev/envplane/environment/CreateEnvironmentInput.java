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
        @Description("A release track: latest (default), compatible, extended, fallback, latest-fusion, fusion-latest, "
                + "fusion-compatible, fusion-extended, fusion-fallback; or a minor version X.Y, X.Y.0-latest, X.Y.0-pre") String dbtVersion,
        @Description("dbt's target.name for runs here; default \"default\".") String targetName,
        @Description("Run customBranch instead of the project's default branch; requires customBranch.") Boolean useCustomBranch,
        @Description("A git branch name, such as staging; requires useCustomBranch.") String customBranch,
        @Id @Description("The warehouse connection this environment runs against.") String connectionId,
        ConnectionOverridesInput connectionOverrides,
        @Description("dbt profile keys as YAML, overriding the resolved target: top-level keys the adapter's profile knows; "
                + "a secret key only as {{ env_var('DBT_ENV_SECRET_...') }} naming a secret variable of the project.")
        String extendedAttributes,
        @Description("Defer to another environment of the project (dbt --defer --state).") DeferToInput deferTo) {
}
