package dev.envplane.database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What must happen once the current transaction is over: compensation when it rolled back (a secret written to Vault
 * for a row that was never committed) and follow-up when it committed (waking a worker). Lives in the transaction's
 * own Vert.x context, so only code running inside {@link Sessions#transaction} can reach it.
 */
public final class TransactionHooks {

    private static final Logger LOG = Logger.getLogger(TransactionHooks.class);
    private static final String KEY = TransactionHooks.class.getName();

    private final List<Supplier<Uni<Void>>> onRollback = new ArrayList<>();
    private final List<Runnable> onCommit = new ArrayList<>();

    private TransactionHooks() {
    }

    static TransactionHooks open() {
        TransactionHooks hooks = new TransactionHooks();
        ContextLocals.put(KEY, hooks);
        return hooks;
    }

    /** The hooks of the transaction the caller runs in; fails outside of one, so the rule cannot be bypassed. */
    public static TransactionHooks current() {
        return ContextLocals.<TransactionHooks> get(KEY)
                .orElseThrow(() -> new IllegalStateException("This work must run inside a database transaction"));
    }

    /** Runs after a rollback; must not fail (failures are logged and swallowed so every compensation runs). */
    public void onRollback(Supplier<Uni<Void>> compensation) {
        onRollback.add(compensation);
    }

    public void onCommit(Runnable followUp) {
        onCommit.add(followUp);
    }

    Uni<Void> committed() {
        onCommit.forEach(Runnable::run);
        return Uni.createFrom().voidItem();
    }

    Uni<Void> rolledBack() {
        return Multi.createFrom().iterable(List.copyOf(onRollback))
                .onItem().transformToUniAndConcatenate(compensation -> compensation.get()
                        .onFailure().invoke(failure -> LOG.error("A compensation after a rollback failed", failure))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}
