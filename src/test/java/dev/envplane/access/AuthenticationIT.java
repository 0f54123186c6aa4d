package dev.envplane.access;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class AuthenticationIT extends AuthenticationTest {
}
