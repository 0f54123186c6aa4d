package dev.envplane.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.envplane.testing.GraphQL;
import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator's probes and scrapers see: on the management port, and only there. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class OperationsTest {

    @Test
    void livenessIsUp() {
        given().get(LocalServicesResource.managementUrl("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().get(LocalServicesResource.managementUrl("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void exposesPrometheusMetrics() {
        // a request of its own first: the test must not depend on another having been served before it
        GraphQL.execute("{ projects(first: 1) { totalCount } }").body("errors", nullValue());
        given().get(LocalServicesResource.managementUrl("/q/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"), containsString("uri=\"/graphql\""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/live", "/q/health/ready", "/q/metrics" })
    void thePublicPortServesNoneOfIt(String path) {
        given().get(path).then().statusCode(404);
    }
}
