package dev.envplane.variable;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.database.ListConditions;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class VariableRepository implements PanacheRepositoryBase<EnvironmentVariable, UUID> {

    Uni<List<EnvironmentVariable>> findByProject(UUID projectId) {
        return list("projectId", projectId);
    }

    /** Every listed project's variables with their values (a variable without values comes with null), in one statement. */
    Uni<List<Object[]>> withValuesByProjects(Collection<UUID> projectIds) {
        return getSession().chain(session -> session.createSelectionQuery("select v, val from EnvironmentVariable v "
                + "left join VariableValue val on val.variableId = v.id where " + ListConditions.in("v.projectId", "projectIds", projectIds)
                + " order by v.name, v.id", Object[].class)
                .setParameter("projectIds", ListConditions.value(projectIds)).getResultList());
    }
}
