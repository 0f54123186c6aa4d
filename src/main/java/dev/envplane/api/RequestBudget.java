package dev.envplane.api;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What one HTTP request may still do: database loads left, and whether its client is still there. It lives in the
 * request's Vert.x (duplicated) context, where every resolver of the request runs.
 */
final class RequestBudget {

    private static final String KEY = RequestBudget.class.getName();
    private static final Logger LOG = Logger.getLogger(RequestBudget.class);

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

    /** The client went away before its answer was complete: no further load of this request starts. */
    void cancel() {
        cancelled = true;
        LOG.debug("The client went away before its answer: the request is cancelled");
    }

    /** Called before every resolver that loads from the database (a batch counts once). */
    void spendLoad() {
        if (cancelled) {
            LOG.debug("A database load of a cancelled request was not started");
            throw new RequestCancelledException();
        }
        int spent = loads.incrementAndGet();
        if (spent > maxLoads) {
            throw new QueryTooComplexException("The query is too complex: more than " + maxLoads
                    + " database loads (envplane.graphql.max-loads)");
        }
    }
}
