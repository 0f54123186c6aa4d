package dev.envplane.credentials;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
@TestProfile(SecretsGoNowhereElseTest.PackagedCanary.class)
class SecretsGoNowhereElseIT extends SecretsGoNowhereElseTest {

    @Override
    protected boolean bindValuesAtTrace() {
        return false;
    }
}
