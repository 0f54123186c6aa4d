package dev.envplane.connection;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.adapter.AdapterType;
import dev.envplane.api.PageInfo;
import dev.envplane.api.PageRequest;

/** A page of connections as a Relay connection; {@code totalCount} is only counted when asked for. */
@Type("ConnectionConnection")
@Description("A page of warehouse connections, ordered by name.")
public class ConnectionConnection {

    private final List<ConnectionEdge> edges;
    private final PageInfo pageInfo;
    private final AdapterType adapterType;

    ConnectionConnection(List<WarehouseConnection> rows, PageRequest page, AdapterType adapterType) {
        PageRequest.Slice<ConnectionEdge> slice = page.slice(rows, ConnectionEdge::new);
        this.edges = slice.edges();
        this.pageInfo = PageInfo.of(slice, ConnectionEdge::getCursor);
        this.adapterType = adapterType;
    }

    public @NonNull List<@NonNull ConnectionEdge> getEdges() {
        return edges;
    }

    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    @Ignore
    AdapterType adapterType() {
        return adapterType;
    }

    @Type("ConnectionEdge")
    public static class ConnectionEdge {

        private final Connection node;
        private final String cursor;

        ConnectionEdge(WarehouseConnection row) {
            this.node = row.view();
            this.cursor = PageRequest.cursor(row.getName(), row.getId());
        }

        public @NonNull Connection getNode() {
            return node;
        }

        public @NonNull String getCursor() {
            return cursor;
        }
    }
}
