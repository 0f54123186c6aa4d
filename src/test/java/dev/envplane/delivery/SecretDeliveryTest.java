package dev.envplane.delivery;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.envplane.access.Permissions;
import dev.envplane.testing.Database;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.GraphQL;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Tokens;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * deliverSecrets over HTTP, and a runner unwrapping on the test Vault directly: each token unwraps once to the exact
 * values and then never again, and not after its TTL; the values are in no response, log line or row of envplane's.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class SecretDeliveryTest {

    static final String DELIVER = "mutation($e: ID!, $ttl: Int!) { deliverSecrets(environmentId: $e, ttlSeconds: $ttl) { environmentId expiresAt "
            + "secrets { path version wrappingToken accessor expiresAt keys supplies { environmentVariable key delivery } } } }";

    /** A staging environment with a Postgres password and a secret variable, both canaries. */
    record Staging(String projectId, String id, String password, String apiToken) {

        static Staging create() {
            String project = Fixtures.project();
            String connection = Fixtures.connection("postgres");
            String id = execute("mutation($p: ID!, $c: ID!) { createEnvironment(input: {projectId: $p, name: \"staging\", type: DEPLOYMENT, "
                    + "deploymentType: STAGING, connectionId: $c}) { id } }", vars("p", project, "c", connection))
                    .body("errors", nullValue()).extract().path("data.createEnvironment.id");
            String password = "canary-password-" + UUID.randomUUID();
            execute("mutation($e: ID!, $i: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, input: $i) { __typename } }",
                    vars("e", id, "i", Map.of("postgres", Map.of("username", "dbt", "password", password, "schema", "analytics"))))
                    .body("errors", nullValue());
            String apiToken = "canary-api-token-" + UUID.randomUUID();
            execute("mutation($i: CreateEnvironmentVariableInput!) { createEnvironmentVariable(input: $i) { id } }",
                    vars("i", Map.of("projectId", project, "name", "DBT_ENV_SECRET_API_TOKEN",
                            "environmentValues", List.of(Map.of("environmentId", id, "value", apiToken)))))
                    .body("errors", nullValue());
            return new Staging(project, id, password, apiToken);
        }

        ValidatableResponse deliver(String token, int ttlSeconds) {
            return GraphQL.as(token).execute(DELIVER, vars("e", id, "ttl", ttlSeconds));
        }
    }

    /** What a runner does with a wrapping token: POST sys/wrapping/unwrap on Vault itself, the token as X-Vault-Token. */
    static Response unwrap(String wrappingToken) {
        return given().header("X-Vault-Token", wrappingToken).post(LocalServicesResource.vault().url() + "/v1/sys/wrapping/unwrap");
    }

    static void assertUsedUp(Response unwrap) {
        unwrap.then().statusCode(400).body("errors", hasItem("wrapping token is not valid or does not exist")).body("data", nullValue());
    }

    @Test
    void adminAndScopedIntegrationsGetTokensThatUnwrapOnceToTheExactValues() {
        Staging staging = Staging.create();
        for (String caller : List.of(Tokens.admin(), Tokens.integration(staging.id()), Tokens.integration(staging.projectId() + "/STAGING"))) {
            int logMark = LocalServicesResource.logMark();
            Instant asked = Instant.now();
            ValidatableResponse response = staging.deliver(caller, 120).body("errors", nullValue()).header("Cache-Control", "no-store");
            String body = response.extract().asString();
            JsonPath delivered = JsonPath.from(body).setRootPath("data.deliverSecrets");
            assertEquals(staging.id(), delivered.getString("environmentId"));
            assertEquals(2, delivered.getList("secrets").size(), body);

            JsonPath credentials = JsonPath.from(body).setRootPath("data.deliverSecrets.secrets.find { it.path.endsWith('/credentials') }");
            assertEquals(Vault.credentialsPath(staging.projectId(), staging.id()), credentials.getString("path"));
            assertEquals(List.of("password"), credentials.getList("keys"));
            assertEquals(List.of(Map.of("environmentVariable", "DBT_ENV_SECRET_PASSWORD", "key", "password", "delivery", "VALUE")),
                    credentials.getList("supplies"));
            JsonPath variable = JsonPath.from(body).setRootPath("data.deliverSecrets.secrets.find { it.path.contains('/variables/') }");
            assertEquals(List.of("value"), variable.getList("keys"));
            assertEquals("DBT_ENV_SECRET_API_TOKEN", variable.getString("supplies[0].environmentVariable"));
            Instant expiresAt = Instant.parse(credentials.getString("expiresAt"));
            assertTrue(!expiresAt.isBefore(asked.plusSeconds(119)) && expiresAt.isBefore(Instant.now().plusSeconds(122)),
                    "expires 120 s after the call: " + expiresAt);
            assertFalse(credentials.getString("accessor").equals(credentials.getString("wrappingToken")));

            // the runner, on Vault: the exact values of the version the target reads, once
            String credentialsToken = credentials.getString("wrappingToken");
            String variableToken = variable.getString("wrappingToken");
            Response first = unwrap(credentialsToken);
            first.then().statusCode(200).body("data.data.password", equalTo(staging.password()))
                    .body("data.metadata.version", equalTo(credentials.getInt("version")));
            unwrap(variableToken).then().statusCode(200).body("data.data.value", equalTo(staging.apiToken()));
            assertUsedUp(unwrap(credentialsToken));
            assertUsedUp(unwrap(variableToken));

            // where the values did not go: the GraphQL response, envplane's log (nor the tokens), the database
            String log = LocalServicesResource.capturedLogSince(logMark);
            String rows = String.join("\n", Database.everyValue());
            for (String secret : List.of(staging.password(), staging.apiToken(), credentialsToken, variableToken)) {
                assertFalse(log.contains(secret), "a delivered secret or its wrapping token is in the log");
                assertFalse(rows.contains(secret), "a delivered secret or its wrapping token is in the database");
            }
            assertFalse(body.contains(staging.password()) || body.contains(staging.apiToken()), "a value is in the response");
            assertTrue(log.contains(credentials.getString("accessor")), "the delivery is logged, by accessor");
        }
    }

    @Test
    void aTokenExpiresWithItsTtl() {
        Staging staging = Staging.create();
        String token = staging.deliver(Tokens.integration(staging.id()), 30).body("errors", nullValue())
                .extract().path("data.deliverSecrets.secrets[0].wrappingToken");
        given().contentType("application/json").body(Map.of("token", token)).post(LocalServicesResource.vault().url() + "/v1/sys/wrapping/lookup")
                .then().statusCode(200).body("data.creation_ttl", equalTo(30));
        LocalServicesResource.vaultClock().advance(Duration.ofSeconds(31));
        try {
            assertUsedUp(unwrap(token));
        } finally {
            LocalServicesResource.vaultClock().reset();
        }
        assertUsedUp(unwrap(token));
    }

    @Test
    void theRotatedVersionIsDelivered() {
        Staging staging = Staging.create();
        String rotated = "canary-rotated-" + UUID.randomUUID();
        execute("mutation($e: ID!, $i: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, input: $i) { __typename } }",
                vars("e", staging.id(), "i", Map.of("postgres", Map.of("password", rotated)))).body("errors", nullValue());
        String body = staging.deliver(Tokens.admin(), 60).body("errors", nullValue()).extract().asString();
        String token = JsonPath.from(body).getString("data.deliverSecrets.secrets.find { it.path.endsWith('/credentials') }.wrappingToken");
        unwrap(token).then().statusCode(200).body("data.data.password", equalTo(rotated)).body("data.metadata.version", equalTo(2));
        assertFalse(body.contains(rotated));
    }

    @Test
    void aTargetWithoutSecretsGetsNoToken() {
        String environment = Fixtures.environmentOn("postgres").id();
        GraphQL.as(Tokens.integration(environment)).execute(DELIVER, vars("e", environment, "ttl", 300))
                .body("errors", nullValue()).body("data.deliverSecrets.secrets", equalTo(List.of()));
    }

    @Test
    void developersViewersAndIntegrationsOfOtherEnvironmentsAreForbidden() {
        Staging staging = Staging.create();
        Staging other = Staging.create();
        for (String caller : List.of(Tokens.developer(), Tokens.viewer(), Tokens.integration(other.id()),
                Tokens.integration(other.projectId() + "/STAGING"), Tokens.integration(staging.projectId() + "/PRODUCTION"), Tokens.integration())) {
            assertForbidden(staging.deliver(caller, 300));
        }
        // an integration cannot tell an id that exists from one that does not, nor from a malformed one
        assertForbidden(GraphQL.as(Tokens.integration(staging.id())).execute(DELIVER, vars("e", UUID.randomUUID().toString(), "ttl", 300)));
        assertForbidden(GraphQL.as(Tokens.integration(staging.id())).execute(DELIVER, vars("e", "not-an-id", "ttl", 300)));
    }

    private static void assertForbidden(ValidatableResponse response) {
        assertError(response, "FORBIDDEN", null).body("errors[0].message", equalTo("Missing permission " + Permissions.DELIVER_SECRETS))
                .body("data", nullValue()).header("Cache-Control", "no-store");
    }

    @Test
    void anAdminAskingForAnUnknownEnvironmentGetsNotFound() {
        assertError(GraphQL.as(Tokens.admin()).execute(DELIVER, vars("e", UUID.randomUUID().toString(), "ttl", 300)), "NOT_FOUND", "environmentId");
        assertError(GraphQL.as(Tokens.admin()).execute(DELIVER, vars("e", "not-an-id", "ttl", 300)), "VALIDATION", "environmentId");
    }

    @Test
    void aTtlOutsideThirtySecondsToAnHourIsRefused() {
        Staging staging = Staging.create();
        for (int ttl : List.of(29, 3601, 0, -1)) {
            assertError(staging.deliver(Tokens.integration(staging.id()), ttl), "VALIDATION", "ttlSeconds").body("data", nullValue());
        }
        staging.deliver(Tokens.integration(staging.id()), 30).body("errors", nullValue());
        staging.deliver(Tokens.integration(staging.id()), 3600).body("errors", nullValue());
        // the default: five minutes
        String expiresAt = GraphQL.as(Tokens.admin()).execute("mutation($e: ID!) { deliverSecrets(environmentId: $e) { expiresAt } }",
                vars("e", staging.id())).body("errors", nullValue()).extract().path("data.deliverSecrets.expiresAt");
        assertTrue(Instant.parse(expiresAt).isAfter(Instant.now().plusSeconds(290)), expiresAt);
    }

    @Test
    void vaultSealedUnreachableOrRefusingDeliversNothing() {
        Staging staging = Staging.create();
        Vault.denyToTheService("secret/data/" + Vault.credentialsPath(staging.projectId(), staging.id()));
        try {
            assertError(staging.deliver(Tokens.integration(staging.id()), 300), "SECRET_STORE_UNAVAILABLE", null).body("data", nullValue());
        } finally {
            Vault.restoreServicePolicy();
        }
        LocalServicesResource.vault().seal();
        try {
            assertError(staging.deliver(Tokens.integration(staging.id()), 300), "SECRET_STORE_UNAVAILABLE", null).body("data", nullValue());
        } finally {
            LocalServicesResource.vault().unseal();
        }
        LocalServicesResource.vaultLink().cut();
        try {
            assertError(staging.deliver(Tokens.integration(staging.id()), 300), "SECRET_STORE_UNAVAILABLE", null).body("data", nullValue());
        } finally {
            LocalServicesResource.vaultLink().restore();
        }
        staging.deliver(Tokens.integration(staging.id()), 300).body("errors", nullValue());
    }
}
