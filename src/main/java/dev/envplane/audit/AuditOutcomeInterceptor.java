package dev.envplane.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.graphql.Mutation;

import dev.envplane.api.SessionBoundary;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Audits every mutation (README "Audit log"): bound to {@link SessionBoundary}, the binding that gives a mutation its
 * transaction, so no mutation runs without it. It reads the call before anything runs and records a denied or
 * failed call once the answer is known; {@link AuditInTransactionInterceptor} records an allowed one.
 *
 * <p>It runs outside {@code api.ErrorMappingInterceptor} (priority 100) and so outside Quarkus' permission checks
 * (150): it sees a denial, and every failure as the error code the caller gets.
 */
@SessionBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 90)
public class AuditOutcomeInterceptor {

    @Inject
    AuditLog log;
    @Inject
    CurrentIdentityAssociation identities;

    @AroundInvoke
    Object audit(InvocationContext context) throws Exception {
        if (!context.getMethod().isAnnotationPresent(Mutation.class)) {
            return context.proceed();
        }
        // Read now: SmallRye's per-field context is current only while the call is entered
        AuditedCall call = AuditedCall.current(context.getMethod(), identities.getDeferredIdentity().memoize().indefinitely());
        context.getContextData().put(AuditedCall.KEY, call);
        Uni<?> answer;
        try {
            answer = (Uni<?>) context.proceed();
        } catch (Exception failure) {
            answer = Uni.createFrom().failure(failure);
        }
        return answer.onFailure().call(failure -> log.recordRefusal(call, failure));
    }
}
