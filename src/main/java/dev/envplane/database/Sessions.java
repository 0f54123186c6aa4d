package dev.envplane.database;

import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.MDC;

import dev.envplane.operations.RequestReferences;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Opens units of database work. Only these callers use it, so where a session starts can be read off the code:
 * the GraphQL boundary ({@code api.SessionBoundaryInterceptor}: queries read, mutations write), the batch
 * executor of nested fields ({@code api.Batches}), the secret protocol ({@code secrets.SecretOutboxWorker}, and
 * a compensation that must outlive a rolled-back transaction), and the audit of a refused mutation
 * ({@code audit.AuditLog}, written after the mutation's transaction rolled back). Services and repositories always run inside the
 * session they are given.
 *
 * <p>Each unit gets a fresh duplicated Vert.x context, hence its own reactive session: SmallRye GraphQL resolves the
 * fields of one level concurrently on the request's context, and a reactive session must never be used by two
 * operations at once (quarkusio/quarkus#32870). Marking that context safe needs Quarkus' internal
 * {@link VertxContextSafetyToggle}; it is used here and nowhere else.
 */
public final class Sessions {

    private Sessions() {
    }

    /**
     * A session whose entities are read-only: Hibernate keeps no snapshot of them for dirty checking (nothing is
     * flushed from a read anyway).
     */
    public static <T> Uni<T> read(Supplier<Uni<T>> work) {
        return isolated(() -> Panache.withSession(() -> Panache.getSession()
                .invoke(session -> session.setDefaultReadOnly(true))
                .chain(ignored -> work.get())));
    }

    /**
     * A transaction with {@link TransactionHooks}: what a unit registers there runs after the commit, or after the
     * rollback, including a commit that failed.
     */
    public static <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        return isolated(() -> {
            TransactionHooks hooks = TransactionHooks.open();
            return Panache.withTransaction(work::get)
                    .onItem().call(hooks::committed)
                    .onFailure().call(hooks::rolledBack);
        });
    }

    private static <T> Uni<T> isolated(Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            throw new IllegalStateException("A unit of database work must start on a Vert.x context");
        }
        Context fresh = VertxContext.createNewDuplicatedContext(current);
        VertxContextSafetyToggle.setContextSafe(fresh, true);
        // The logging context lives in the Vert.x context: carry the request's reference over, so SQL and errors of
        // this unit are logged under it too.
        Optional<String> reference = RequestReferences.current();
        // The result goes back to the caller's context: what follows belongs to the request, not to this session.
        return Uni.createFrom().<T> emitter(emitter -> fresh.runOnContext(ignored -> {
            reference.ifPresent(value -> MDC.put(RequestReferences.MDC_KEY, value));
            Uni.createFrom().<T> deferred(work::get).subscribe().with(emitter::complete, emitter::fail);
        }))
                .emitOn(task -> current.runOnContext(ignored -> task.run()));
    }
}
