package dev.envplane.secrets;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.envplane.database.Sessions;
import dev.envplane.database.TransactionHooks;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * How every secret is written and destroyed, for every feature. Both run inside the caller's database transaction.
 *
 * <p>Write: Vault first (a new version, check-and-set against Vault's newest), then the caller stores the returned
 * reference. If the transaction then rolls back, commit included, the new version is destroyed again; the version
 * it replaces is queued for destruction in the same transaction, so a committed change leaves one live version.
 *
 * <p>Destroy: database first. The caller deletes its row and the path goes into the outbox in the same transaction;
 * {@link SecretOutboxWorker} destroys it after commit and retries until Vault confirms. A Vault outage never blocks
 * or half-undoes a deletion.
 */
@ApplicationScoped
public class SecretProtocol {

    private static final Logger LOG = Logger.getLogger(SecretProtocol.class);

    private final SecretStore store;
    private final SecretOutbox outbox;
    private final SecretOutboxWorker worker;

    SecretProtocol(SecretStore store, SecretOutbox outbox, SecretOutboxWorker worker) {
        this.store = store;
        this.outbox = outbox;
        this.worker = worker;
    }

    /**
     * Applies {@code set} and {@code remove} to the secrets at {@code current} (values not mentioned are kept) and
     * returns the reference to store. Without a change, nothing goes to Vault and {@code current} comes back.
     */
    public Uni<SecretReference> write(String path, SecretReference current, Map<String, Secret> set, Set<String> remove) {
        TransactionHooks transaction = TransactionHooks.current();
        if (set.isEmpty() && remove.stream().noneMatch(current::has)) {
            return Uni.createFrom().item(current);
        }
        Uni<Map<String, Secret>> kept = current.version() == 0 || current.keys().stream().allMatch(key -> set.containsKey(key) || remove.contains(key))
                ? Uni.createFrom().item(Map.of())
                : store.read(path, current.version());
        // A path written anew may still be queued for destruction as a whole (its previous owner was deleted): that
        // would destroy this write. The queued destroy becomes one per old version instead.
        Uni<Boolean> reclaimed = current.version() == 0 ? outbox.reclaimPath(path) : Uni.createFrom().item(false);
        return reclaimed.chain(reclaim -> kept.chain(values -> store.currentVersion(path).chain(newest -> {
            Map<String, Secret> next = new HashMap<>(values);
            next.keySet().removeAll(remove);
            next.putAll(set);
            return store.write(path, next, newest).map(version -> new SecretReference(path, version, next.keySet(), Instant.now()))
                    .call(written -> reclaim ? destroyVersionsUpTo(path, newest) : Uni.createFrom().voidItem());
        }))).call(written -> {
            transaction.onRollback(() -> compensate(written));
            transaction.onCommit(worker::wake);
            return current.version() == 0 ? Uni.createFrom().voidItem() : outbox.enqueue(path, current.version(), "superseded");
        });
    }

    /**
     * The first version at a path no one else can know yet (it holds this transaction's new id): if the transaction
     * rolls back, the whole path goes, metadata included, so a refused creation leaves nothing in Vault.
     */
    public Uni<SecretReference> writeNew(String path, Map<String, Secret> values) {
        TransactionHooks transaction = TransactionHooks.current();
        if (values.isEmpty()) {
            return Uni.createFrom().item(SecretReference.none());
        }
        return store.write(path, values, 0).map(version -> new SecretReference(path, version, values.keySet(), Instant.now()))
                .invoke(written -> transaction.onRollback(() -> store.destroyAll(path)
                        .onFailure().recoverWithUni(vaultFailure -> Sessions.transaction(() -> outbox.enqueue(path, null, "rolled back")))
                        .onFailure().invoke(failure -> LOG.errorf("Could not destroy or queue unreferenced %s; secretReconciliation "
                                + "lists it until it is repaired", path))));
    }

    private Uni<Void> destroyVersionsUpTo(String path, int newest) {
        return Multi.createFrom().range(1, newest + 1).onItem().transformToUniAndConcatenate(version -> outbox.enqueue(path, version, "path reused"))
                .collect().last().replaceWithVoid();
    }

    /** Queues every version and the metadata at {@code reference}'s path for destruction after commit. */
    public Uni<Void> destroy(SecretReference reference, String reason) {
        if (reference.path() == null) {
            return Uni.createFrom().voidItem();
        }
        TransactionHooks.current().onCommit(worker::wake);
        return outbox.enqueue(reference.path(), null, reason);
    }

    /**
     * The transaction that was to reference {@code written} rolled back: that version must not stay in Vault. If Vault
     * cannot destroy it now, the outbox retries; if the database cannot take it either, reconciliation lists it.
     */
    private Uni<Void> compensate(SecretReference written) {
        LOG.debugf("Transaction rolled back after Vault version %d of %s: destroying that version", written.version(), written.path());
        return store.destroyVersion(written.path(), written.version())
                .onFailure().recoverWithUni(vaultFailure -> Sessions.transaction(
                        () -> outbox.enqueue(written.path(), written.version(), "rolled back")))
                .onFailure().invoke(failure -> LOG.errorf("Could not destroy or queue unreferenced version %d of %s; "
                        + "secretReconciliation lists it until it is repaired", written.version(), written.path()));
    }
}
