package dev.envplane.api;

import static dev.envplane.testing.GraphQL.execute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With ENVPLANE_GRAPHQL_INTROSPECTION=true (the local default's setting): the schema document and introspection. */
@QuarkusTest
@TestProfile(IntrospectionOnTest.IntrospectionOn.class)
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class IntrospectionOnTest {

    public static class IntrospectionOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("envplane.graphql.introspection", "true");
        }
    }

    @Test
    void theAdapterBlockAndReferenceInputsAreOneOf() {
        for (String input : List.of("CreateConnectionInput", "CredentialsInput", "ProjectRef", "EnvironmentRef")) {
            execute("{ __type(name: \"" + input + "\") { isOneOf } }")
                    .body("data.__type.isOneOf", is(true));
        }
        execute("{ __type(name: \"UpdateConnectionInput\") { isOneOf } }")
                .body("data.__type.isOneOf", is(false));
    }

    @Test
    void introspectionAnswers() {
        execute("{ __schema { types { name } } }").body("data.__schema.types.name", hasItem("Project"));
    }

    @Test
    void theSchemaHasTheConnectionInterfaceAndItsSixTypes() {
        String sdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        assertTrue(sdl.contains("interface Connection"), sdl);
        for (String type : List.of("PostgresConnection", "RedshiftConnection", "SnowflakeConnection", "BigQueryConnection",
                "SparkConnection", "DatabricksConnection")) {
            assertTrue(sdl.contains("type " + type + " implements Connection"), type + " in " + sdl);
        }
        int start = sdl.indexOf("type BigQueryConnection");
        String bigQuery = sdl.substring(start, sdl.indexOf('}', start));
        assertFalse(bigQuery.contains("serviceAccountKeyJson"), "the output type exposes the key field: " + bigQuery);
        assertTrue(bigQuery.contains("serviceAccountKeySet: Boolean!"), bigQuery);
    }
}
