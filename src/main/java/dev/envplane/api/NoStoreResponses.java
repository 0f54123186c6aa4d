package dev.envplane.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.graphql.execution.event.InvokeInfo;
import io.smallrye.graphql.spi.EventingService;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Cache-Control: no-store} on the response of every GraphQL request that invoked a {@link NoStore} operation,
 * whatever else the request asked for and whether or not the operation succeeded. The header is set while the
 * operation is invoked, before SmallRye writes the response (a second headers-end handler would replace
 * {@link GraphQLOverHttpStatus}'s: a response keeps only one).
 */
@ApplicationScoped
public class NoStoreResponses {

    private static final String RESPONSE = NoStoreResponses.class.getName();

    void registerOn(@Observes Router router) {
        router.routeWithRegex("/graphql/?").order(-100).handler(this::keepResponse);
    }

    private void keepResponse(RoutingContext routing) {
        ContextLocals.put(RESPONSE, routing.response());
        routing.next();
    }

    /** Registered through META-INF/services: SmallRye calls it before every resolver runs, before its interceptors. */
    public static final class Marker implements EventingService {

        @Override
        public String getConfigKey() {
            return null; // always on
        }

        @Override
        public void beforeInvoke(InvokeInfo invokeInfo) {
            if (invokeInfo.getOperationMethod() != null && invokeInfo.getOperationMethod().isAnnotationPresent(NoStore.class)) {
                ContextLocals.<HttpServerResponse> get(RESPONSE).filter(response -> !response.headWritten())
                        .ifPresent(response -> response.putHeader("Cache-Control", "no-store"));
            }
        }
    }
}
