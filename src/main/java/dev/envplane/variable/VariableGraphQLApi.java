package dev.envplane.variable;

import dev.envplane.access.Permissions;
import io.quarkus.security.PermissionsAllowed;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.api.Batches;
import dev.envplane.api.Ids;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.SessionBoundary;
import dev.envplane.environment.Environment;
import dev.envplane.job.Job;
import dev.envplane.project.Project;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Environment variables: their mutations and the variable fields of Project, Environment and Job (one statement per level). */
@GraphQLApi
@MapsErrors
@SessionBoundary
public class VariableGraphQLApi {

    private final VariableService service;
    private final Context graphql;

    VariableGraphQLApi(VariableService service, Context graphql) {
        this.service = service;
        this.graphql = graphql;
    }

    @PermissionsAllowed(Permissions.CREATE_VARIABLE)
    @Mutation("createEnvironmentVariable")
    @Description("Creates a variable of a project, optionally with its project default and per-environment values. A name the "
            + "project has is a CONFLICT; a deleted variable's name can be used again at once.")
    public Uni<@NonNull EnvironmentVariableView> createEnvironmentVariable(@NonNull CreateEnvironmentVariableInput input) {
        return service.create(input);
    }

    @PermissionsAllowed(Permissions.WRITE_VARIABLE_VALUES)
    @Mutation("setEnvironmentVariableValues")
    @Description("Sets or clears many values of a project's variables at once (project defaults, environments' and jobs' "
            + "values), atomically: every entry is checked before anything is written, and a failure anywhere (Vault included) changes nothing. Returns the variables touched, by name.")
    public Uni<@NonNull List<@NonNull EnvironmentVariableView>> setEnvironmentVariableValues(@NonNull @Id String projectId,
            @NonNull List<@NonNull VariableValueInput> values) {
        return service.setValues(Ids.parse("projectId", projectId), values);
    }

    @PermissionsAllowed(Permissions.ADMIN)
    @Mutation("deleteEnvironmentVariable")
    @Description("Deletes a variable with every value; secret values are destroyed in Vault. Returns it as it was.")
    public Uni<@NonNull EnvironmentVariableView> deleteEnvironmentVariable(@NonNull @Id String id) {
        return service.delete(Ids.parse("id", id));
    }

    @Description("The project's environment variables ordered by name, each with its project default and per-environment "
            + "values. At most 500 per project, so this is a plain list.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull List<@NonNull EnvironmentVariableView>> environmentVariables(@Source Project project) {
        return Batches.loadList(graphql, "Project.environmentVariables", project.getId(), service::findByProjects);
    }

    @Description("The variables that apply to this environment, ordered by name: its own value where it has one, else the "
            + "project default. Secret values show only their Vault version.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull List<@NonNull ResolvedVariable>> environmentVariables(@Source Environment environment) {
        return Batches.loadList(graphql, "Environment.environmentVariables", environment.getId(), service::resolve);
    }

    @Description("The variables that apply to this job's runs, ordered by name: the job's own value where it has one, else its "
            + "environment's, else the project default. Secret values show only their Vault version.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull List<@NonNull ResolvedVariable>> environmentVariables(@Source Job job) {
        return Batches.loadList(graphql, "Job.environmentVariables", job.getId(), service::resolveJobs);
    }
}
