package dev.envplane.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Sends GraphQL operations over HTTP the way clients do: POST /graphql with a JSON body, as an admin (Tokens) unless
 * sent {@link #as} another caller.
 */
public final class GraphQL {

    private GraphQL() {
    }

    public static ValidatableResponse execute(String document) {
        return execute(document, Map.of());
    }

    public static ValidatableResponse execute(String document, Map<String, ?> variables) {
        return send(null, document, variables);
    }

    /** The same requests with this bearer token (Tokens.developer(), Tokens.integration(...), ...). */
    public static Caller as(String token) {
        return new Caller(token);
    }

    public record Caller(String token) {

        public ValidatableResponse execute(String document) {
            return execute(document, Map.of());
        }

        public ValidatableResponse execute(String document, Map<String, ?> variables) {
            return send(token, document, variables);
        }
    }

    private static ValidatableResponse send(String token, String document, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql").then().statusCode(200);
    }

    /** Variables as alternating names and values; null values are kept (unlike Map.of). */
    public static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }
}
