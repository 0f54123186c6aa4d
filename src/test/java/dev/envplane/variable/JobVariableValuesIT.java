package dev.envplane.variable;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class JobVariableValuesIT extends JobVariableValuesTest {
}
