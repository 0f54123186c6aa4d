package dev.envplane.connection;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.api.Batches;
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

    @Query("connection")
    @Description("A warehouse connection by id, or null.")
    public Uni<Connection> connection(@NonNull @Id String id) {
        return service.findById(Ids.parse("id", id));
    }

    @Query("connections")
    @Description("Warehouse connections ordered by name, a page at a time (first: 0 to 100, default 20).")
    public Uni<@NonNull ConnectionConnection> connections(Integer first, String after,
            @Description("Only connections to this kind of warehouse.") Warehouse warehouse) {
        PageRequest page = PageRequest.of(first, after);
        return service.page(warehouse, page).map(rows -> new ConnectionConnection(rows, page, warehouse));
    }

    @Description("How many connections match the filter, across all pages.")
    public Uni<@NonNull Integer> totalCount(@Source ConnectionConnection connection) {
        return Batches.loadEach(graphql, "ConnectionConnection.totalCount",
                new WarehouseFilter(connection.warehouse()), filter -> service.count(filter.warehouse()).map(Long::intValue));
    }

    /** The count's batch key: a page's filter (aliases may ask for several). */
    private record WarehouseFilter(Warehouse warehouse) {
    }

    @Mutation("createConnection")
    @Description("Creates a connection; exactly one warehouse block chooses its warehouse. Secrets go to the secret store only.")
    public Uni<@NonNull Connection> createConnection(@NonNull CreateConnectionInput input) {
        return service.create(input);
    }

    @Mutation("updateConnection")
    @Description("Changes a connection. With expectedVersion, refuses (STALE_VERSION) if someone changed it since.")
    public Uni<@NonNull Connection> updateConnection(@NonNull @Id String id, @NonNull UpdateConnectionInput input, Integer expectedVersion) {
        return service.update(Ids.parse("id", id), input, expectedVersion);
    }

    @Mutation("deleteConnection")
    @Description("Deletes a connection and returns it as it was; its secrets are destroyed. Refused while environments use it.")
    public Uni<@NonNull Connection> deleteConnection(@NonNull @Id String id) {
        return service.delete(Ids.parse("id", id));
    }
}
