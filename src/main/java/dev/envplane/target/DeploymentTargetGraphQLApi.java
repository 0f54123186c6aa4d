package dev.envplane.target;

import dev.envplane.access.Permissions;
import io.quarkus.security.PermissionsAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.api.Batches;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.SessionBoundary;
import dev.envplane.environment.Environment;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** What integrations come for: where and how dbt runs for the staging or production environment of a project. */
@GraphQLApi
@MapsErrors
@SessionBoundary
public class DeploymentTargetGraphQLApi {

    private final DeploymentTargetService service;
    private final Context graphql;

    DeploymentTargetGraphQLApi(DeploymentTargetService service, Context graphql) {
        this.service = service;
        this.graphql = graphql;
    }

    @PermissionsAllowed(Permissions.READ_TARGET)
    @Query("deploymentTarget")
    @Description("The ready-to-run target of one environment of a project, e.g. project: {name: \"analytics\"}, "
            + "environment: {deploymentType: STAGING}. NOT_FOUND names the environments the project has.")
    public Uni<@NonNull DeploymentTarget> deploymentTarget(@NonNull ProjectRef project, @NonNull EnvironmentRef environment) {
        return service.find(project, environment);
    }

    @Description("This environment's ready-to-run target (the same object deploymentTarget returns).")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull DeploymentTarget> target(@Source Environment environment) {
        return Batches.load(graphql, "Environment.target", environment.getId(), service::resolve);
    }
}
