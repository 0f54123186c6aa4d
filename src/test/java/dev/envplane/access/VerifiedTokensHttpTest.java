package dev.envplane.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Quarkus' bearer authentication goes through the verified-token cache, and the cache never lets a forgery through. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class VerifiedTokensHttpTest {

    @Inject
    VerifiedTokens tokens;

    private static ValidatableResponse query(String token) {
        return given().noFilters().contentType("application/json").accept("application/json")
                .header("Authorization", "Bearer " + token)
                .body(Map.of("query", "{ projects(first: 1) { totalCount } }")).post("/graphql").then();
    }

    @Test
    void aVerifiedTokenIsKeptAndAnAlteredCopyIsStillRefused() {
        String token = Tokens.viewer();
        assertFalse(tokens.keeps(token));
        query(token).statusCode(200).body("errors", nullValue());
        assertTrue(tokens.keeps(token), "the request's token was verified once and kept");
        query(token).statusCode(200).body("errors", nullValue());

        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String altered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        query(altered).statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertFalse(tokens.keeps(altered));
    }
}
