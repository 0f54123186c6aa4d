package dev.envplane.connection;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.adapter.AdapterType;
import dev.envplane.api.PageRequest;
import dev.envplane.database.PrimaryKeys;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WarehouseConnectionRepository implements PanacheRepositoryBase<WarehouseConnection, UUID> {

    public Uni<List<WarehouseConnection>> findByIds(Collection<UUID> ids) {
        return PrimaryKeys.find(WarehouseConnection.class, ids);
    }

    /** One page ordered by (name, id), optionally of one adapter: the cursor holds the last pair seen. */
    public Uni<List<WarehouseConnection>> page(AdapterType adapterType, PageRequest page) {
        StringBuilder where = new StringBuilder(adapterType == null ? "1 = 1" : "adapterType = :adapterType");
        Parameters params = new Parameters();
        if (adapterType != null) {
            params.and("adapterType", adapterType);
        }
        if (page.hasAfter()) {
            where.append(" and (name > :afterName or (name = :afterName and id > :afterId))");
            params.and("afterName", page.afterName()).and("afterId", page.afterId());
        }
        return find(where + " order by name, id", params).page(0, page.fetchSize()).list();
    }

    public Uni<Long> count(AdapterType adapterType) {
        return adapterType == null ? count() : count("adapterType", adapterType);
    }

}
