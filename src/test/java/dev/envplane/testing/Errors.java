package dev.envplane.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ValidatableResponse;

/** How every test checks an error: exactly one, with its code and field, and nothing of the internals. */
public final class Errors {

    private Errors() {
    }

    /** Asserts a single GraphQL error with the given code and field, and none of the internals a client must not see. */
    public static ValidatableResponse assertError(ValidatableResponse response, String code, String field) {
        return response
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].extensions.field", equalTo(field))
                .body("errors[0].extensions.exception", nullValue())
                .body("errors[0].message", not(containsString("Exception")))
                .body("errors[0].message", not(containsString("SQL")))
                .body("errors[0].message", not(containsString("\tat ")));
    }

    /**
     * Asserts that GraphQL itself refused the request against the schema (for example an @oneOf input with no block
     * or two): one GRAPHQL_VALIDATION_FAILED error, before any resolver ran.
     */
    public static ValidatableResponse assertSchemaRefusal(ValidatableResponse response, String message) {
        return response
                .body("errors", hasSize(1))
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", equalTo(message))
                .body("data", nullValue());
    }
}
