package dev.envplane.credentials;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.adapter.Adapter;
import dev.envplane.adapter.Adapters;
import dev.envplane.api.ConflictException;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.ValidationException;
import dev.envplane.connection.ConnectionService;
import dev.envplane.database.Sessions;
import dev.envplane.environment.Environment;
import dev.envplane.environment.EnvironmentDeletionHook;
import dev.envplane.environment.EnvironmentService;
import dev.envplane.secrets.SecretReference;
import dev.envplane.secrets.SecretStore;
import dev.envplane.secrets.SecretWrites;
import io.smallrye.mutiny.Uni;

/**
 * Deployment credentials. Secrets take the way of {@link SecretWrites} (Vault first, then the database, with
 * compensation); deleting credentials, their environment or its project destroys every Vault version.
 */
@ApplicationScoped
public class CredentialsService implements EnvironmentDeletionHook {

    private final CredentialsRepository credentials;
    private final EnvironmentService environments;
    private final ConnectionService connections;
    private final SecretStore secretStore;
    private final SecretWrites secretWrites;

    CredentialsService(CredentialsRepository credentials, EnvironmentService environments, ConnectionService connections,
            SecretStore secretStore, SecretWrites secretWrites) {
        this.credentials = credentials;
        this.environments = environments;
        this.connections = connections;
        this.secretStore = secretStore;
        this.secretWrites = secretWrites;
    }

    public Uni<Map<UUID, Credentials>> findByEnvironments(Collection<UUID> environmentIds) {
        return Sessions.read(() -> credentials.findByEnvironments(environmentIds))
                .map(rows -> rows.stream().collect(Collectors.toMap(EnvironmentCredentials::environmentId, CredentialsViews::of)));
    }

    public Uni<Credentials> set(UUID environmentId, CredentialsInput input, List<CredentialSecret> clearSecrets) {
        input.block();
        return Sessions.read(() -> environments.require(environmentId, "environmentId")
                .chain(environment -> adapterOf(environment)
                        .chain(adapter -> credentials.findById(environmentId)
                                .map(stored -> new Current(environment, adapter, stored)))))
                .chain(current -> {
                    CredentialsChange change = CredentialsChange.of(input, clearSecrets, current.adapter(), current.stored());
                    SecretReference secrets = current.stored() == null ? SecretReference.none() : current.stored().secrets();
                    String path = secretStore.credentialsPath(current.environment().getProjectId(), environmentId);
                    return secretWrites.change(path, secrets, change.set(), change.remove(),
                            written -> store(environmentId, current, change, written));
                })
                .map(CredentialsViews::of);
    }

    /** Returns the credentials as they were. */
    public Uni<Credentials> delete(UUID environmentId) {
        return Sessions.transaction(() -> credentials.findById(environmentId)
                .onItem().ifNull().failWith(() -> new NotFoundException("environmentId", "Environment " + environmentId + " has no credentials"))
                .call(this::deleteWithSecrets))
                .map(CredentialsViews::of);
    }

    @Override
    public Uni<Void> beforeDelete(Environment environment) {
        return credentials.findById(environment.getId())
                .chain(stored -> stored == null ? Uni.createFrom().voidItem() : deleteWithSecrets(stored));
    }

    /** Inside the caller's transaction: the row goes, then Vault; a Vault failure rolls the row back. */
    private Uni<Void> deleteWithSecrets(EnvironmentCredentials stored) {
        String path = stored.secrets().path();
        return credentials.delete(stored).chain(() -> credentials.flush())
                .chain(() -> path == null ? Uni.createFrom().voidItem() : secretStore.destroyAll(path));
    }

    private Uni<EnvironmentCredentials> store(UUID environmentId, Current current, CredentialsChange change, SecretReference written) {
        return Sessions.transaction(() -> credentials.findById(environmentId).chain(row -> {
            Integer seen = current.stored() == null ? null : current.stored().getVersion();
            Integer now = row == null ? null : row.getVersion();
            if (!Objects.equals(seen, now)) {
                return Uni.createFrom().failure(new ConflictException("environmentId",
                        "The credentials were changed concurrently; read them again and retry"));
            }
            EnvironmentCredentials target = row != null ? row : new EnvironmentCredentials(environmentId, current.adapter().type());
            change.applyTo(target);
            target.secrets(written);
            return row != null ? credentials.flush().replaceWith(target) : credentials.persistAndFlush(target);
        }));
    }

    private Uni<Adapter> adapterOf(Environment environment) {
        if (environment.getConnectionId() == null) {
            return Uni.createFrom().failure(new ValidationException("environmentId",
                    "Environment '" + environment.getName() + "' has no connection yet: set its connectionId first"));
        }
        return connections.require(environment.getConnectionId(), "environmentId").map(Adapters::of);
    }

    private record Current(Environment environment, Adapter adapter, EnvironmentCredentials stored) {
    }

}
