package dev.envplane.credentials;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
@TestProfile(SecretsGoNowhereElseTest.Canary.class)
class SecretsGoNowhereElseIT extends SecretsGoNowhereElseTest {
}
