package dev.envplane.api;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What one HTTP request may still do: database loads left, and whether its client is still there. It lives in the
 * request's Vert.x (duplicated) context, where every resolver of the request runs.
 */
final class RequestBudget {

    private static final Logger LOG = Logger.getLogger(RequestBudget.class);
    private static final String KEY = RequestBudget.class.getName();

    private final int maxLoads;
    private final BooleanSupplier clientGone;
    private final AtomicInteger loads = new AtomicInteger();

    private RequestBudget(int maxLoads, BooleanSupplier clientGone) {
        this.maxLoads = maxLoads;
        this.clientGone = clientGone;
    }

    /**
     * {@code clientGone} is asked before each load. It is a question, not a close handler: the GraphQL route sets
     * the response's end and close handlers after ours, and only one of each is kept (SmallRye GraphQL's, which
     * terminates its request context), so a handler of ours would never hear the client go.
     */
    static RequestBudget start(Context requestContext, int maxLoads, BooleanSupplier clientGone) {
        RequestBudget budget = new RequestBudget(maxLoads, clientGone);
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

    /** Called before every resolver: once the client has gone, nothing more of its request runs. */
    void requireClient() {
        if (clientGone.getAsBoolean()) {
            // one line per resolver not run; the request reference in the MDC says which request it was
            LOG.debug("Client gone: the rest of the request was not run");
            throw new RequestCancelledException();
        }
    }

    /** Called before every resolver that loads from the database (a batch counts once). */
    void spendLoad() {
        requireClient();
        int spent = loads.incrementAndGet();
        if (spent > maxLoads) {
            throw new QueryTooComplexException("The query is too complex: more than " + maxLoads
                    + " database loads (envplane.graphql.max-loads)");
        }
    }
}
