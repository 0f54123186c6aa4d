package dev.envplane.job;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.api.PageInfo;
import dev.envplane.api.PageRequest;

/** A page of jobs as a Relay connection; {@code totalCount} is only counted when asked for. */
@Type("JobConnection")
@Description("A page of jobs, ordered by name.")
public class JobConnection {

    private final List<JobEdge> edges;
    private final PageInfo pageInfo;
    private final JobFilter filter;

    JobConnection(List<Job> rows, PageRequest page, JobFilter filter) {
        PageRequest.Slice<JobEdge> slice = page.slice(rows, JobEdge::new);
        this.edges = slice.edges();
        this.pageInfo = PageInfo.of(slice, JobEdge::getCursor);
        this.filter = filter;
    }

    public @NonNull List<@NonNull JobEdge> getEdges() {
        return edges;
    }

    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    @Ignore
    JobFilter filter() {
        return filter;
    }

    @Type("JobEdge")
    public static class JobEdge {

        private final Job node;

        JobEdge(Job node) {
            this.node = node;
        }

        public @NonNull Job getNode() {
            return node;
        }

        public @NonNull String getCursor() {
            return PageRequest.cursor(node.getName(), node.getId());
        }
    }
}
