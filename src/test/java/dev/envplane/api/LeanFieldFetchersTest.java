package dev.envplane.api;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;

/**
 * Fields are fetched without SmallRye's per-object selection-set context (the read path's first cost on lists), and
 * read the same: values, and transformed values such as instants, match the database. The rest of the suite reads
 * every other field through the same fetchers.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class LeanFieldFetchersTest {

    @Inject
    GraphQLSchema schema;

    @Test
    void noFieldKeepsSmallRyesContextBuildingFetcher() {
        List<String> left = new ArrayList<>();
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field), field) instanceof PlugableDataFetcher<?>) {
                    left.add(type.getName() + "." + field.getName());
                }
            }
        }
        assertEquals(List.of(), left, "fields still fetched by SmallRye's own fetcher, which builds the selection set per object");
        assertInstanceOf(LeanFieldFetchers.PropertyFetcher.class,
                schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates("Project", "name"), schema.getObjectType("Project").getField("name")));
    }

    @Test
    void noFieldIsMatchedAgainstABlockList() {
        // SmallRye's "default" visibility was a block list of one pattern, run as a regex on every field resolved
        assertSame(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY, schema.getCodeRegistry().getFieldVisibility());
    }

    @Test
    void propertiesReadAsStored() throws Exception {
        String name = Fixtures.unique("plain");
        String id = Fixtures.project(name);
        Map<String, Object> project = execute("query($id: ID!) { project(id: $id) { name defaultBranch createdAt version } }", vars("id", id))
                .body("errors", nullValue()).extract().path("data.project");

        try (var connection = LocalServicesResource.database().connect();
                var statement = connection.prepareStatement("select default_branch, created_at, version from project where name = ?")) {
            statement.setString(1, name);
            var row = statement.executeQuery();
            row.next();
            assertEquals(name, project.get("name"));
            assertEquals(row.getString("default_branch"), project.get("defaultBranch"));
            assertEquals(row.getTimestamp("created_at").toInstant(), Instant.parse((String) project.get("createdAt")));
            assertEquals(row.getInt("version"), project.get("version"));
        }
    }
}
