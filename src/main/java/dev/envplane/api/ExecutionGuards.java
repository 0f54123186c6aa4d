package dev.envplane.api;

import graphql.GraphQL;
import graphql.execution.preparsed.NoOpPreparsedDocumentProvider;
import io.smallrye.graphql.execution.event.InvokeInfo;
import io.smallrye.graphql.spi.EventingService;

/**
 * Registered through META-INF/services. Installs {@link QueryGuard} as the only instrumentation (SmallRye's own
 * document cache goes with it: parsing is cheap next to a database round trip) and charges every resolver
 * invocation to the request's {@link RequestBudget}.
 */
public final class ExecutionGuards implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        return builder.instrumentation(new QueryGuard(GraphQLLimits.get()))
                .preparsedDocumentProvider(NoOpPreparsedDocumentProvider.INSTANCE);
    }

    @Override
    public void beforeInvoke(InvokeInfo invokeInfo) {
        RequestBudget.current().ifPresent(RequestBudget::spendLoad);
    }
}
