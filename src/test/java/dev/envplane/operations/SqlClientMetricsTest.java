package dev.envplane.operations;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The SQL client's metrics: one registration each, however many connections the pool opens. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class SqlClientMetricsTest {


    @Test
    void manyConnectionsRegisterNoGaugeTwice() throws Exception {
        List<CompletableFuture<Void>> reads = IntStream.range(0, 12).mapToObj(i -> CompletableFuture.runAsync(() -> given()
                .contentType("application/json").body(Map.of("query", "{ projects(first: 5) { totalCount } }"))
                .post("/graphql").then().statusCode(200).body("errors", nullValue()))).toList();
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);

        given().get(LocalServicesResource.managementUrl("/q/metrics")).then().statusCode(200);
        // The tests run both HTTP servers on port 0 (no port chosen beforehand can be relied on), and Quarkus tags the
        // http.server.active.* gauges with the port only above 0: those two, and only those, collide here (never in
        // production, where the ports are 8080 and 9000; OperatorLogIT checks the packaged application's log).
        List<String> twice = LocalServicesResource.applicationLog().lines().filter(line -> line.contains("has been already registered"))
                .filter(line -> !line.contains("MeterId{name='http.server.active.")).toList();
        assertTrue(twice.isEmpty(), "a meter registered twice: " + twice);
    }
}
