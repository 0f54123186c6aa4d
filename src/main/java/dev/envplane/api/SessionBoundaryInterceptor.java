package dev.envplane.api;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;

import dev.envplane.database.Sessions;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.mutiny.Uni;

/**
 * Where a unit of database work starts: a query reads in its own session, a mutation writes in its own transaction.
 * Inside {@link ErrorMappingInterceptor}, so a failed commit is mapped like any other failure.
 */
@SessionBoundary
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class SessionBoundaryInterceptor {

    @AroundInvoke
    Object openSession(InvocationContext context) throws Exception {
        if (context.getMethod().isAnnotationPresent(Mutation.class)) {
            SmallRyeContext field = SmallRyeContextManager.getCurrentSmallRyeContext();
            return Sessions.transaction(() -> proceed(context, field));
        }
        if (context.getMethod().isAnnotationPresent(Query.class)) {
            SmallRyeContext field = SmallRyeContextManager.getCurrentSmallRyeContext();
            return Sessions.read(() -> proceed(context, field));
        }
        return context.proceed();
    }

    /**
     * The method runs later, on the session's own context: SmallRye's per-field context (a thread local) is put back
     * first, so the method sees its own field's arguments even if other fields ran on this thread meanwhile.
     */
    @SuppressWarnings("unchecked")
    private static <T> Uni<T> proceed(InvocationContext context, SmallRyeContext field) {
        try {
            SmallRyeContextManager.restore(field);
            Object result = context.proceed();
            if (result instanceof Uni<?> uni) {
                return (Uni<T>) uni;
            }
            throw new IllegalStateException(context.getMethod() + " must return a Uni to run in a database session");
        } catch (RuntimeException failure) {
            return Uni.createFrom().failure(failure);
        } catch (Exception failure) {
            return Uni.createFrom().failure(failure);
        }
    }
}
