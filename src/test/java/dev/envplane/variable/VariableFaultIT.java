package dev.envplane.variable;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same faults against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class VariableFaultIT extends VariableFaultTest {
}
