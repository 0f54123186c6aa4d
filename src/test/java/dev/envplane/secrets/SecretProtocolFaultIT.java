package dev.envplane.secrets;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same faults against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class SecretProtocolFaultIT extends SecretProtocolFaultTest {
}
