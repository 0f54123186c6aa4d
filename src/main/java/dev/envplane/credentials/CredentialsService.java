package dev.envplane.credentials;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.envplane.adapter.Adapter;
import dev.envplane.adapter.Adapters;
import dev.envplane.adapter.StoredSettings;
import dev.envplane.api.ConflictException;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.ValidationException;
import dev.envplane.database.ConstraintViolations;
import dev.envplane.deletion.Deletion;
import dev.envplane.environment.Environment;
import dev.envplane.environment.EnvironmentDeletionHook;
import dev.envplane.environment.EnvironmentService;
import dev.envplane.secrets.SecretStore;
import dev.envplane.secrets.SecretProtocol;
import io.smallrye.mutiny.Uni;

/**
 * Deployment credentials. Secrets are written and destroyed through {@link SecretProtocol}. Runs inside the caller's
 * session.
 */
@ApplicationScoped
public class CredentialsService implements EnvironmentDeletionHook {

    private final CredentialsRepository credentials;
    private final EnvironmentService environments;
    private final SecretStore secretStore;
    private final SecretProtocol secrets;

    CredentialsService(CredentialsRepository credentials, EnvironmentService environments, SecretStore secretStore, SecretProtocol secrets) {
        this.credentials = credentials;
        this.environments = environments;
        this.secretStore = secretStore;
        this.secrets = secrets;
    }

    public Uni<Map<UUID, Credentials>> findByEnvironments(Collection<UUID> environmentIds) {
        return credentials.findByEnvironments(environmentIds)
                .map(rows -> rows.stream().collect(Collectors.toMap(EnvironmentCredentials::environmentId, CredentialsViews::of)));
    }

    /** The stored settings of the credentials of these environments, by environment id: what a dbt profile is made of. */
    public Uni<Map<UUID, StoredSettings>> settingsByEnvironments(Collection<UUID> environmentIds) {
        return credentials.findByEnvironments(environmentIds)
                .map(rows -> rows.stream().collect(Collectors.toMap(EnvironmentCredentials::environmentId, EnvironmentCredentials::settings)));
    }

    /**
     * Creates or changes the credentials. Changes of one environment's credentials are serialised by a row lock; two
     * concurrent first settings race on the primary key and on Vault's check-and-set, and the loser gets CONFLICT.
     */
    public Uni<Credentials> set(UUID environmentId, CredentialsInput input, List<CredentialSecret> clearSecrets) {
        input.block(); // exactly one block, checked before any database work
        return environments.require(environmentId, "environmentId").chain(environment -> {
            Adapter adapter = adapterOf(environment);
            return credentials.findById(environmentId, LockModeType.PESSIMISTIC_WRITE).chain(stored -> {
                CredentialsChange change = CredentialsChange.of(input, clearSecrets, adapter, stored);
                EnvironmentCredentials target = stored != null ? stored : new EnvironmentCredentials(environmentId, adapter.type());
                String path = secretStore.credentialsPath(environment.getProjectId(), environmentId);
                return secrets.write(path, target.secrets(), change.set(), change.remove()).chain(written -> {
                    change.applyTo(target);
                    target.secrets(written);
                    return stored != null ? credentials.flush().replaceWith(target) : credentials.persistAndFlush(target);
                });
            });
        }).onFailure(failure -> ConstraintViolations.isUniqueViolation(failure, "environment_credentials_pkey"))
                .transform(failure -> new ConflictException("environmentId", "The credentials were set concurrently; read them again and retry"))
                .map(CredentialsViews::of);
    }

    /** Returns the credentials as they were; their secrets are queued for destruction. */
    public Uni<Credentials> delete(UUID environmentId) {
        return credentials.findById(environmentId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException("environmentId", "Environment " + environmentId + " has no credentials"))
                .call(this::deleteWithSecrets)
                .map(CredentialsViews::of);
    }

    @Override
    public Uni<Void> beforeDelete(Environment environment, Deletion deletion) {
        return credentials.findById(environment.getId()).chain(stored -> {
            if (stored == null) {
                return Uni.createFrom().voidItem();
            }
            deletion.credentials(stored.environmentId(), stored.secrets());
            return deletion.dryRun() ? Uni.createFrom().voidItem() : deleteWithSecrets(stored);
        });
    }

    /** Database first: the row goes and its Vault path goes into the outbox, in the caller's transaction. */
    private Uni<Void> deleteWithSecrets(EnvironmentCredentials stored) {
        return credentials.delete(stored).chain(() -> credentials.flush())
                .chain(() -> secrets.destroy(stored.secrets(), "credentials deleted"));
    }

    /** The environment's adapter: fixed by its first connection and kept when the connection is unlinked. */
    private static Adapter adapterOf(Environment environment) {
        if (environment.getAdapterType() == null) {
            throw new ValidationException("environmentId",
                    "Environment '" + environment.getName() + "' has no connection yet: set its connectionId first");
        }
        return Adapters.of(environment.getAdapterType());
    }
}
