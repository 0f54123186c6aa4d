package dev.envplane.audit;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.api.PageInfo;
import dev.envplane.api.PageRequest;

/** A page of audit events as a Relay connection, newest first. */
@Type("AuditEventConnection")
@Description("A page of audit events, newest first.")
public class AuditEventConnection {

    private final List<AuditEventEdge> edges;
    private final PageInfo pageInfo;

    AuditEventConnection(List<AuditEvent> rows, PageRequest page) {
        PageRequest.Slice<AuditEventEdge> slice = page.slice(rows, AuditEventEdge::new);
        this.edges = slice.edges();
        this.pageInfo = PageInfo.of(slice, AuditEventEdge::getCursor);
    }

    public @NonNull List<@NonNull AuditEventEdge> getEdges() {
        return edges;
    }

    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    @Type("AuditEventEdge")
    public static class AuditEventEdge {

        private final AuditEvent node;

        AuditEventEdge(AuditEvent node) {
            this.node = node;
        }

        public @NonNull AuditEvent getNode() {
            return node;
        }

        /** PageRequest's (name, id) cursor, with the time in the name's place: events are ordered by (time, id). */
        public @NonNull String getCursor() {
            return PageRequest.cursor(node.occurredAt().toString(), node.id());
        }
    }
}
