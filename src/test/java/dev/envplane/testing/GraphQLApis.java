package dev.envplane.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.graphql.GraphQLApi;

/** Every {@code @GraphQLApi} class the build compiled, for the tests that check a rule over all operations. */
public final class GraphQLApis {

    private GraphQLApis() {
    }

    public static List<Class<?>> all() {
        Path classes = Path.of("target", "classes");
        List<Class<?>> apis = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, GraphQLApis.class.getClassLoader());
                if (type.isAnnotationPresent(GraphQLApi.class)) {
                    apis.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return apis;
    }
}
