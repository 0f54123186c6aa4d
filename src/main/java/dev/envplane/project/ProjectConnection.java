package dev.envplane.project;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.api.PageInfo;
import dev.envplane.api.PageRequest;

/** A page of projects as a Relay connection; {@code totalCount} is only counted when asked for. */
@Type("ProjectConnection")
@Description("A page of projects, ordered by name.")
public class ProjectConnection {

    private final List<ProjectEdge> edges;
    private final PageInfo pageInfo;
    private final String nameContains;

    ProjectConnection(List<Project> rows, PageRequest page, String nameContains) {
        PageRequest.Slice<ProjectEdge> slice = page.slice(rows, ProjectEdge::new);
        this.edges = slice.edges();
        this.pageInfo = PageInfo.of(slice, ProjectEdge::getCursor);
        this.nameContains = nameContains;
    }

    public @NonNull List<@NonNull ProjectEdge> getEdges() {
        return edges;
    }

    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    @Ignore
    String nameContains() {
        return nameContains;
    }

    @Type("ProjectEdge")
    public static class ProjectEdge {

        private final Project node;

        ProjectEdge(Project node) {
            this.node = node;
        }

        public @NonNull Project getNode() {
            return node;
        }

        public @NonNull String getCursor() {
            return PageRequest.cursor(node.getName(), node.getId());
        }
    }
}
