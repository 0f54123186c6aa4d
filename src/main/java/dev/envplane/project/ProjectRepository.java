package dev.envplane.project;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.api.PageRequest;
import dev.envplane.database.ListConditions;
import dev.envplane.database.PrimaryKeys;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Uni<Project> findByName(String name) {
        return find("name", name).firstResult();
    }

    public Uni<List<Project>> findByNames(Collection<String> names) {
        return list(ListConditions.in("name", "names", names), Parameters.with("names", ListConditions.value(names)));
    }

    public Uni<List<Project>> findByIds(Collection<UUID> ids) {
        return PrimaryKeys.find(Project.class, ids);
    }

    /** One page ordered by (name, id): the cursor holds the last pair seen. */
    public Uni<List<Project>> page(String nameContains, PageRequest page) {
        StringBuilder where = new StringBuilder(namePattern(nameContains) == null ? "1 = 1" : "lower(name) like :pattern escape '!'");
        Parameters params = new Parameters();
        if (namePattern(nameContains) != null) {
            params.and("pattern", namePattern(nameContains));
        }
        if (page.hasAfter()) {
            where.append(" and (name > :afterName or (name = :afterName and id > :afterId))");
            params.and("afterName", page.afterName()).and("afterId", page.afterId());
        }
        return find(where + " order by name, id", params).page(0, page.fetchSize()).list();
    }

    public Uni<Long> count(String nameContains) {
        String pattern = namePattern(nameContains);
        return pattern == null ? count() : count("lower(name) like ?1 escape '!'", pattern);
    }

    private static String namePattern(String nameContains) {
        if (nameContains == null || nameContains.isBlank()) {
            return null;
        }
        String escaped = nameContains.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

}
