package dev.envplane.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same counts against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class ReadPathStatementsIT extends ReadPathStatementsTest {
}
