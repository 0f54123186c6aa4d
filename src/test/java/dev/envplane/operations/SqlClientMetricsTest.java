package dev.envplane.operations;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
        assertFalse(LocalServicesResource.applicationLog().contains("has been already registered"), "a meter registered twice");
    }
}
