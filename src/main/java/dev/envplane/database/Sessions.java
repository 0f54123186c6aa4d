package dev.envplane.database;

import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Every unit of database work in its own Hibernate Reactive session. GraphQL resolves the fields of one level
 * concurrently (batch loaders, totalCount, aliases) on the request's Vert.x context, and a reactive session must
 * never be used by two operations at once; a fresh duplicated context gives each its own session.
 */
public final class Sessions {

    private Sessions() {
    }

    public static <T> Uni<T> read(Supplier<Uni<T>> work) {
        return isolated(() -> Panache.withSession(work::get));
    }

    public static <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        return isolated(() -> Panache.withTransaction(work::get));
    }

    private static <T> Uni<T> isolated(Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return work.get();
        }
        Context fresh = VertxContext.createNewDuplicatedContext(current);
        VertxContextSafetyToggle.setContextSafe(fresh, true);
        // The result goes back to the caller's context: what follows belongs to the request, not to this session.
        return Uni.createFrom().<T> emitter(emitter -> fresh.runOnContext(ignored -> Uni.createFrom().<T> deferred(work::get)
                .subscribe().with(emitter::complete, emitter::fail)))
                .emitOn(task -> current.runOnContext(ignored -> task.run()));
    }
}
