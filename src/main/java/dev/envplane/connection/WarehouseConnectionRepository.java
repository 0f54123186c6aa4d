package dev.envplane.connection;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WarehouseConnectionRepository implements PanacheRepositoryBase<WarehouseConnection, UUID> {

    public Uni<List<WarehouseConnection>> findByIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** One page ordered by (name, id), optionally of one warehouse: the cursor holds the last pair seen. */
    public Uni<List<WarehouseConnection>> page(Warehouse warehouse, PageRequest page) {
        StringBuilder where = new StringBuilder(warehouse == null ? "1 = 1" : "warehouse = :warehouse");
        Parameters params = new Parameters();
        if (warehouse != null) {
            params.and("warehouse", warehouse);
        }
        if (page.hasAfter()) {
            where.append(" and (name > :afterName or (name = :afterName and id > :afterId))");
            params.and("afterName", page.afterName()).and("afterId", page.afterId());
        }
        return find(where + " order by name, id", params).page(0, page.fetchSize()).list();
    }

    public Uni<Long> count(Warehouse warehouse) {
        return warehouse == null ? count() : count("warehouse", warehouse);
    }

}
