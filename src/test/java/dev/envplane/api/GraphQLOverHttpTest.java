package dev.envplane.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The GraphQL-over-HTTP specification, including its SHOULDs, as a client sees it. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class GraphQLOverHttpTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private static RequestSpecification accepting(String mediaType) {
        return given().contentType("application/json").accept(mediaType);
    }

    @Test
    void everyCallHasConnectionAndSocketTimeouts() {
        Map<String, ?> params = RestAssured.config().getHttpClientConfig().params();
        for (String timeout : new String[] { "http.connection.timeout", "http.socket.timeout" }) {
            assertEquals(60_000, ((Number) params.get(timeout)).intValue(), timeout + " in " + params);
        }
    }

    @Test
    void answersAQueryUnderBothMediaTypes() {
        accepting("application/json").body(Map.of("query", "{ projects(first: 1) { totalCount } }"))
                .post("/graphql").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("data.projects.totalCount", notNullValue());
        accepting(GRAPHQL_RESPONSE).body(Map.of("query", "{ projects(first: 1) { totalCount edges { node { environments { name } } } } }"))
                .post("/graphql").then().statusCode(200)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("errors", nullValue());
    }

    @Test
    void answersQueriesOverGet() {
        given().accept(GRAPHQL_RESPONSE).queryParam("query", "{ projects(first: 1) { totalCount } }")
                .get("/graphql").then().statusCode(200)
                .body("data.projects.totalCount", notNullValue());
    }

    @Test
    void documentsThatFailToParseAre400UnderGraphQLResponseJsonAnd200UnderJson() {
        accepting(GRAPHQL_RESPONSE).body(Map.of("query", "{ projects(first: 1 { totalCount }"))
                .post("/graphql").then().statusCode(400).body("errors", hasSize(1)).body("data", nullValue());
        accepting("application/json").body(Map.of("query", "{ projects(first: 1 { totalCount }"))
                .post("/graphql").then().statusCode(200).body("errors", hasSize(1));
    }

    @Test
    void documentsThatFailValidationAre400() {
        accepting(GRAPHQL_RESPONSE).body(Map.of("query", "{ projects { noSuchField } }"))
                .post("/graphql").then().statusCode(400)
                .body("errors[0].message", containsString("noSuchField"))
                .body("data", nullValue());
    }

    @Test
    void variablesThatFailCoercionAre400() {
        accepting(GRAPHQL_RESPONSE).body(Map.of("query", "query($first: Int) { projects(first: $first) { totalCount } }",
                "variables", Map.of("first", "not a number")))
                .post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .body("errors[0].message", containsString("first"));
    }

    @Test
    void unparseableRequestBodiesAre400() {
        accepting(GRAPHQL_RESPONSE).body("{ this is not json").post("/graphql").then().statusCode(400);
    }

    @Test
    void resolverErrorsKeep200BecauseExecutionHappened() {
        accepting(GRAPHQL_RESPONSE).body(Map.of("query", "{ projects(first: 1000) { totalCount } }"))
                .post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("VALIDATION"))
                .body("errors[0].extensions.field", equalTo("first"));
    }

    @Test
    void unsupportedAcceptIs406() {
        accepting("text/html").body(Map.of("query", "{ __typename }")).post("/graphql").then().statusCode(406);
    }

    @Test
    void theSchemaIsNotServedOutsideTheLocalDefault() {
        given().get("/graphql/schema.graphql").then().statusCode(404);
    }
}
