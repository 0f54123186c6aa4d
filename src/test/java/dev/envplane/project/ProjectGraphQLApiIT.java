package dev.envplane.project;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class ProjectGraphQLApiIT extends ProjectGraphQLApiTest {
}
