package dev.envplane.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.junit.jupiter.api.Test;

import dev.envplane.testing.GraphQLApis;
import io.quarkus.security.PermissionsAllowed;

/** No query, mutation or resolved field can be added without declaring its permission. */
class PermissionsDeclaredTest {

    @Test
    void everyOperationAndFieldDeclaresAPermission() {
        List<String> operations = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Class<?> api : GraphQLApis.all()) {
            for (Method method : api.getDeclaredMethods()) {
                boolean operation = method.isAnnotationPresent(Query.class) || method.isAnnotationPresent(Mutation.class)
                        || Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(Source.class));
                if (!operation) {
                    continue;
                }
                operations.add(api.getSimpleName() + "." + method.getName());
                PermissionsAllowed declared = method.getAnnotation(PermissionsAllowed.class);
                if (declared == null || declared.value().length == 0) {
                    missing.add(api.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(operations.size() > 30, "the GraphQL API classes were found: " + operations);
        assertEquals(List.of(), missing, "operations and fields without @PermissionsAllowed");
    }
}
