package dev.envplane.api;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every limit of a request with its defaults, just under (served) and just over (refused, naming the limit). */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class QueryLimitsTest {

    /** depth 8, complexity 100 x (3 + 10 x (1 + 1 + 10 x (1 + 1 + 1))) = 32,300 */
    private static final String CYCLE_WITHIN_DEPTH =
            "{ projects(first: 100) { edges { node { environments { project { environments { project { name } } } } } } } }";

    private static ValidatableResponse refusedBy(ValidatableResponse response, String limit) {
        return response.body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.limit", equalTo(limit))
                .body("errors[0].message", containsString(limit));
    }

    private static String repeat(int times, java.util.function.IntFunction<String> part) {
        return IntStream.range(0, times).mapToObj(part).collect(Collectors.joining(" "));
    }

    /** depth 8: projects > edges > node > environments > project > environments > project > name */
    private static String nested(int depth) {
        String inner = "name";
        for (int level = depth - 1; level >= 7; level--) {
            inner = (level % 2 == 0 ? "environments" : "project") + " { " + inner + " }";
        }
        return "{ projects(first: 1) { edges { node { environments { project { environments { " + inner + " } } } } } } }";
    }

    @Test
    void depthUpToTheLimitIsServedAndOneMoreIsRefused() {
        execute(nested(8)).body("errors", nullValue()).body("data.projects", notNullValue());
        refusedBy(execute(nested(9)), "envplane.graphql.max-depth").body("data", nullValue());
    }

    @Test
    void theCycleFromTheIssueIsRefusedBeforeItRuns() {
        String cycle = "project { environments { ".repeat(6) + "name" + " } }".repeat(6);
        long start = System.nanoTime();
        refusedBy(execute("{ projects(first: 5) { edges { node { environments { " + cycle + " } } } } }"), "envplane.graphql.max-depth")
                .body("data", nullValue());
        org.hamcrest.MatcherAssert.assertThat((System.nanoTime() - start) / 1_000_000, lessThan(5_000L));
        // within the depth limit the same cycle costs too much: 100 projects x 10 environments x 10 ...
        refusedBy(execute(CYCLE_WITHIN_DEPTH), "envplane.graphql.max-complexity").body("data", nullValue())
                .body("errors[0].message", containsString("complexity 32300"));
    }

    @Test
    void complexityGrowsWithPageSizeAndListNesting() {
        // 100 x (projects + edges + node + 10 x (environments + k fields)) = 1300 + 1000 k
        String under = repeat(23, i -> "n" + i + ": name");
        String over = repeat(24, i -> "n" + i + ": name");
        execute("{ projects(first: 100) { edges { node { environments { " + under + " } } } } }").body("errors", nullValue());
        refusedBy(execute("{ projects(first: 100) { edges { node { environments { " + over + " } } } } }"), "envplane.graphql.max-complexity")
                .body("errors[0].message", containsString("complexity 25300"));
        // the same fields on a smaller page are fine
        execute("{ projects(first: 10) { edges { node { environments { " + over + " } } } } }").body("errors", nullValue());
    }

    @Test
    void aliasesUpToTheLimitAreServedAndOneMoreIsRefused() {
        execute("{ projects(first: 1) { edges { node { " + repeat(30, i -> "a" + i + ": name") + " } } } }").body("errors", nullValue());
        refusedBy(execute("{ projects(first: 1) { edges { node { " + repeat(31, i -> "a" + i + ": name") + " } } } }"),
                "envplane.graphql.max-aliases");
    }

    @Test
    void tokensUpToTheLimitAreParsedAndMoreAreRefusedWhileParsing() {
        // "{", "}" and one token per field
        execute("{ " + "__typename ".repeat(1990) + "}").body("errors", nullValue());
        refusedBy(given().contentType("application/json").accept("application/json")
                .body(Map.of("query", "{ " + "__typename ".repeat(2010) + "}")).post("/graphql").then().statusCode(400),
                "envplane.graphql.max-tokens");
    }

    @Test
    void bodiesUpToTheLimitAreReadAndLargerOnesAre413() {
        String envelope = "{\"query\": \"{ __typename }\", \"extensions\": {\"pad\": \"\"}}";
        int limit = 64 * 1024;
        String under = envelope.replace("\"pad\": \"\"", "\"pad\": \"" + "x".repeat(limit - envelope.length()) + "\"");
        String over = envelope.replace("\"pad\": \"\"", "\"pad\": \"" + "x".repeat(limit - envelope.length() + 1) + "\"");
        given().contentType("application/json").body(under).post("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
        given().contentType("application/json").body(over).post("/graphql").then().statusCode(413);
    }

    @Test
    void databaseLoadsCountOncePerBatchAndMoreThanTheLimitAreCutShort() {
        // The tests run with envplane.graphql.max-loads=34 (LocalServicesResource): 30 root fields (the alias limit)
        // are 30 loads; below them each nested field is one load per level, however many parents ask for it.
        String project = Fixtures.project(Fixtures.unique("loads"));
        execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"prod\", type: DEPLOYMENT, deploymentType: PRODUCTION}) "
                + "{ id } }", vars("p", project)).body("errors", nullValue());
        String nested = "environments { project { id } } productionEnvironment { id } stagingEnvironment { id }";
        String query = "query($p: ID!) { " + repeat(30, i -> "p" + i + ": project(id: $p) { " + nested + " }") + " }";
        execute(query, vars("p", project)).body("errors", nullValue()).body("data.p29.productionEnvironment.id", notNullValue());
        execute(query.replace("project { id }", "project { id } credentials { adapterType }"), vars("p", project))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", containsString("envplane.graphql.max-loads"));
    }

    @Test
    void introspectionIsOffOutsideTheLocalDefault() {
        execute("{ __schema { types { name } } }")
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", equalTo("Introspection is disabled on this server"))
                .body("data", nullValue());
        execute("query($n: String!) { __type(name: $n) { name } }", vars("n", "Project"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        execute("{ __typename }").body("data.__typename", equalTo("Query"));
        given().get("/graphql/schema.graphql").then().statusCode(404);
    }

    @Test
    void refusalsAre400UnderGraphQLResponseJson() {
        given().contentType("application/json").accept("application/graphql-response+json").body(Map.of("query", nested(9)))
                .post("/graphql").then().statusCode(400).contentType(startsWith("application/graphql-response+json"))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
    }
}
