package dev.envplane.variable;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.database.ListConditions;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class VariableValueRepository implements PanacheRepositoryBase<VariableValue, UUID> {

    Uni<List<VariableValue>> findByVariables(Collection<UUID> variableIds) {
        return variableIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("variableId in ?1", variableIds);
    }

    Uni<List<VariableValue>> findByEnvironment(UUID environmentId) {
        return list("environmentId", environmentId);
    }

    Uni<List<VariableValue>> findByJobs(Collection<UUID> jobIds) {
        return jobIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("jobId in ?1", jobIds);
    }

    Uni<List<VariableValue>> findByProject(UUID projectId) {
        return list("variableId in (select v.id from EnvironmentVariable v where v.projectId = ?1)", projectId);
    }

    /**
     * For each listed environment, every value that can apply to it (its own and its project's defaults), with the
     * variable: rows of {environment id, EnvironmentVariable, VariableValue}, in one statement.
     */
    Uni<List<Object[]>> candidatesFor(Collection<UUID> environmentIds) {
        return getSession().chain(session -> session.createSelectionQuery("select e.id, v, val from Environment e "
                + "join EnvironmentVariable v on v.projectId = e.projectId "
                + "join VariableValue val on val.variableId = v.id and (val.environmentId = e.id or val.scope = :projectDefault) "
                + "where " + ListConditions.in("e.id", "environmentIds", environmentIds) + " order by v.name", Object[].class)
                .setParameter("projectDefault", VariableScope.PROJECT_DEFAULT)
                .setParameter("environmentIds", ListConditions.value(environmentIds)).getResultList());
    }

    /**
     * For each listed job, every value that can apply to it (its own, its environment's and its project's defaults),
     * with the variable: rows of {job id, EnvironmentVariable, VariableValue}, in one statement.
     */
    Uni<List<Object[]>> candidatesForJobs(Collection<UUID> jobIds) {
        return getSession().chain(session -> session.createSelectionQuery("select j.id, v, val from Job j "
                + "join EnvironmentVariable v on v.projectId = j.projectId "
                + "join VariableValue val on val.variableId = v.id "
                + "and (val.jobId = j.id or val.environmentId = j.environmentId or val.scope = :projectDefault) "
                + "where " + ListConditions.in("j.id", "jobIds", jobIds) + " order by v.name", Object[].class)
                .setParameter("projectDefault", VariableScope.PROJECT_DEFAULT)
                .setParameter("jobIds", ListConditions.value(jobIds)).getResultList());
    }

    Uni<Void> deleteAll(Collection<VariableValue> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : delete("id in ?1", rows.stream().map(row -> row.id()).toList()).replaceWithVoid();
    }
}
