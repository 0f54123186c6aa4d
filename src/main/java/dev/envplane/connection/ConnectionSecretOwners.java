package dev.envplane.connection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.secrets.SecretOwners;
import dev.envplane.secrets.SecretReference;
import io.smallrye.mutiny.Uni;

/** The connections' Vault references (BigQuery keys), for secret reconciliation. */
@ApplicationScoped
class ConnectionSecretOwners implements SecretOwners {

    private final WarehouseConnectionRepository connections;

    ConnectionSecretOwners(WarehouseConnectionRepository connections) {
        this.connections = connections;
    }

    @Override
    public Uni<List<SecretReference>> secretReferences() {
        return connections.list("secrets.path is not null").map(rows -> rows.stream().map(WarehouseConnection::getSecrets).toList());
    }
}
