package dev.envplane.target;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.adapter.AdapterType;
import dev.envplane.environment.Environment;

/** Everything a runner needs to run dbt in one environment, with no secret value in it. */
@Type("DeploymentTarget")
@Description("Where and how dbt runs for one environment, ready to execute: a profiles.yml, the git ref, the environment "
        + "variables to set and where each secret is in Vault. It never holds a secret value.")
public record DeploymentTarget(
        @NonNull Environment environment,
        @NonNull @Description("The profile name in profiles.yml (and the `profile:` of dbt_project.yml): the project's "
                + "name in lowercase, other characters as _.") String profileName,
        @NonNull @Description("dbt's target.name: dbt build --target <targetName>.") String targetName,
        @Description("Null until the environment has a connection.") AdapterType adapterType,
        int threads,
        @NonNull String dbtVersion,
        @NonNull GitTarget git,
        @NonNull @Description("Every key of the dbt target, with where its value comes from.") List<@NonNull ProfileField> fields,
        @NonNull @Description("The secrets the profile reads, and where each is in Vault.") List<@NonNull SecretLocation> secrets,
        @NonNull List<@NonNull TargetVariable> environmentVariables,
        @NonNull @Description("Every environment variable a runner must set for the profile and the project to work.")
        List<@NonNull String> requiredEnvironmentVariables,
        @NonNull @Description("What the target still lacks to run: connection, credentials; empty when ready.")
        List<@NonNull String> missing,
        @NonNull @Description("A profiles.yml dbt accepts, every secret as {{ env_var('...') }}.") String profilesYml,
        @NonNull @Description("SHA-256 of everything above and the secret versions: a runner can cache by it and detect drift.")
        String fingerprint) {
}
