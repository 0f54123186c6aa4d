package dev.envplane.secrets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.envplane.api.ConflictException;
import dev.envplane.api.SecretStoreUnavailableException;
import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.VaultClientException;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2UpdateSecretOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The one door to Vault: KV v2 writes with check-and-set, versioned reads, destruction. Nothing else in envplane
 * imports quarkus-vault. Failures never carry values: Vault's own messages are logged by status only.
 */
@ApplicationScoped
public class SecretStore {

    private static final Logger LOG = Logger.getLogger(SecretStore.class);
    private static final int CHECK_AND_SET_MISMATCH = 400;
    private static final int NOT_FOUND = 404;

    private final VaultSecretsKV2 kv;
    private final String prefix;

    SecretStore(VaultClient vault, SecretStoreConfig config) {
        this.kv = vault.secrets().kv2(config.mount());
        this.prefix = config.prefix();
    }

    public String connectionPath(UUID connectionId) {
        return prefix + "/connections/" + connectionId;
    }

    public String credentialsPath(UUID projectId, UUID environmentId) {
        return prefix + "/projects/" + projectId + "/environments/" + environmentId + "/credentials";
    }

    /**
     * Writes a new version holding {@code values}; {@code expectedVersion} is the version the caller last saw (0:
     * the path must not exist yet). Vault refuses the write if someone else wrote since, so versions never fork.
     * Returns the new version.
     */
    public Uni<Integer> write(String path, Map<String, Secret> values, int expectedVersion) {
        Map<String, Object> data = new HashMap<>();
        values.forEach((key, secret) -> data.put(key, secret.reveal()));
        return call("write", () -> kv.updateSecret(path, new VaultSecretsKV2UpdateSecretOptions().setCas(expectedVersion), data))
                .replaceWith(expectedVersion + 1);
    }

    /** The newest version number at a path, live or not (0 when nothing was ever written there). */
    public Uni<Integer> currentVersion(String path) {
        return call("read-metadata", () -> kv.readSecretMetadata(path)).map(metadata -> metadata.getCurrentVersion())
                .onFailure(SecretStore::isNotFound).recoverWithItem(0);
    }

    /** The values of one version; empty when it does not exist (never written, or destroyed). */
    public Uni<Map<String, Secret>> read(String path, int version) {
        return call("read", () -> kv.readSecret(path, version)).map(secret -> {
            Map<String, Secret> values = new HashMap<>();
            if (secret != null && secret.getData() != null) {
                secret.getData().forEach((key, value) -> values.put(key, Secret.of(String.valueOf(value))));
            }
            return values;
        }).onFailure(SecretStore::isNotFound).recoverWithItem(Map::of);
    }

    public Uni<Void> destroyVersion(String path, int version) {
        return call("destroy", () -> kv.destroySecretVersions(path, List.of(version))).replaceWithVoid();
    }

    /** Removes every version and the metadata: nothing of the secret stays in Vault. */
    public Uni<Void> destroyAll(String path) {
        return call("destroy-all", () -> kv.deleteSecretMetadata(path)).replaceWithVoid()
                .onFailure(SecretStore::isNotFound).recoverWithNull();
    }

    /**
     * Vault's answer may arrive on another thread; it is handed back to the caller's Vert.x context, because what
     * follows is usually database work and a reactive session must only be used from its own context.
     */
    private static <T> Uni<T> call(String operation, Supplier<CompletionStage<T>> request) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<T> answer = Uni.createFrom().completionStage(request).onFailure().transform(failure -> translate(operation, failure));
            return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private static Throwable translate(String operation, Throwable failure) {
        if (failure instanceof VaultClientException vault && vault.getStatus() != null) {
            int status = vault.getStatus();
            if (status == NOT_FOUND) {
                return failure;
            }
            if (status == CHECK_AND_SET_MISMATCH && operation.equals("write")) {
                return new ConflictException("expectedVersion", "The secrets were changed concurrently; read them again and retry");
            }
            LOG.warnf("Vault refused %s with status %d", operation, status);
        } else {
            LOG.warnf("Vault unreachable during %s: %s", operation, failure.getClass().getSimpleName());
        }
        return new SecretStoreUnavailableException("The secret store is unavailable; nothing was changed. Retry later.");
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof VaultClientException vault && vault.getStatus() != null && vault.getStatus() == NOT_FOUND;
    }
}
