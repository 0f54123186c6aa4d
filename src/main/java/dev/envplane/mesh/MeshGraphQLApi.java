package dev.envplane.mesh;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.access.Permissions;
import dev.envplane.api.Batches;
import dev.envplane.api.Ids;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.SessionBoundary;
import dev.envplane.project.Project;
import dev.envplane.project.ProjectService;
import dev.envplane.target.DeploymentTarget;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Cross-project references (dbt Mesh): a project's upstreams and where a target's references resolve. */
@GraphQLApi
@MapsErrors
@SessionBoundary
public class MeshGraphQLApi {

    private final UpstreamService service;
    private final ProjectService projects;
    private final Context graphql;

    MeshGraphQLApi(UpstreamService service, ProjectService projects, Context graphql) {
        this.service = service;
        this.projects = projects;
        this.graphql = graphql;
    }

    @Mutation("setUpstreamProjects")
    @PermissionsAllowed(Permissions.ADMIN)
    @Description("Replaces the projects this project references (dbt Mesh). Refuses itself, unknown projects and cycles.")
    public Uni<@NonNull List<@NonNull ProjectUpstream>> setUpstreamProjects(@NonNull @Id String projectId,
            @NonNull List<@NonNull UpstreamInput> upstreams) {
        return service.set(Ids.parse("projectId", projectId), upstreams);
    }

    @Description("The projects this project references, with the edge's settings.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull List<@NonNull ProjectUpstream>> upstreams(@Source Project project) {
        return Batches.loadList(graphql, "Project.upstreams", project.getId(), service::findByProjects);
    }

    @Description("The upstream project.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull Project> project(@Source ProjectUpstream upstream) {
        return Batches.load(graphql, "ProjectUpstream.project", upstream.getUpstreamProjectId(), projects::findByIds);
    }

    @Description("For each upstream project (by name), the environment cross-project references read and where its models "
            + "are built. NOT_FOUND on upstream names the upstream lacking the environment the rules require.")
    @PermissionsAllowed(Permissions.READ_TARGET_DETAILS)
    public Uni<@NonNull List<@NonNull UpstreamTarget>> upstream(@Source DeploymentTarget target) {
        return Batches.load(graphql, "DeploymentTarget.upstream", UpstreamService.Key.of(target.environment()), service::resolve)
                .map(outcome -> {
                    if (outcome.failure() != null) {
                        throw outcome.failure();
                    }
                    return outcome.upstream();
                });
    }
}
