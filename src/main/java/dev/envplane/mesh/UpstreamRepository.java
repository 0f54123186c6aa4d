package dev.envplane.mesh;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.database.ListConditions;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class UpstreamRepository implements PanacheRepositoryBase<ProjectUpstream, UUID> {

    Uni<List<ProjectUpstream>> findByProjects(Collection<UUID> projectIds) {
        return list(ListConditions.in("projectId", "projectIds", projectIds) + " order by upstreamProjectId",
                Parameters.with("projectIds", ListConditions.value(projectIds)));
    }
}
