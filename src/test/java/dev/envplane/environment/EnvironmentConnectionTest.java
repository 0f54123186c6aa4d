package dev.envplane.environment;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Database;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** An environment runs on one warehouse connection and may override parts of it. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class EnvironmentConnectionTest {

    static final String FIELDS = "id connection { __typename id name } connectionOverrides { role database warehouse catalog }";

    static ValidatableResponse create(String project, String connection, Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", project, "name", Fixtures.unique("env"), "type", "DEPLOYMENT"));
        if (connection != null) {
            input.put("connectionId", connection);
        }
        if (overrides != null) {
            input.put("connectionOverrides", overrides);
        }
        return execute("mutation($input: CreateEnvironmentInput!) { createEnvironment(input: $input) { " + FIELDS + " } }", vars("input", input));
    }

    static ValidatableResponse update(String id, Map<String, Object> input) {
        return execute("mutation($id: ID!, $input: UpdateEnvironmentInput!) { updateEnvironment(id: $id, input: $input) { " + FIELDS + " } }",
                vars("id", id, "input", input));
    }

    @Test
    void snowflakeEnvironmentsOverrideRoleDatabaseAndWarehouse() {
        String connection = Fixtures.connection("snowflake");
        create(Fixtures.project(), connection, Map.of("role", "TRANSFORMER", "database", "STAGING", "warehouse", "SMALL"))
                .body("errors", nullValue())
                .body("data.createEnvironment.connection.__typename", equalTo("SnowflakeConnection"))
                .body("data.createEnvironment.connection.id", equalTo(connection))
                .body("data.createEnvironment.connectionOverrides.role", equalTo("TRANSFORMER"))
                .body("data.createEnvironment.connectionOverrides.database", equalTo("STAGING"))
                .body("data.createEnvironment.connectionOverrides.warehouse", equalTo("SMALL"));
        assertError(create(Fixtures.project(), connection, Map.of("catalog", "main")), "VALIDATION", "connectionOverrides.catalog");
    }

    @Test
    void databricksEnvironmentsOverrideTheCatalogOnly() {
        String connection = Fixtures.connection("databricks");
        create(Fixtures.project(), connection, Map.of("catalog", "staging")).body("errors", nullValue())
                .body("data.createEnvironment.connectionOverrides.catalog", equalTo("staging"));
        assertError(create(Fixtures.project(), connection, Map.of("role", "r")), "VALIDATION", "connectionOverrides.role");
    }

    @Test
    void otherWarehousesTakeNoOverrides() {
        for (String block : new String[] { "postgres", "redshift", "bigquery", "spark" }) {
            String project = Fixtures.project();
            assertError(create(project, Fixtures.connection(block), Map.of("database", "x")), "VALIDATION", "connectionOverrides");
            assertEquals(0, Database.count("select count(*) from environment where project_id = ?::uuid", project));
        }
        assertError(create(Fixtures.project(), null, Map.of("role", "r")), "VALIDATION", "connectionOverrides");
    }

    @Test
    void anEnvironmentNeverChangesWarehouseButMayMoveToAnotherConnectionOfItsOwn() {
        String env = create(Fixtures.project(), Fixtures.connection("snowflake"), Map.of("role", "A")).extract().path("data.createEnvironment.id");
        assertError(update(env, Map.of("connectionId", Fixtures.connection("postgres"))), "VALIDATION", "connectionId")
                .body("errors[0].message", containsString("create a new environment"));
        String other = Fixtures.connection("snowflake");
        update(env, Map.of("connectionId", other)).body("errors", nullValue())
                .body("data.updateEnvironment.connection.id", equalTo(other))
                .body("data.updateEnvironment.connectionOverrides.role", equalTo("A"));
        update(env, Map.of("connectionOverrides", Map.of())).body("errors", nullValue())
                .body("data.updateEnvironment.connectionOverrides", nullValue());
    }

    @Test
    void unknownConnectionsAreNotFound() {
        assertError(create(Fixtures.project(), "00000000-0000-0000-0000-000000000000", null), "NOT_FOUND", "connectionId");
        assertError(create(Fixtures.project(), "not-an-id", null), "VALIDATION", "connectionId");
    }

    @Test
    void aConnectionInUseCannotBeDeleted() {
        String connection = Fixtures.connection("postgres");
        create(Fixtures.project(), connection, null).body("errors", nullValue());
        assertError(execute("mutation($id: ID!) { deleteConnection(id: $id) { id } }", vars("id", connection)), "CONFLICT", "id")
                .body("errors[0].message", containsString("/ env-"));
        assertEquals(1, Database.count("select count(*) from warehouse_connection where id = ?::uuid", connection));
    }
}
