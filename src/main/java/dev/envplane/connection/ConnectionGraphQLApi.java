package dev.envplane.connection;

import dev.envplane.access.Permissions;
import io.quarkus.security.PermissionsAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.api.Batches;
import dev.envplane.adapter.AdapterType;
import dev.envplane.api.Ids;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.PageRequest;
import dev.envplane.api.SessionBoundary;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Warehouse connections: account-level, reusable by many environments. */
@GraphQLApi
@MapsErrors
@SessionBoundary
public class ConnectionGraphQLApi {

    private final ConnectionService service;
    private final Context graphql;

    ConnectionGraphQLApi(ConnectionService service, Context graphql) {
        this.service = service;
        this.graphql = graphql;
    }

    @PermissionsAllowed(Permissions.READ)
    @Query("connection")
    @Description("A warehouse connection by id, or null.")
    public Uni<Connection> connection(@NonNull @Id String id) {
        return service.findById(Ids.parse("id", id));
    }

    @PermissionsAllowed(Permissions.READ)
    @Query("connections")
    @Description("Warehouse connections ordered by name, a page at a time (first: 0 to 100, default 20).")
    public Uni<@NonNull ConnectionConnection> connections(Integer first, String after,
            @Description("Only connections for this adapter.") AdapterType adapterType) {
        PageRequest page = PageRequest.of(first, after);
        return service.page(adapterType, page).map(rows -> new ConnectionConnection(rows, page, adapterType));
    }

    @Description("How many connections match the filter, across all pages.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull Integer> totalCount(@Source ConnectionConnection connection) {
        return Batches.loadEach(graphql, "ConnectionConnection.totalCount",
                new AdapterFilter(connection.adapterType()), filter -> service.count(filter.adapterType()).map(Long::intValue));
    }

    /** The count's batch key: a page's filter (aliases may ask for several). */
    private record AdapterFilter(AdapterType adapterType) {
    }

    @PermissionsAllowed(Permissions.ADMIN)
    @Mutation("createConnection")
    @Description("Creates a connection; the one adapter block of input chooses its adapterType. Secrets go to the secret store only.")
    public Uni<@NonNull Connection> createConnection(@NonNull @Description("Unique, 1 to 100 characters after trimming.") String name,
            @NonNull CreateConnectionInput input) {
        return service.create(name, input);
    }

    @PermissionsAllowed(Permissions.ADMIN)
    @Mutation("updateConnection")
    @Description("Changes a connection. With expectedVersion, refuses (STALE_VERSION) if someone changed it since.")
    public Uni<@NonNull Connection> updateConnection(@NonNull @Id String id, @NonNull UpdateConnectionInput input, Integer expectedVersion) {
        return service.update(Ids.parse("id", id), input, expectedVersion);
    }

    @PermissionsAllowed(Permissions.ADMIN)
    @Mutation("deleteConnection")
    @Description("Deletes a connection and returns it as it was; its secrets are destroyed. Refused while environments use it.")
    public Uni<@NonNull Connection> deleteConnection(@NonNull @Id String id) {
        return service.delete(Ids.parse("id", id));
    }
}
