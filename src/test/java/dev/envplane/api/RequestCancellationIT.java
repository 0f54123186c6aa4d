package dev.envplane.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RequestCancellationIT extends RequestCancellationTest {
}
