package dev.envplane.connection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;

import dev.envplane.adapter.AdapterType;
import dev.envplane.adapter.StoredSettings;
import dev.envplane.api.ConflictException;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.PageRequest;
import dev.envplane.api.ValidationException;
import dev.envplane.connection.ConnectionSettings.Block;
import dev.envplane.database.ConstraintViolations;
import dev.envplane.secrets.Secret;
import dev.envplane.secrets.SecretStore;
import dev.envplane.secrets.SecretProtocol;
import dev.envplane.validation.Fields;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The rules of warehouse connections. Settings live in the database; the BigQuery service-account key lives only in
 * Vault, written and destroyed through {@link SecretProtocol}. Runs inside the caller's session.
 */
@ApplicationScoped
public class ConnectionService {

    private final WarehouseConnectionRepository connections;
    private final SecretProtocol secrets;
    private final SecretStore secretStore;
    private final Instance<ConnectionUsers> users;

    ConnectionService(WarehouseConnectionRepository connections, SecretProtocol secrets, SecretStore secretStore,
            Instance<ConnectionUsers> users) {
        this.connections = connections;
        this.secrets = secrets;
        this.secretStore = secretStore;
        this.users = users;
    }

    public Uni<Connection> findById(UUID id) {
        return connections.findById(id).map(row -> row == null ? null : row.view());
    }

    /** The connections found, by id. */
    public Uni<Map<UUID, Connection>> findByIds(Collection<UUID> ids) {
        return connections.findByIds(ids).map(rows -> rows.stream().collect(Collectors.toMap(WarehouseConnection::getId, WarehouseConnection::view)));
    }

    /** The stored settings of the connections found, by id: what a dbt profile is made of. */
    public Uni<Map<UUID, StoredSettings>> settingsByIds(Collection<UUID> ids) {
        return connections.findByIds(ids)
                .map(rows -> rows.stream().collect(Collectors.toMap(WarehouseConnection::getId, WarehouseConnection::settings)));
    }

    Uni<List<WarehouseConnection>> page(AdapterType adapterType, PageRequest page) {
        return connections.page(adapterType, page);
    }

    Uni<Long> count(AdapterType adapterType) {
        return connections.count(adapterType);
    }

    /** The connection's adapter, or NOT_FOUND on {@code field}. */
    public Uni<AdapterType> require(UUID id, String field) {
        return requireRow(id, field).map(WarehouseConnection::getAdapterType);
    }

    public Uni<Connection> create(String givenName, CreateConnectionInput input) {
        String name = Fields.requiredTrimmed("name", givenName, 1, 100);
        Block block = ConnectionSettings.exactlyOne(input);
        WarehouseConnection connection = new WarehouseConnection(name, block.adapter().type());
        Map<String, Secret> set = ConnectionSettings.apply(connection, block, true);
        return secrets.writeNew(secretStore.connectionPath(connection.getId()), set)
                .chain(written -> {
                    connection.setSecrets(written);
                    return connections.persistAndFlush(connection);
                })
                .map(WarehouseConnection::view)
                .onFailure().transform(failure -> nameTaken(failure, name));
    }

    /**
     * Changes the name and the settings given. A new service-account key goes to Vault as a new version (rotation);
     * without one, Vault is not called.
     */
    public Uni<Connection> update(UUID id, UpdateConnectionInput input, Integer expectedVersion) {
        String name = Fields.trimmed("name", input.name(), 1, 100);
        Block block = ConnectionSettings.atMostOne(input);
        return connections.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> NotFoundException.of("id", "Connection", id))
                .chain(connection -> {
                    connection.requireVersion(expectedVersion, "Connection " + id);
                    if (block != null && block.adapter().type() != connection.getAdapterType()) {
                        throw new ValidationException(block.field(), "A connection's adapterType never changes (this one is "
                                + connection.getAdapterType() + "); create a new connection for " + block.adapter().type() + " instead");
                    }
                    if (name != null) {
                        connection.setName(name);
                    }
                    Map<String, Secret> set = block == null ? Map.of() : ConnectionSettings.apply(connection, block, false);
                    return secrets.write(secretStore.connectionPath(id), connection.getSecrets(), set, Set.of())
                            .chain(written -> {
                                connection.setSecrets(written);
                                return connections.flush();
                            }).replaceWith(connection);
                })
                .map(WarehouseConnection::view).onFailure().transform(failure -> nameTaken(failure, name));
    }

    /** Returns the connection as it was. Refused while environments use it; its key is queued for destruction. */
    public Uni<Connection> delete(UUID id) {
        return connections.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> NotFoundException.of("id", "Connection", id))
                .call(this::refuseIfUsed)
                .call(connection -> secrets.destroy(connection.getSecrets(), "connection deleted"))
                .call(connection -> connections.delete(connection).chain(connections::flush))
                .map(WarehouseConnection::view)
                .onFailure(failure -> ConstraintViolations.foreignKeyViolated(failure).isPresent())
                .transform(failure -> new ConflictException("id", "Connection " + id + " is used by an environment; "
                        + "point the environment at another connection first"));
    }

    private Uni<Void> refuseIfUsed(WarehouseConnection connection) {
        return Multi.createFrom().iterable(users)
                .onItem().transformToUniAndConcatenate(user -> user.environmentsUsing(connection.getId()))
                .collect().asList()
                .chain(lists -> {
                    List<String> names = lists.stream().flatMap(List::stream).sorted().toList();
                    if (names.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().failure(new ConflictException("id", "Connection '" + connection.getName() + "' is used by "
                            + names.size() + " environment(s) (" + names.stream().collect(Collectors.joining("', '", "'", "'"))
                            + "); point them at another connection first"));
                });
    }

    private Uni<WarehouseConnection> requireRow(UUID id, String field) {
        return connections.findById(id).onItem().ifNull().failWith(() -> NotFoundException.of(field, "Connection", id));
    }

    private static Throwable nameTaken(Throwable failure, String name) {
        if (ConstraintViolations.isUniqueViolation(failure, "warehouse_connection_name_key")) {
            return new ConflictException("name", "A connection named '" + name + "' already exists");
        }
        return failure;
    }
}
