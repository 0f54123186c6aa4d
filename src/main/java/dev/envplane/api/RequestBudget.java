package dev.envplane.api;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What one HTTP request may still do: database loads left, and whether its client is still there. It lives in the
 * request's Vert.x (duplicated) context, where every resolver of the request runs.
 */
final class RequestBudget {

    private static final String KEY = RequestBudget.class.getName();

    private final int maxLoads;
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean cancelled;

    private RequestBudget(int maxLoads) {
        this.maxLoads = maxLoads;
    }

    static RequestBudget start(Context requestContext, int maxLoads) {
        RequestBudget budget = new RequestBudget(maxLoads);
        requestContext.putLocal(KEY, budget);
        return budget;
    }

    static Optional<RequestBudget> current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getLocal(KEY));
    }

    void cancel() {
        cancelled = true;
    }

    /** Called before every resolver that loads from the database (a batch counts once). */
    void spendLoad() {
        if (cancelled) {
            throw new RequestCancelledException();
        }
        int spent = loads.incrementAndGet();
        if (spent > maxLoads) {
            throw new QueryTooComplexException("The query is too complex: more than " + maxLoads
                    + " database loads (envplane.graphql.max-loads)");
        }
    }
}
