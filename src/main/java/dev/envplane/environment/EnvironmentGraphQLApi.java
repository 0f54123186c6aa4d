package dev.envplane.environment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.api.Ids;
import dev.envplane.api.MapsErrors;
import dev.envplane.connection.Connection;
import dev.envplane.connection.ConnectionService;
import dev.envplane.project.Project;
import dev.envplane.project.ProjectService;
import io.smallrye.mutiny.Uni;

/** Environment queries and mutations, plus the environment fields of Project; nested lists load in one query per level. */
@GraphQLApi
@MapsErrors
public class EnvironmentGraphQLApi {

    private final EnvironmentService service;
    private final ProjectService projects;
    private final ConnectionService connections;

    EnvironmentGraphQLApi(EnvironmentService service, ProjectService projects, ConnectionService connections) {
        this.service = service;
        this.projects = projects;
        this.connections = connections;
    }

    @Query("environment")
    @Description("An environment by id, or null.")
    public Uni<Environment> environment(@NonNull @Id String id) {
        return service.findById(Ids.parse("id", id));
    }

    @Mutation("createEnvironment")
    public Uni<@NonNull Environment> createEnvironment(@NonNull CreateEnvironmentInput input) {
        return service.create(input);
    }

    @Mutation("updateEnvironment")
    @Description("Changes an environment. With expectedVersion, refuses (STALE_VERSION) if someone changed it since.")
    public Uni<@NonNull Environment> updateEnvironment(@NonNull @Id String id, @NonNull UpdateEnvironmentInput input, Integer expectedVersion) {
        return service.update(Ids.parse("id", id), input, expectedVersion);
    }

    @Mutation("promoteToProduction")
    @Description("Makes this deployment environment the project's PRODUCTION one; the previous one becomes GENERAL.")
    public Uni<@NonNull Environment> promoteToProduction(@NonNull @Id String environmentId) {
        return service.promoteToProduction(Ids.parse("environmentId", environmentId));
    }

    @Mutation("deleteEnvironment")
    @Description("Deletes an environment and returns it as it was.")
    public Uni<@NonNull Environment> deleteEnvironment(@NonNull @Id String id) {
        return service.delete(Ids.parse("id", id));
    }

    @Description("The project's environments ordered by name, optionally filtered.")
    public Uni<List<@NonNull List<@NonNull Environment>>> environments(@Source List<Project> projects, EnvironmentType type,
            DeploymentType deploymentType) {
        List<UUID> ids = projects.stream().map(Project::getId).toList();
        return service.findByProjects(ids, type, deploymentType)
                .map(byProject -> ids.stream().map(id -> byProject.getOrDefault(id, List.of())).toList());
    }

    @Description("The project's PRODUCTION environment, or null.")
    public Uni<List<Environment>> productionEnvironment(@Source List<Project> projects) {
        List<UUID> ids = projects.stream().map(Project::getId).toList();
        return service.findProductionByProjects(ids).map(byProject -> ids.stream().map(byProject::get).toList());
    }

    @Description("The warehouse connection this environment runs against, or null.")
    public Uni<List<Connection>> connection(@Source List<Environment> environments) {
        List<UUID> ids = environments.stream().map(Environment::getConnectionId).toList();
        return connections.findByIdsAsMap(ids.stream().filter(Objects::nonNull).distinct().toList()).map(byId -> ids.stream().map(id -> id == null ? null : byId.get(id)).toList());
    }

    @Description("The project this environment belongs to.")
    public Uni<List<@NonNull Project>> project(@Source List<Environment> environments) {
        List<UUID> ids = environments.stream().map(Environment::getProjectId).toList();
        return projects.findByIds(ids.stream().distinct().toList()).map(found -> {
            Map<UUID, Project> byId = found.stream().collect(Collectors.toMap(Project::getId, Function.identity()));
            return ids.stream().map(byId::get).toList();
        });
    }
}
