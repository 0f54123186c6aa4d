package dev.envplane.connection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;

import dev.envplane.adapter.AdapterType;
import dev.envplane.api.ConflictException;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.PageRequest;
import dev.envplane.api.StaleVersionException;
import dev.envplane.api.ValidationException;
import dev.envplane.connection.ConnectionSettings.Block;
import dev.envplane.database.ConstraintViolations;
import dev.envplane.database.Sessions;
import dev.envplane.secrets.Secret;
import dev.envplane.secrets.SecretReference;
import dev.envplane.secrets.SecretStore;
import dev.envplane.secrets.SecretWrites;
import dev.envplane.validation.Fields;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The rules of warehouse connections. Settings live in the database; the BigQuery service-account key lives only in
 * the secret store, written through {@link SecretWrites} (Vault first, then the database, undone on failure).
 */
@ApplicationScoped
public class ConnectionService {

    private final WarehouseConnectionRepository connections;
    private final SecretWrites secretWrites;
    private final SecretStore secretStore;
    private final Instance<ConnectionUsers> users;

    ConnectionService(WarehouseConnectionRepository connections, SecretWrites secretWrites, SecretStore secretStore,
            Instance<ConnectionUsers> users) {
        this.connections = connections;
        this.secretWrites = secretWrites;
        this.secretStore = secretStore;
        this.users = users;
    }

    public Uni<Connection> findById(UUID id) {
        return Sessions.read(() -> connections.findById(id)).map(row -> row == null ? null : row.view());
    }

    /** For batch loading (Environment.connection): the connections found, in no particular order. */
    public Uni<List<Connection>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Sessions.read(() -> connections.findByIds(ids)).map(rows -> rows.stream().map(WarehouseConnection::view).toList());
    }

    /** Like {@link #findByIds} but keyed by id, for resolving a batch in its own order. */
    public Uni<Map<UUID, Connection>> findByIdsAsMap(Collection<UUID> ids) {
        return findByIds(ids).map(found -> found.stream().collect(Collectors.toMap(Connection::getId, Function.identity())));
    }

    Uni<List<WarehouseConnection>> page(AdapterType adapterType, PageRequest page) {
        return Sessions.read(() -> connections.page(adapterType, page));
    }

    public Uni<Long> count(AdapterType adapterType) {
        return Sessions.read(() -> connections.count(adapterType));
    }

    /** Inside the caller's session: the connection's adapter, or NOT_FOUND on {@code field}. */
    public Uni<AdapterType> require(UUID id, String field) {
        return requireRow(id, field).map(WarehouseConnection::getAdapterType);
    }

    public Uni<Connection> create(String givenName, CreateConnectionInput input) {
        String name = Fields.requiredTrimmed("name", givenName, 1, 100);
        Block block = ConnectionSettings.exactlyOne(input);
        WarehouseConnection connection = new WarehouseConnection(name, block.adapter().type());
        Map<String, Secret> secrets = ConnectionSettings.apply(connection, block, true);
        if (secrets.isEmpty()) {
            return Sessions.transaction(() -> connections.persistAndFlush(connection))
                    .map(WarehouseConnection::view)
                    .onFailure().transform(failure -> nameTaken(failure, name));
        }
        String path = secretStore.connectionPath(connection.getId());
        return Sessions.transaction(() -> secretWrites.change(path, SecretReference.none(), secrets, Set.of(), reference -> {
                    connection.setSecrets(reference);
                    return connections.persistAndFlush(connection);
                }))
                // The path is this request's alone: whatever stopped the creation, nothing of it stays in Vault.
                .onFailure().call(failure -> secretStore.destroyAll(path).onFailure().recoverWithNull())
                .map(WarehouseConnection::view)
                .onFailure().transform(failure -> nameTaken(failure, name));
    }

    /**
     * Changes the name and the settings given. A new service-account key goes to Vault as a new version (rotation)
     * before the database is changed; without one, Vault is not called.
     */
    public Uni<Connection> update(UUID id, UpdateConnectionInput input, Integer expectedVersion) {
        String name = Fields.trimmed("name", input.name(), 1, 100);
        Block block = ConnectionSettings.atMostOne(input);
        return Sessions.transaction(() -> requireRow(id, "id").chain(connection -> {
            if (expectedVersion != null && expectedVersion != connection.getVersion()) {
                return Uni.createFrom().failure(new StaleVersionException("Connection " + id + " is at version "
                        + connection.getVersion() + ", not " + expectedVersion + "; read it again and retry"));
            }
            if (block != null && block.adapter().type() != connection.getAdapterType()) {
                return Uni.createFrom().failure(new ValidationException(block.field(), "A connection's adapterType never changes (this one is "
                        + connection.getAdapterType() + "); create a new connection for " + block.adapter().type() + " instead"));
            }
            if (name != null) {
                connection.setName(name);
            }
            Map<String, Secret> set = block == null ? Map.of() : ConnectionSettings.apply(connection, block, false);
            return secretWrites.change(secretStore.connectionPath(id), connection.getSecrets(), set, Set.of(), reference -> {
                connection.setSecrets(reference);
                return connections.flush();
            }).replaceWith(connection);
        })).map(WarehouseConnection::view).onFailure().transform(failure -> nameTaken(failure, name));
    }

    /**
     * Returns the connection as it was. Refused while environments use it. A BigQuery connection's key is destroyed
     * in Vault (every version and the metadata) before the deletion commits, so a Vault failure deletes nothing.
     */
    public Uni<Connection> delete(UUID id) {
        return Sessions.transaction(() -> connections.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> NotFoundException.of("id", "Connection", id))
                .call(this::refuseIfUsed)
                .call(connection -> connections.delete(connection).chain(connections::flush))
                .call(connection -> connection.getSecrets().path() == null ? Uni.createFrom().voidItem()
                        : secretStore.destroyAll(connection.getSecrets().path()))
                .map(WarehouseConnection::view))
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
