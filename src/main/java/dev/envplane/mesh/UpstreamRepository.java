package dev.envplane.mesh;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class UpstreamRepository implements PanacheRepositoryBase<ProjectUpstream, UUID> {

    Uni<List<ProjectUpstream>> findByProjects(Collection<UUID> projectIds) {
        return list("projectId in ?1 order by upstreamProjectId", projectIds);
    }
}
