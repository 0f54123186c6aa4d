package dev.envplane.secrets;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * The order every secret change follows: Vault first (a new version), then the database; if the database write
 * fails, the new version is destroyed so no unreferenced secret stays behind. If Vault fails, nothing is written.
 */
@ApplicationScoped
public class SecretWrites {

    private static final Logger LOG = Logger.getLogger(SecretWrites.class);

    private final SecretStore store;

    SecretWrites(SecretStore store) {
        this.store = store;
    }

    /**
     * Applies {@code set} and {@code remove} to the secrets at {@code current} (values not mentioned are kept), then
     * runs {@code storeInDatabase} with the new reference. Without a change, nothing goes to Vault.
     */
    public <T> Uni<T> change(String path, SecretReference current, Map<String, Secret> set, Set<String> remove,
            Function<SecretReference, Uni<T>> storeInDatabase) {
        if (set.isEmpty() && remove.stream().noneMatch(current::has)) {
            return storeInDatabase.apply(current);
        }
        Uni<Map<String, Secret>> existing = current.version() == 0 ? Uni.createFrom().item(Map.of())
                : store.read(path, current.version());
        // Check-and-set against Vault's newest version: after a compensation it is ahead of the database's.
        return existing.chain(values -> store.currentVersion(path).chain(newest -> {
            Map<String, Secret> next = new HashMap<>(values);
            next.keySet().removeAll(remove);
            next.putAll(set);
            return store.write(path, next, newest)
                    .map(version -> new SecretReference(path, version, next.keySet(), Instant.now()));
        })).chain(written -> storeInDatabase.apply(written)
                .onFailure().call(failure -> compensate(written)));
    }

    private Uni<Void> compensate(SecretReference written) {
        LOG.warnf("Database write failed after Vault version %d of %s: destroying that version", written.version(), written.path());
        return store.destroyVersion(written.path(), written.version())
                .onFailure().invoke(failure -> LOG.errorf("Could not destroy version %d of %s; destroy it by hand",
                        written.version(), written.path()))
                .onFailure().recoverWithNull();
    }
}
