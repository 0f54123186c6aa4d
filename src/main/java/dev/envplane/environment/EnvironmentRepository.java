package dev.envplane.environment;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.database.ListConditions;
import dev.envplane.database.PrimaryKeys;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EnvironmentRepository implements PanacheRepositoryBase<Environment, UUID> {

    /** Environments of many projects in one query, optionally filtered; ordered by name. */
    public Uni<List<Environment>> findByProjects(Collection<UUID> projectIds, EnvironmentType type, DeploymentType deploymentType) {
        StringBuilder query = new StringBuilder(ListConditions.in("projectId", "projectIds", projectIds));
        Parameters params = Parameters.with("projectIds", ListConditions.value(projectIds));
        if (type != null) {
            query.append(" and type = :type");
            params.and("type", type);
        }
        if (deploymentType != null) {
            query.append(" and deploymentType = :deploymentType");
            params.and("deploymentType", deploymentType);
        }
        return list(query + " order by name, id", params);
    }

    public Uni<List<Environment>> findByIds(Collection<UUID> ids) {
        return PrimaryKeys.find(Environment.class, ids);
    }

    public Uni<Environment> findProduction(UUID projectId) {
        return findDeployment(projectId, DeploymentType.PRODUCTION);
    }

    /** The project's PRODUCTION or STAGING environment (each place has at most one holder). */
    public Uni<Environment> findDeployment(UUID projectId, DeploymentType place) {
        return find("projectId = ?1 and deploymentType = ?2", projectId, place).firstResult();
    }

    public Uni<Environment> findDevelopment(UUID projectId) {
        return find("projectId = ?1 and type = ?2", projectId, EnvironmentType.DEVELOPMENT).firstResult();
    }


    /** "project / environment" for every environment on the connection. */
    public Uni<List<String>> describeUsersOf(UUID connectionId) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select p.name || ' / ' || e.name from Environment e, Project p where p.id = e.projectId and e.connectionId = :id"
                        + " order by p.name, e.name", String.class)
                .setParameter("id", connectionId).getResultList());
    }

    public Uni<List<Environment>> findByProject(UUID projectId) {
        return list("projectId", projectId);
    }
}
