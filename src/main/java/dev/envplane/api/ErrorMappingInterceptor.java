package dev.envplane.api;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import dev.envplane.operations.RequestReferences;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.api.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.OptimisticLockException;

/**
 * The one place where unexpected failures become {@code INTERNAL} errors. Without it SmallRye would derive
 * {@code extensions.code} from the exception's class name, and a message could carry SQL text.
 *
 * <p>It runs outside Quarkus' security interceptors (priority 150), so a denial of {@code @PermissionsAllowed}
 * becomes {@code FORBIDDEN} naming the permission the operation declares.
 */
@MapsErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ErrorMappingInterceptor {

    private static final Logger LOG = Logger.getLogger(ErrorMappingInterceptor.class);

    @AroundInvoke
    Object mapErrors(InvocationContext context) throws Exception {
        String operation = context.getMethod().getName();
        PermissionsAllowed declared = context.getMethod().getAnnotation(PermissionsAllowed.class);
        try {
            Object result = context.proceed();
            if (result instanceof Uni<?> uni) {
                return uni.onFailure().transform(failure -> toApiException(operation, denial(declared, failure)));
            }
            return result;
        } catch (Exception failure) {
            throw toApiException(operation, denial(declared, failure));
        }
    }

    /** Quarkus' own denials carry no text; the answer names what the operation declares. */
    private static Throwable denial(PermissionsAllowed declared, Throwable failure) {
        if (failure instanceof io.quarkus.security.ForbiddenException || failure instanceof UnauthorizedException) {
            return new ForbiddenException(declared == null ? "(none declared)" : String.join(" or ", declared.value()));
        }
        return failure;
    }

    static ApiException toApiException(String operation, Throwable failure) {
        if (failure instanceof ApiException api) {
            return expected(operation, api);
        }
        if (isStaleState(failure)) {
            return expected(operation, new StaleVersionException("The record was changed concurrently; read it again and retry"));
        }
        // The request's reference, so the caller's reference finds every line that request logged
        String reference = RequestReferences.current().orElseGet(() -> UUID.randomUUID().toString());
        LOG.errorf(failure, "Unexpected failure in %s (reference %s)", operation, reference);
        return new InternalException(reference);
    }

    /** An outcome the API answers as it is (a taken name, a stale version): one line, not a warning. */
    private static ApiException expected(String operation, ApiException answer) {
        if (LOG.isDebugEnabled()) {
            ErrorCode code = answer.getClass().getAnnotation(ErrorCode.class);
            LOG.debugf("%s answered %s (field %s): %s", operation, code == null ? "?" : code.value(), answer.field(), answer.getMessage());
        }
        return answer;
    }

    private static boolean isStaleState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
