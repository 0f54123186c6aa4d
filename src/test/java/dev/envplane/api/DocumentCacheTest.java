package dev.envplane.api;

import static dev.envplane.testing.GraphQL.execute;
import static io.restassured.RestAssured.given;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** With the document cache on (the default), every request is still checked on its own: limits and errors. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class DocumentCacheTest {

    /** complexity first x (3 + 10 x (1 + 24)): 12,650 for 50, 25,300 for 100 (limit 25,000) */
    private static final String PAGE = "query($first: Int) { projects(first: $first) { edges { node { environments { "
            + IntStream.range(0, 24).mapToObj(i -> "n" + i + ": name").collect(Collectors.joining(" ")) + " } } } } }";

    @Test
    void theSameDocumentIsGuardedAgainOnEveryRequest() {
        for (int round = 0; round < 3; round++) {
            execute(PAGE, vars("first", 50)).body("errors", nullValue()).body("data.projects", notNullValue());
            execute(PAGE, vars("first", 100)).body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                    .body("errors[0].extensions.limit", equalTo("envplane.graphql.max-complexity"))
                    .body("data", nullValue());
        }
    }

    /** The same kept document costs what its directives' variables and its chosen operation make it cost, every time. */
    @Test
    void aKeptDocumentIsMeasuredForItsVariablesAndOperation() {
        String deep = "query($deep: Boolean!) { projects(first: 60) { edges { node { name environments @include(if: $deep) { "
                + IntStream.range(0, 40).mapToObj(i -> "n" + i + ": name").collect(Collectors.joining(" ")) + " } } } } }";
        String two = "query Cheap { projects(first: 1) { totalCount } } " + PAGE.replace("query(", "query Costly(");
        for (int round = 0; round < 3; round++) {
            execute(deep, vars("deep", false)).body("errors", nullValue());
            execute(deep, vars("deep", true)).body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
            operation(two, "Cheap", Map.of()).body("errors", nullValue());
            operation(two, "Costly", Map.of("first", 100)).body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
        }
    }

    private static ValidatableResponse operation(String document, String operationName, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", document, "operationName", operationName, "variables", variables))
                .post("/graphql").then().statusCode(200);
    }

    @Test
    void anInvalidDocumentIsRefusedEveryTimeWithoutItsValues() {
        String invalid = "{ project(id: \"S3cret-canary\") { nosuch } }";
        for (int round = 0; round < 2; round++) {
            execute(invalid).body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                    .body("errors[0].message", not(containsString("S3cret")))
                    .body("data", nullValue());
        }
    }
}
