package dev.envplane.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.graphql.Mutation;

import dev.envplane.api.SessionBoundary;
import io.smallrye.mutiny.Uni;

/**
 * Records an allowed mutation inside its own transaction (inside {@code api.SessionBoundaryInterceptor}, priority
 * APPLICATION + 10): the event is written before the mutation runs, so the targets' projects are read as they were,
 * and what the mutation created is added after it. Either write failing fails the mutation (INTERNAL) and nothing is
 * committed; a mutation that fails or rolls back takes its "allowed" event with it, and
 * {@link AuditOutcomeInterceptor} records the failure instead.
 */
@SessionBoundary
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 20)
public class AuditInTransactionInterceptor {

    @Inject
    AuditLog log;

    @AroundInvoke
    @SuppressWarnings("unchecked")
    Object audit(InvocationContext context) throws Exception {
        if (!context.getMethod().isAnnotationPresent(Mutation.class)) {
            return context.proceed();
        }
        AuditedCall call = (AuditedCall) context.getContextData().get(AuditedCall.KEY);
        if (call == null) {
            throw new IllegalStateException(context.getMethod() + " reached its transaction without being audited");
        }
        // The method is entered now, while its own SmallRye context is current; its work runs after the event is written
        Uni<Object> mutation = (Uni<Object>) context.proceed();
        return log.recordAllowed(call).chain(() -> mutation).call(result -> log.addTargets(call, ResultTargets.of(result)));
    }
}
