package dev.envplane.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.junit.jupiter.api.Test;

import io.quarkus.security.PermissionsAllowed;

/** No query, mutation or resolved field can be added without declaring its permission. */
class PermissionsDeclaredTest {

    @Test
    void everyOperationAndFieldDeclaresAPermission() throws Exception {
        List<String> operations = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Class<?> api : graphQLApis()) {
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

    private static List<Class<?>> graphQLApis() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> apis = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, PermissionsDeclaredTest.class.getClassLoader());
                if (type.isAnnotationPresent(GraphQLApi.class)) {
                    apis.add(type);
                }
            }
        }
        return apis;
    }

}
