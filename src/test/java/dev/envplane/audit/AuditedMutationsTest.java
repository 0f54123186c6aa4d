package dev.envplane.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;

import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.junit.jupiter.api.Test;

import dev.envplane.api.ErrorMappingInterceptor;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.SessionBoundary;
import dev.envplane.api.SessionBoundaryInterceptor;
import dev.envplane.testing.GraphQLApis;

/**
 * No mutation can be added without being audited: the audit interceptors are bound with the binding that gives a
 * mutation its transaction, in the order the audit needs, and every id argument names a kind of target.
 */
class AuditedMutationsTest {

    /** Quarkus' @PermissionsAllowed interceptor. */
    private static final int PERMISSION_CHECKS = 150;

    @Test
    void everyMutationIsBoundToTheAuditAndItsIdsNameAKind() {
        List<String> mutations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Class<?> api : GraphQLApis.all()) {
            for (Method method : api.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Mutation.class)) {
                    continue;
                }
                String action = method.getAnnotation(Mutation.class).value().isEmpty() ? method.getName()
                        : method.getAnnotation(Mutation.class).value();
                mutations.add(action);
                if (!api.isAnnotationPresent(SessionBoundary.class) || !api.isAnnotationPresent(MapsErrors.class)) {
                    problems.add(action + ": " + api.getSimpleName() + " lacks @SessionBoundary or @MapsErrors");
                }
                for (Parameter parameter : method.getParameters()) {
                    String argument = parameter.isAnnotationPresent(Name.class) ? parameter.getAnnotation(Name.class).value() : parameter.getName();
                    boolean namesAnId = argument.equals("id") || argument.endsWith("Id") || argument.endsWith("Ids");
                    if (namesAnId && AuditedCall.kindOfArgument(action, argument).isEmpty()) {
                        problems.add(action + "(" + argument + "): no TargetKind");
                    }
                }
            }
        }
        assertTrue(mutations.size() > 15, "the mutations were found: " + mutations);
        assertEquals(List.of(), problems);
    }

    @Test
    void theAuditSeesDenialsOutsideAndWritesAllowedCallsInsideTheTransaction() {
        assertTrue(AuditOutcomeInterceptor.class.isAnnotationPresent(SessionBoundary.class));
        assertTrue(AuditInTransactionInterceptor.class.isAnnotationPresent(SessionBoundary.class));
        int outcome = priority(AuditOutcomeInterceptor.class);
        int errors = priority(ErrorMappingInterceptor.class);
        int transaction = priority(SessionBoundaryInterceptor.class);
        int inTransaction = priority(AuditInTransactionInterceptor.class);
        assertTrue(outcome < errors && errors < PERMISSION_CHECKS && PERMISSION_CHECKS < transaction && transaction < inTransaction,
                "audit outcome < error mapping < permission checks < transaction < audit in transaction");
    }

    private static int priority(Class<?> interceptor) {
        return interceptor.getAnnotation(Priority.class).value();
    }
}
