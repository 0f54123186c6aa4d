package dev.envplane.job;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.envplane.api.PageRequest;
import dev.envplane.database.ListConditions;
import dev.envplane.database.PrimaryKeys;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<Job, UUID> {

    /** One page ordered by (name, id), keyset after the cursor's pair. */
    Uni<List<Job>> page(JobFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter.appendTo(where, params);
        if (page.hasAfter()) {
            where.append(" and (name > :afterName or (name = :afterName and id > :afterId))");
            params.and("afterName", page.afterName()).and("afterId", page.afterId());
        }
        return find(where + " order by name, id", params).page(0, page.fetchSize()).list();
    }

    Uni<Long> count(JobFilter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter.appendTo(where, params);
        return count(where.toString(), params);
    }

    Uni<List<Job>> findByEnvironments(Collection<UUID> environmentIds) {
        return list(ListConditions.in("environmentId", "environmentIds", environmentIds) + " order by name, id",
                Parameters.with("environmentIds", ListConditions.value(environmentIds)));
    }

    public Uni<List<Job>> findByIds(Collection<UUID> ids) {
        return PrimaryKeys.find(Job.class, ids);
    }

    /** The jobs, row-locked in {@code mode} until the caller's transaction ends; ordered by id, so lockers never deadlock. */
    Uni<List<Job>> lockByIds(Collection<UUID> ids, LockModeType mode) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : find("id in ?1 order by id", ids).withLock(mode).list();
    }

    Uni<List<Job>> lockByEnvironment(UUID environmentId) {
        return find("environmentId = ?1 order by id", environmentId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
