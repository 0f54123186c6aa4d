package dev.envplane.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.regex.Pattern;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import io.restassured.response.ValidatableResponse;

/** How every test checks an error: exactly one, with its code and field, and nothing of the internals. */
public final class Errors {

    /**
     * What must never reach a client in an error message: stack frames, SQL and PostgreSQL's own message shapes,
     * Java package names and exception class names.
     */
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("Exception"),
            Pattern.compile("SQL"),
            Pattern.compile("\tat "),
            Pattern.compile("duplicate key value"),
            Pattern.compile("violates"),
            Pattern.compile("relation \""),
            Pattern.compile("\\b(java|javax|jakarta|io\\.quarkus|io\\.vertx|io\\.smallrye|io\\.netty|org\\.hibernate|org\\.postgresql|graphql\\.execution|dev\\.envplane)\\."),
            Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Exception|Error|Throwable)\\b"));

    private Errors() {
    }

    /** Asserts a single GraphQL error with the given code and field, and none of the internals a client must not see. */
    public static ValidatableResponse assertError(ValidatableResponse response, String code, String field) {
        return response
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].extensions.field", equalTo(field))
                .body("errors[0].extensions.exception", nullValue())
                .body("errors[0].message", noInternals());
    }

    /**
     * Asserts that the request succeeded without any GraphQL error: a field that must answer null is only proven
     * null when no error made it so (an error also nulls the field).
     */
    public static ValidatableResponse assertNoErrors(ValidatableResponse response) {
        return response.body("errors", nullValue());
    }

    /** A message that carries none of {@link #INTERNALS}. */
    public static Matcher<String> noInternals() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String message) {
                return INTERNALS.stream().noneMatch(internal -> internal.matcher(message).find());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a message without stack frames, SQL, PostgreSQL message text, Java package or exception class names");
            }
        };
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
