package dev.envplane.api;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;

/**
 * What a browser page on another site, a proxy or a careless client can send: nothing but a JSON POST executes a
 * mutation, and every malformed request is a 4xx with a coded error, never a 500 naming Java classes.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class StrictGraphQLOverHttpTest {

    /** rest-assured would otherwise append its own charset or refuse to encode unknown content types. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .encodeContentTypeAs("text/plain", io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("application/graphql", io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("multipart/form-data", io.restassured.http.ContentType.TEXT));

    private static String createMutation(String name) {
        return "mutation { createProject(input: {name: \"" + name + "\"}) { id } }";
    }

    private static void assertNoProjectNamed(String name) {
        execute("query($n: String!) { projectByName(name: $n) { id } }", vars("n", name))
                .body("errors", nullValue()).body("data.projectByName", nullValue());
    }

    @Test
    void aMutationOverGetIs405AndCreatesNothing() {
        String name = Fixtures.unique("via-get");
        given().queryParam("query", createMutation(name)).get("/graphql")
                .then().statusCode(405).header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("data", nullValue());
        assertNoProjectNamed(name);
    }

    @Test
    void aMutationNamedByOperationNameOverGetIs405() {
        String name = Fixtures.unique("via-get");
        given().queryParam("query", "query Q { __typename } " + createMutation(name).replace("mutation", "mutation M"))
                .queryParam("operationName", "M").get("/graphql")
                .then().statusCode(405).header("Allow", "POST");
        assertNoProjectNamed(name);
        given().queryParam("query", "query Q { __typename } " + createMutation(name).replace("mutation", "mutation M"))
                .queryParam("operationName", "Q").get("/graphql")
                .then().log().ifValidationFails().statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/graphql", "multipart/form-data; boundary=x",
            "application/json; charset=latin1" })
    void postsThatAreNotJsonAre415AndExecuteNothing(String contentType) {
        String name = Fixtures.unique("simple-request");
        String body = "{\"query\": \"" + createMutation(name).replace("\"", "\\\"") + "\"}";
        given().config(RAW).contentType(contentType).body(body).post("/graphql")
                .then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        assertNoProjectNamed(name);
    }

    @Test
    void aPostWithoutContentTypeIs415() {
        String name = Fixtures.unique("no-content-type");
        given().config(RAW).body(("{\"query\": \"" + createMutation(name).replace("\"", "\\\"") + "\"}").getBytes())
                .post("/graphql").then().statusCode(415);
        assertNoProjectNamed(name);
    }

    @Test
    void jsonWithAnExplicitUtf8CharsetIsServed() {
        given().config(RAW).contentType("application/json; charset=utf-8").body("{\"query\": \"{ __typename }\"}")
                .post("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void otherMethodsAre405() {
        given().contentType("application/json").body("{\"query\": \"{ __typename }\"}").put("/graphql")
                .then().statusCode(405).header("Allow", "GET, POST");
        given().delete("/graphql").then().statusCode(405);
    }

    @ParameterizedTest
    @ValueSource(strings = { "*/*", "application/*", "" })
    void wildcardOrMissingAcceptIsServedAsJson(String accept) {
        var request = given().contentType("application/json").body(Map.of("query", "{ __typename }"));
        if (!accept.isEmpty()) {
            request.accept(accept);
        } else {
            request.config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()));
            request.header("Accept", "");
        }
        request.post("/graphql").then().statusCode(200).contentType(startsWith("application/json"))
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void theHigherQualityMediaTypeWins() {
        given().contentType("application/json").accept("application/json;q=0.5, application/graphql-response+json")
                .body(Map.of("query", "{ __typename }")).post("/graphql")
                .then().statusCode(200).contentType(startsWith("application/graphql-response+json"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/graphql-response+json" })
    void unparseableJsonIs400UnderBothMediaTypes(String accept) {
        given().contentType("application/json").accept(accept).body("{ this is not json").post("/graphql")
                .then().statusCode(400).contentType(startsWith(accept))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", equalTo("The request body is not valid JSON"))
                .body(not(containsString("java")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"query\": \"{ __typename }\", \"variables\": \"{}\"}",
            "{\"query\": \"{ __typename }\", \"variables\": [1]}",
            "{\"query\": \"{ __typename }\", \"operationName\": 7}",
            "{\"query\": \"{ __typename }\", \"operationName\": {}}",
            "{\"query\": \"{ __typename }\", \"extensions\": \"x\"}",
            "{\"query\": 1}",
            "{\"variables\": {}}",
            "[{\"query\": \"{ __typename }\"}]",
            "\"{ __typename }\"",
            "" })
    void malformedRequestsAre400NeverA500(String body) {
        ValidatableResponse response = given().config(RAW).contentType("application/json").accept("application/json")
                .body(body.getBytes()).post("/graphql").then();
        response.statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("data", nullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("parsson")))
                .body(not(containsString("java.")));
    }

    @Test
    void getParametersArriveAsSent() {
        // percent signs, plus signs, line breaks and comments in the document, the operation picked by name
        given().queryParam("query", "query A { __typename }\n# a comment\nquery B($n: String) { projects(first: 1, nameContains: $n) { totalCount } }")
                .queryParam("operationName", "B").queryParam("variables", "{\"n\": \"100%+ %41\"}")
                .get("/graphql").then().statusCode(200)
                .body("errors", nullValue())
                .body("data.projects.totalCount", equalTo(0));
        given().queryParam("query", "{ projects(first: 1, nameContains: \"50%+\") { totalCount } }").get("/graphql")
                .then().statusCode(200).body("errors", nullValue());
    }

    @Test
    void anUnknownOrMissingOperationNameIsAValidationError() {
        execute("query A { __typename } query B { __typename }")
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", startsWith("Must provide operation name"));
        given().queryParam("query", "query A { __typename }").queryParam("operationName", "C").get("/graphql")
                .then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", equalTo("Unknown operation named 'C'."));
    }

    @Test
    void malformedGetParametersAre400() {
        given().queryParam("query", "{ __typename }").queryParam("variables", "not json").get("/graphql")
                .then().statusCode(400).body("errors[0].message", equalTo("variables must be a JSON object"));
        given().queryParam("query", "{ __typename }").queryParam("variables", "[]").get("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        given().queryParam("variables", "{}").get("/graphql")
                .then().statusCode(400).body("errors[0].message", equalTo("The query parameter is missing"));
    }

    @Test
    void requestErrorsCarryStableCodesAndTheRightClassification() {
        execute("{ projects(first: 1 { totalCount }")
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].extensions.classification", equalTo("InvalidSyntax"))
                .body("errors[0].message", startsWith("Invalid syntax at line 1 column"));
        execute("{ projects { noSuchField } }")
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .body("errors[0].message", containsString("noSuchField"));
        execute("query($first: Int) { projects(first: $first) { totalCount } }", Map.of("first", "many"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].extensions.field", equalTo("first"))
                .body("errors[0].extensions.classification", equalTo("ValidationError"));
    }

    @Test
    void noRequestErrorEchoesAnInlineValue() {
        String value = "Inline-" + Fixtures.unique("v");
        execute("mutation { createProject(input: {name: \"x\", nmae: \"" + value + "\"}) { id } }")
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].extensions.field", equalTo("input"))
                .body("errors[0].message", containsString("nmae"))
                .body(not(containsString(value)));
        execute("{ projects(first: \"" + value + "\") { totalCount } }")
                .body("errors[0].message", containsString("'Int'"))
                .body(not(containsString(value)));
        execute("{ projects(first: 1, nameContains: " + value.length() + ") { totalCount } }")
                .body("errors[0].message", containsString("'String'"));
        execute("query($first: Int = \"" + value + "\") { projects(first: $first) { totalCount } }")
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body(not(containsString(value)));
        execute("{ projects(first: 1) { totalCount } \"" + value + "\" }")
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body(not(containsString(value)));
    }
}
