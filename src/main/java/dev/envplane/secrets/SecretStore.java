package dev.envplane.secrets;

import java.time.Duration;
import java.util.ArrayList;
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
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2ReadSecretMetadataResultData;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2RequestFactory;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2UpdateSecretOptions;
import io.quarkus.vault.client.common.VaultRequest;
import io.quarkus.vault.client.common.VaultResponse;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The one door to Vault: KV v2 writes with check-and-set, versioned reads, destruction, listing. Nothing else in
 * envplane imports quarkus-vault. Failures never carry values: Vault's own messages are logged by status only.
 * Callers go through {@link SecretProtocol}; only the protocol, its outbox worker and reconciliation use this, and
 * secret delivery, which gets wrapping tokens only ({@link #wrap}).
 */
@ApplicationScoped
public class SecretStore {

    private static final Logger LOG = Logger.getLogger(SecretStore.class);
    private static final int BAD_REQUEST = 400;
    private static final int NOT_FOUND = 404;

    private final VaultClient vault;
    private final VaultSecretsKV2 kv;
    private final String mount;
    private final String prefix;

    SecretStore(VaultClient vault, SecretStoreConfig config) {
        this.vault = vault;
        this.kv = vault.secrets().kv2(config.mount());
        this.mount = config.mount();
        this.prefix = config.prefix();
    }

    public String connectionPath(UUID connectionId) {
        return prefix + "/connections/" + connectionId;
    }

    public String credentialsPath(UUID projectId, UUID environmentId) {
        return prefix + "/projects/" + projectId + "/environments/" + environmentId + "/credentials";
    }

    /** A secret environment variable's project default (key {@code value}). */
    public String variableDefaultPath(UUID projectId, UUID variableId) {
        return prefix + "/projects/" + projectId + "/variables/" + variableId + "/default";
    }

    /** A secret environment variable's value in one environment (key {@code value}). */
    public String variableEnvironmentPath(UUID projectId, UUID variableId, UUID environmentId) {
        return prefix + "/projects/" + projectId + "/variables/" + variableId + "/environments/" + environmentId;
    }

    /** A secret environment variable's value for one job (key {@code value}). */
    public String variableJobPath(UUID projectId, UUID variableId, UUID jobId) {
        return prefix + "/projects/" + projectId + "/variables/" + variableId + "/jobs/" + jobId;
    }

    /** The folders every envplane secret lives under, for reconciliation. */
    List<String> roots() {
        return List.of(prefix + "/connections", prefix + "/projects");
    }

    /**
     * Writes {@code values} as the version after {@code expectedVersion} (Vault's newest, 0: the path must not exist
     * yet). Vault refuses the write if someone else wrote since (CONFLICT), so versions never fork.
     */
    Uni<Integer> write(String path, Map<String, Secret> values, int expectedVersion) {
        Map<String, Object> data = new HashMap<>();
        values.forEach((key, secret) -> data.put(key, secret.reveal()));
        return call("write", () -> kv.updateSecret(path, new VaultSecretsKV2UpdateSecretOptions().setCas(expectedVersion), data))
                .replaceWith(expectedVersion + 1)
                // A refusal whose message did not say why: if someone wrote meanwhile, it was the check-and-set after all.
                .onFailure(WriteRefused.class).recoverWithUni(refused -> currentVersion(path).chain(now -> now != expectedVersion
                        ? Uni.createFrom().failure(concurrentChange()) : Uni.createFrom().failure(refused)));
    }

    /** The newest version number at a path, live or not (0 when nothing was ever written there). */
    Uni<Integer> currentVersion(String path) {
        return metadata(path).map(metadata -> metadata == null ? 0 : metadata.getCurrentVersion());
    }

    /** The path's metadata, or null when Vault has nothing there. */
    Uni<VaultSecretsKV2ReadSecretMetadataResultData> metadata(String path) {
        return call("read-metadata", () -> kv.readSecretMetadata(path)).onFailure(SecretStore::isNotFound).recoverWithNull();
    }

    /** The values of one version; SECRET_STORE_INCONSISTENT when Vault does not have it. */
    Uni<Map<String, Secret>> read(String path, int version) {
        return call("read", () -> kv.readSecret(path, version)).map(secret -> {
            if (secret == null || secret.getData() == null) {
                throw new SecretStoreInconsistentException(path, version);
            }
            Map<String, Secret> values = new HashMap<>();
            secret.getData().forEach((key, value) -> values.put(key, Secret.of(String.valueOf(value))));
            return values;
        }).onFailure(SecretStore::isNotFound).transform(missing -> new SecretStoreInconsistentException(path, version));
    }

    /**
     * Reads one version with response wrapping (X-Vault-Wrap-TTL): Vault keeps the answer for a single-use token
     * that expires after {@code ttl}, and envplane gets only that token. SECRET_STORE_INCONSISTENT when Vault does
     * not have the version; an answer that comes back unwrapped is refused without being read.
     */
    public Uni<WrappingToken> wrap(String path, int version, Duration ttl) {
        VaultRequest<WrappingToken> read = VaultSecretsKV2RequestFactory.INSTANCE.readSecret(mount, path, version).builder()
                .wrapTTL(ttl).build(WrapInfoReader.INSTANCE);
        // the answer is read inside the call (getResult runs the reader), so a refused one is translated like any failure
        return call("wrap", () -> vault.execute(read).thenApply(VaultResponse::getResult))
                .onFailure(SecretStore::isNotFound).transform(missing -> new SecretStoreInconsistentException(path, version));
    }

    /** Destroys one version; one that is gone already counts as destroyed. */
    Uni<Void> destroyVersion(String path, int version) {
        return call("destroy", () -> kv.destroySecretVersions(path, List.of(version))).replaceWithVoid()
                .onFailure(SecretStore::isNotFound).recoverWithNull();
    }

    /** Removes every version and the metadata; a path that is gone already counts as destroyed. */
    Uni<Void> destroyAll(String path) {
        return call("destroy-all", () -> kv.deleteSecretMetadata(path)).replaceWithVoid()
                .onFailure(SecretStore::isNotFound).recoverWithNull();
    }

    /** Every secret path below {@code folder}, depth first. */
    Uni<List<String>> listRecursively(String folder) {
        return call("list", () -> kv.listSecrets(folder)).onFailure(SecretStore::isNotFound).recoverWithItem(() -> List.<String> of())
                .chain(children -> Multi.createFrom().iterable(children)
                        .onItem().transformToUniAndConcatenate(child -> child.endsWith("/")
                                ? listRecursively(folder + "/" + child.substring(0, child.length() - 1))
                                : Uni.createFrom().item(List.of(folder + "/" + child)))
                        .collect().in(ArrayList<String>::new, List::addAll)
                        .map(List::copyOf));
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

    /**
     * 404 stays as it is for the caller to interpret. A check-and-set mismatch is a CONFLICT; any other 400 is our
     * bug (INTERNAL, with the log reference the error mapping adds); everything else means Vault is unavailable to us.
     */
    private static Throwable translate(String operation, Throwable failure) {
        if (failure instanceof VaultClientException vault && vault.getStatus() != null) {
            int status = vault.getStatus();
            if (status == NOT_FOUND) {
                return failure;
            }
            if (status == BAD_REQUEST && operation.equals("write") && isCheckAndSetMismatch(vault)) {
                return concurrentChange();
            }
            if (status == BAD_REQUEST && operation.equals("write")) {
                return new WriteRefused();
            }
            if (status == BAD_REQUEST) {
                return new IllegalStateException("Vault refused " + operation + " as a bad request (400)");
            }
            LOG.warnf("Vault refused %s with status %d", operation, status);
        } else if (failure instanceof WrapInfoReader.NotWrapped || failure.getCause() instanceof WrapInfoReader.NotWrapped) {
            LOG.errorf("Vault answered %s without wrapping it: nothing was delivered (is a proxy dropping X-Vault-Wrap-TTL?)", operation);
        } else {
            LOG.warnf("Vault unreachable during %s: %s", operation, failure.getClass().getSimpleName());
        }
        return new SecretStoreUnavailableException("The secret store is unavailable; nothing was changed. Retry later.");
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("expectedVersion", "The secrets were changed concurrently; read them again and retry");
    }

    /** A 400 on a write whose errors did not name the check-and-set (in the native executable they may not be parsed). */
    private static final class WriteRefused extends IllegalStateException {
        WriteRefused() {
            super("Vault refused write as a bad request (400)");
        }
    }

    /** Vault says so in its errors list; the raw body is read too, in case the list was not parsed. */
    private static boolean isCheckAndSetMismatch(VaultClientException vault) {
        return vault.hasErrorContaining("check-and-set") || (vault.getBody() != null && vault.getBody().contains("check-and-set"));
    }

    static boolean isNotFound(Throwable failure) {
        return failure instanceof VaultClientException vault && vault.getStatus() != null && vault.getStatus() == NOT_FOUND;
    }
}
