package dev.envplane.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.GraphQL;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every GraphQL request needs a valid bearer token; health and metrics on the management port need none. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class AuthenticationTest {

    private static final String QUERY = "{ projects(first: 1) { totalCount } }";

    private static ValidatableResponse withAuthorization(String header) {
        var request = given().noFilters().contentType("application/json").accept("application/json")
                .body(Map.of("query", QUERY));
        if (header != null) {
            request.header("Authorization", header);
        }
        return request.post("/graphql").then();
    }

    private static void assertUnauthenticated(ValidatableResponse response) {
        response.statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("data", nullValue());
    }

    @Test
    void anAdminTokenIsAccepted() {
        withAuthorization("Bearer " + Tokens.admin()).statusCode(200)
                .body("errors", nullValue())
                .body("data.projects.totalCount", notNullValue());
    }

    @Test
    void noTokenIsUnauthenticated() {
        assertUnauthenticated(withAuthorization(null));
        assertUnauthenticated(withAuthorization("Basic YWRtaW46YWRtaW4="));
    }

    @Test
    void aGetQueryNeedsATokenToo() {
        assertUnauthenticated(given().noFilters().accept("application/json").queryParam("query", QUERY).get("/graphql").then());
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        assertUnauthenticated(withAuthorization("Bearer " + Tokens.expired("admin")));
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        assertUnauthenticated(withAuthorization("Bearer " + Tokens.withAudience("admin", "another-service")));
    }

    @Test
    void anUnsignedTokenIsUnauthenticated() {
        String[] parts = Tokens.admin().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        assertUnauthenticated(withAuthorization("Bearer " + none + "." + parts[1] + "."));
    }

    @Test
    void aTokenWithATamperedSignatureIsUnauthenticated() {
        String token = Tokens.admin();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertUnauthenticated(withAuthorization("Bearer " + tampered));
    }

    @Test
    void aTokenWithoutARoleIsForbiddenEverywhere() {
        GraphQL.as(Tokens.role("nobody")).execute(QUERY)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", equalTo("Missing permission read"));
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().noFilters().get(LocalServicesResource.managementUrl("/q/health/ready")).then().statusCode(200);
        given().noFilters().get(LocalServicesResource.managementUrl("/q/metrics")).then().statusCode(200);
    }
}
