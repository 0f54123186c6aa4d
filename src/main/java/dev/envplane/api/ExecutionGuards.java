package dev.envplane.api;

import java.lang.reflect.Method;

import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;

import graphql.GraphQL;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.execution.event.InvokeInfo;
import io.smallrye.graphql.spi.EventingService;

/**
 * Registered through META-INF/services. Installs {@link QueryGuard} as the only instrumentation, the one {@link
 * DocumentCache} (shared with {@link GraphQLHttpGate}) in place of SmallRye's document cache (which needs SmallRye's
 * instrumentations), and charges every root query or mutation to the request's {@link RequestBudget}. Nested fields
 * are charged by {@link Batches}, once per batch: a field resolved for 50 parents is one load, as it is one
 * statement; each of them first checks that the client is still there.
 */
public final class ExecutionGuards implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        DocumentCache documents = Arc.container().instance(DocumentCache.class).get();
        return builder.instrumentation(new QueryGuard(GraphQLLimits.get(), documents)).preparsedDocumentProvider(documents);
    }

    @Override
    public void beforeInvoke(InvokeInfo invokeInfo) {
        // before the resolver's interceptors (security among them, which needs the request's context that ends
        // when its client goes): a request whose client has gone stops here
        RequestBudget.current().ifPresent(isRoot(invokeInfo.getOperationMethod()) ? RequestBudget::spendLoad : RequestBudget::requireClient);
    }

    private static boolean isRoot(Method method) {
        return method != null && (method.isAnnotationPresent(Query.class) || method.isAnnotationPresent(Mutation.class));
    }
}
