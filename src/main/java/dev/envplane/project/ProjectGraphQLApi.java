package dev.envplane.project;

import dev.envplane.access.Permissions;
import io.quarkus.security.PermissionsAllowed;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;


import dev.envplane.api.Batches;
import dev.envplane.api.Ids;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.PageRequest;
import dev.envplane.api.SessionBoundary;
import dev.envplane.deletion.DeletionReport;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@MapsErrors
@SessionBoundary
public class ProjectGraphQLApi {

    private final ProjectService service;
    private final Context graphql;

    ProjectGraphQLApi(ProjectService service, Context graphql) {
        this.service = service;
        this.graphql = graphql;
    }

    @PermissionsAllowed(Permissions.READ)
    @Query("project")
    @Description("A project by id, or null.")
    public Uni<Project> project(@NonNull @Id String id) {
        return service.findById(Ids.parse("id", id));
    }

    @PermissionsAllowed(Permissions.READ)
    @Query("projectByName")
    @Description("A project by its exact name, or null.")
    public Uni<Project> projectByName(@NonNull String name) {
        return service.findByName(name);
    }

    @PermissionsAllowed(Permissions.READ)
    @Query("projects")
    @Description("Projects ordered by name, a page at a time (first: 0 to 100, default 20).")
    public Uni<@NonNull ProjectConnection> projects(Integer first, String after,
            @Description("Case-insensitive part of the name.") String nameContains) {
        PageRequest page = PageRequest.of(first, after);
        return service.page(nameContains, page).map(rows -> new ProjectConnection(rows, page, nameContains));
    }

    @Description("How many projects match the filter, across all pages.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull Integer> totalCount(@Source ProjectConnection connection) {
        return Batches.loadEach(graphql, "ProjectConnection.totalCount",
                new NameFilter(connection.nameContains()), filter -> service.count(filter.nameContains()).map(Long::intValue));
    }

    /** The count's batch key: a page's filter (aliases may ask for several). */
    private record NameFilter(String nameContains) {
    }

    @PermissionsAllowed(Permissions.ADMIN)
    @Mutation("createProject")
    public Uni<@NonNull Project> createProject(@NonNull CreateProjectInput input) {
        return service.create(input);
    }

    @PermissionsAllowed(Permissions.ADMIN)
    @Mutation("updateProject")
    public Uni<@NonNull Project> updateProject(@NonNull @Id String id, @NonNull UpdateProjectInput input) {
        return service.update(Ids.parse("id", id), input);
    }

    @PermissionsAllowed(Permissions.ADMIN)
    @Mutation("deleteProject")
    @Description("Deletes a project with everything under it and reports what went. Refused while it has environments "
            + "unless force is true. With dryRun: true, changes nothing and reports what would go.")
    public Uni<@NonNull DeletionReport> deleteProject(@NonNull @Id String id, @Name("force") @DefaultValue("false") Boolean force,
            @Name("dryRun") @DefaultValue("false") Boolean dryRun) {
        return service.delete(Ids.parse("id", id), Boolean.TRUE.equals(force), Boolean.TRUE.equals(dryRun));
    }
}
