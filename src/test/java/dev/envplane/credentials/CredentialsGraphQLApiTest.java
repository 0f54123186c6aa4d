package dev.envplane.credentials;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.Errors.assertSchemaRefusal;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Database;
import dev.envplane.testing.Eventually;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.Fixtures.Environment;
import dev.envplane.testing.Keys;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Deployment credentials through the API: typed per warehouse, secrets write-only and in Vault alone. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class CredentialsGraphQLApiTest {

    static final String FIELDS = """
            __typename adapterType threads secretVersion secretsUpdatedAt version
            ... on PostgresCredentials { username schema passwordSet }
            ... on RedshiftCredentials { username schema passwordSet }
            ... on SnowflakeCredentials { authMethod username schema passwordSet privateKeySet privateKeyPassphraseSet }
            ... on BigQueryCredentials { dataset }
            ... on SparkCredentials { schema tokenSet }
            ... on DatabricksCredentials { schema catalog tokenSet }""";
    static final String SET = "mutation($e: ID!, $input: CredentialsInput!, $clear: [CredentialSecret]) "
            + "{ setEnvironmentCredentials(environmentId: $e, input: $input, clearSecrets: $clear) { "
            + FIELDS + " } }";
    static final String DELETE = "mutation($e: ID!) { deleteEnvironmentCredentials(environmentId: $e) { adapterType } }";
    static final String READ = "query($e: ID!) { environment(id: $e) { credentials { " + FIELDS + " } } }";

    static ValidatableResponse set(String environmentId, Map<String, Object> input) {
        return execute(SET, setVars(environmentId, input));
    }

    /** The variables of SET for {@code input} as a test writes it, clearSecrets beside the block; it is its own argument. */
    static Map<String, Object> setVars(String environmentId, Map<String, Object> input) {
        Map<String, Object> block = new HashMap<>(input);
        Object clear = block.remove("clearSecrets");
        return vars("e", environmentId, "input", block, "clear", clear);
    }

    @Test
    void postgresPasswordGoesToVaultOnly() {
        Environment env = Fixtures.environmentOn("postgres");
        String canary = Fixtures.unique("pg-password");
        ValidatableResponse response = set(env.id(), Map.of("postgres", Map.of("username", "dbt", "password", canary, "schema", "analytics")))
                .body("errors", nullValue())
                .body("data.setEnvironmentCredentials.__typename", equalTo("PostgresCredentials"))
                .body("data.setEnvironmentCredentials.passwordSet", is(true))
                .body("data.setEnvironmentCredentials.threads", is(4))
                .body("data.setEnvironmentCredentials.secretVersion", is(1));
        assertFalse(response.extract().asString().contains(canary), "the response must not carry the password");
        assertEquals(canary, Vault.latest(env.vaultPath()).getString("data.data.password"));
        assertFalse(Database.everyValue().stream().anyMatch(value -> value.contains(canary)), "no database value may hold the password");
        execute(READ, vars("e", env.id())).body("data.environment.credentials.username", equalTo("dbt"))
                .body("data.environment.credentials.passwordSet", is(true));
    }

    @Test
    void everyWarehouseHasItsOwnCredentialsType() {
        record Case(String block, Map<String, Object> input, String type) {
        }
        for (Case c : List.of(
                new Case("redshift", Map.of("username", "dbt", "password", "p", "schema", "s", "threads", 8), "RedshiftCredentials"),
                new Case("snowflake", Map.of("username", "DBT", "password", "p", "schema", "S"), "SnowflakeCredentials"),
                new Case("bigquery", Map.of("dataset", "analytics"), "BigQueryCredentials"),
                new Case("spark", Map.of("token", "t", "schema", "s"), "SparkCredentials"),
                new Case("databricks", Map.of("token", "t", "schema", "s", "catalog", "main"), "DatabricksCredentials"))) {
            Environment env = Fixtures.environmentOn(c.block());
            set(env.id(), Map.of(c.block(), c.input())).body("errors", nullValue())
                    .body("data.setEnvironmentCredentials.__typename", equalTo(c.type()))
                    .body("data.setEnvironmentCredentials.adapterType", equalTo(c.block().toUpperCase()));
        }
    }

    @Test
    void anUpdateThatOmitsASecretKeepsItAndARotationIsANewVersion() {
        Environment env = Fixtures.environmentOn("databricks");
        set(env.id(), Map.of("databricks", Map.of("token", "first-token", "schema", "s"))).body("errors", nullValue());
        set(env.id(), Map.of("databricks", Map.of("threads", 16, "catalog", "hive")))
                .body("errors", nullValue())
                .body("data.setEnvironmentCredentials.threads", is(16))
                .body("data.setEnvironmentCredentials.schema", equalTo("s"))
                .body("data.setEnvironmentCredentials.tokenSet", is(true))
                .body("data.setEnvironmentCredentials.secretVersion", is(1));
        set(env.id(), Map.of("databricks", Map.of("token", "second-token")))
                .body("data.setEnvironmentCredentials.secretVersion", is(2));
        assertEquals("second-token", Vault.latest(env.vaultPath()).getString("data.data.token"));
        // The replaced version does not linger in Vault's history: the outbox destroys it after the commit.
        Eventually.until("version 1 destroyed", () -> Vault.get("secret/metadata/" + env.vaultPath()).jsonPath()
                .getBoolean("data.versions.1.destroyed"));
    }

    @Test
    void snowflakeKeyPairWithAnEncryptedKeyNeedsItsPassphraseAndClearingIsExplicit() {
        Environment env = Fixtures.environmentOn("snowflake");
        String key = Keys.encryptedPkcs8Pem("correct horse");
        assertError(set(env.id(), Map.of("snowflake", Map.of("authMethod", "KEY_PAIR", "username", "DBT", "schema", "S", "privateKey", key))),
                "VALIDATION", "snowflake.privateKeyPassphrase");
        set(env.id(), Map.of("snowflake", Map.of("authMethod", "KEY_PAIR", "username", "DBT", "schema", "S", "privateKey", key,
                "privateKeyPassphrase", "correct horse")))
                .body("errors", nullValue())
                .body("data.setEnvironmentCredentials.privateKeySet", is(true))
                .body("data.setEnvironmentCredentials.privateKeyPassphraseSet", is(true))
                .body("data.setEnvironmentCredentials.passwordSet", is(false));
        set(env.id(), Map.of("snowflake", Map.of(), "clearSecrets", List.of("PRIVATE_KEY_PASSPHRASE")))
                .body("errors", nullValue())
                .body("data.setEnvironmentCredentials.privateKeyPassphraseSet", is(false))
                .body("data.setEnvironmentCredentials.secretVersion", is(2));
        assertEquals(null, (Object) Vault.latest(env.vaultPath()).get("data.data.privateKeyPassphrase"));
        assertError(set(env.id(), Map.of("snowflake", Map.of(), "clearSecrets", List.of("PRIVATE_KEY"))), "VALIDATION", "snowflake.privateKey");
        assertError(set(env.id(), Map.of("snowflake", Map.of(), "clearSecrets", List.of("TOKEN"))), "VALIDATION", "clearSecrets");
    }

    @Test
    void switchingSnowflakeToPasswordDropsTheKey() {
        Environment env = Fixtures.environmentOn("snowflake");
        set(env.id(), Map.of("snowflake", Map.of("authMethod", "KEY_PAIR", "username", "DBT", "schema", "S", "privateKey", Keys.pkcs8Pem())))
                .body("data.setEnvironmentCredentials.privateKeySet", is(true));
        set(env.id(), Map.of("snowflake", Map.of("authMethod", "PASSWORD", "password", "pw")))
                .body("data.setEnvironmentCredentials.passwordSet", is(true))
                .body("data.setEnvironmentCredentials.privateKeySet", is(false));
        assertEquals(null, (Object) Vault.latest(env.vaultPath()).get("data.data.privateKey"));
    }

    @Test
    void refusesBadKeysWithoutQuotingThem() {
        Environment env = Fixtures.environmentOn("snowflake");
        String notAKey = "-----BEGIN PRIVATE KEY-----\n" + Fixtures.unique("bm90YWtleQ") + "\n-----END PRIVATE KEY-----";
        ValidatableResponse response = set(env.id(), Map.of("snowflake", Map.of("authMethod", "KEY_PAIR", "username", "DBT", "schema", "S",
                "privateKey", notAKey)));
        assertError(response, "VALIDATION", "snowflake.privateKey");
        assertFalse(response.extract().asString().contains(Keys.body(notAKey)));
        assertEquals(404, Vault.metadataStatus(env.vaultPath()), "nothing may reach Vault");
        assertEquals(0, Database.count("select count(*) from environment_credentials where environment_id = ?::uuid", env.id()));
    }

    @Test
    void refusesABlockOfAnotherWarehouseMissingFieldsAndEnvironmentsWithoutConnection() {
        Environment env = Fixtures.environmentOn("postgres");
        assertError(set(env.id(), Map.of("snowflake", Map.of("username", "u"))), "VALIDATION", "snowflake");
        assertError(set(env.id(), Map.of("postgres", Map.of("username", "u", "schema", "s"))), "VALIDATION", "postgres.password");
        assertError(set(env.id(), Map.of("postgres", Map.of("password", "p", "schema", "s"))), "VALIDATION", "postgres.username");
        assertError(set(env.id(), Map.of("postgres", Map.of("username", "u", "password", "p", "schema", "s", "threads", 0))),
                "VALIDATION", "postgres.threads");
        String oneOf = "Exactly one key must be specified for OneOf type 'CredentialsInput'.";
        assertSchemaRefusal(set(env.id(), Map.of()), oneOf);
        assertSchemaRefusal(set(env.id(), Map.of("postgres", Map.of(), "redshift", Map.of())), oneOf);
        String bare = execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"x\", type: DEPLOYMENT}) { id } }",
                vars("p", Fixtures.project())).extract().path("data.createEnvironment.id");
        assertError(set(bare, Map.of("postgres", Map.of("username", "u", "password", "p", "schema", "s"))), "VALIDATION", "environmentId");
        assertError(set("00000000-0000-0000-0000-000000000000", Map.of("postgres", Map.of())), "NOT_FOUND", "environmentId");
        assertEquals(404, Vault.metadataStatus(env.vaultPath()));
    }

    @Test
    void deletingCredentialsAnEnvironmentOrAProjectDestroysEverySecretVersion() {
        Environment first = Fixtures.environmentOn("spark");
        set(first.id(), Map.of("spark", Map.of("token", "a", "schema", "s"))).body("errors", nullValue());
        set(first.id(), Map.of("spark", Map.of("token", "b"))).body("errors", nullValue());
        execute(DELETE, vars("e", first.id())).body("data.deleteEnvironmentCredentials.adapterType", equalTo("SPARK"));
        Eventually.until("first destroyed", () -> Vault.metadataStatus(first.vaultPath()) == 404);
        execute(READ, vars("e", first.id())).body("errors", nullValue()).body("data.environment", org.hamcrest.Matchers.notNullValue())
                .body("data.environment.credentials", nullValue());
        assertError(execute(DELETE, vars("e", first.id())), "NOT_FOUND", "environmentId");

        Environment second = Fixtures.environmentOn("spark");
        set(second.id(), Map.of("spark", Map.of("token", "a", "schema", "s"))).body("errors", nullValue());
        execute("mutation($e: ID!) { deleteEnvironment(id: $e) { environments { id } } }", vars("e", second.id())).body("errors", nullValue());
        Eventually.until("second destroyed", () -> Vault.metadataStatus(second.vaultPath()) == 404);

        Environment third = Fixtures.environmentOn("spark");
        set(third.id(), Map.of("spark", Map.of("token", "a", "schema", "s"))).body("errors", nullValue());
        execute("mutation($p: ID!) { deleteProject(id: $p, force: true) { projects { id } } }", vars("p", third.projectId())).body("errors", nullValue());
        Eventually.until("third destroyed", () -> Vault.metadataStatus(third.vaultPath()) == 404);
        assertEquals(0, Database.count("select count(*) from environment_credentials where environment_id = ?::uuid", third.id()));
    }

    @Test
    void aDatabaseFailureAfterVaultDestroysTheNewVersion() throws Exception {
        Environment env = Fixtures.environmentOn("postgres");
        try (Connection db = LocalServicesResource.database().connect()) {
            db.createStatement().execute("""
                    create or replace function reject_test_credentials() returns trigger language plpgsql as $$
                    begin if new.username = 'db-refuses-this' then raise exception 'refused by test trigger'; end if; return new; end $$;
                    drop trigger if exists reject_test_credentials on environment_credentials;
                    create trigger reject_test_credentials before insert or update on environment_credentials
                        for each row execute function reject_test_credentials();""");
            int logMark = LocalServicesResource.logMark();
            String canary = Fixtures.unique("canary-internal");
            String answer = assertError(set(env.id(), Map.of("postgres", Map.of("username", "db-refuses-this", "password", canary, "schema", "s"))),
                    "INTERNAL", null).extract().asString();
            // The README's promise: the message carries the request's reference, and the log has it on an ERROR line
            Matcher reference = Pattern.compile("reference ([0-9a-f-]{36})").matcher(answer);
            assertTrue(reference.find(), "the INTERNAL message carries a reference: " + answer);
            String log = LocalServicesResource.capturedLogSince(logMark);
            assertTrue(log.lines().anyMatch(line -> line.contains("ERROR") && line.contains(reference.group(1))),
                    "an ERROR line of the log carries the reference " + reference.group(1));
            assertFalse(answer.contains(canary) || answer.contains("refused by test trigger"), "the answer holds the secret or the database's text");
            assertFalse(log.contains(canary), "the log holds the secret");
            assertTrue(Database.everyValue().stream().noneMatch(value -> value.contains(canary)), "the database holds the secret");
        } finally {
            try (Connection db = LocalServicesResource.database().connect()) {
                db.createStatement().execute("drop trigger if exists reject_test_credentials on environment_credentials");
                db.createStatement().execute("drop function if exists reject_test_credentials()");
            }
        }
        Vault.get("secret/data/" + env.vaultPath() + "?version=1").then().statusCode(404);
        Vault.get("secret/metadata/" + env.vaultPath()).then().statusCode(200).body("data.versions.1.destroyed", is(true));
        assertEquals(0, Database.count("select count(*) from environment_credentials where environment_id = ?::uuid", env.id()));
        // the version history stays consistent: the next write is accepted
        set(env.id(), Map.of("postgres", Map.of("username", "dbt", "password", "p", "schema", "s")))
                .body("errors", nullValue()).body("data.setEnvironmentCredentials.secretVersion", is(2));
    }

    @Test
    void withVaultSealedSecretWritesFailCleanlyAndReadsAndDeletionsKeepWorking() {
        Environment env = Fixtures.environmentOn("postgres");
        set(env.id(), Map.of("postgres", Map.of("username", "dbt", "password", "p1", "schema", "s"))).body("errors", nullValue());
        Environment deleted = Fixtures.environmentOn("postgres");
        set(deleted.id(), Map.of("postgres", Map.of("username", "dbt", "password", "p1", "schema", "s"))).body("errors", nullValue());
        LocalServicesResource.vault().seal();
        try {
            assertError(set(env.id(), Map.of("postgres", Map.of("password", "p2", "username", "changed"))), "SECRET_STORE_UNAVAILABLE", null);
            execute(READ, vars("e", env.id())).body("errors", nullValue())
                    .body("data.environment.credentials.username", equalTo("dbt"))
                    .body("data.environment.credentials.secretVersion", is(1));
            // Deletion is database first: it succeeds, and the secret waits in the outbox for Vault.
            execute(DELETE, vars("e", deleted.id())).body("errors", nullValue());
            assertEquals(1, Database.count("select count(*) from secret_outbox where path = ? and version is null", deleted.vaultPath()));
            given().get(LocalServicesResource.managementUrl("/q/health/ready")).then().statusCode(503).body("checks.status", hasItem("DOWN"));
        } finally {
            LocalServicesResource.vault().unseal();
        }
        assertEquals("p1", Vault.latest(env.vaultPath()).getString("data.data.password"));
        Eventually.until("the deleted credentials' secret destroyed once Vault is back",
                () -> Vault.metadataStatus(deleted.vaultPath()) == 404
                        && Database.count("select count(*) from secret_outbox where path = ?", deleted.vaultPath()) == 0);
        given().get(LocalServicesResource.managementUrl("/q/health/ready")).then().statusCode(200);
        set(env.id(), Map.of("postgres", Map.of("password", "p2"))).body("data.setEnvironmentCredentials.secretVersion", is(2));
    }

    @Test
    void withVaultUnreachableSecretWritesFailCleanlyAndReadsKeepWorking() {
        Environment env = Fixtures.environmentOn("spark");
        LocalServicesResource.vaultLink().cut();
        try {
            assertError(set(env.id(), Map.of("spark", Map.of("token", "t", "schema", "s"))), "SECRET_STORE_UNAVAILABLE", null);
            execute(READ, vars("e", env.id())).body("errors", nullValue()).body("data.environment.credentials", nullValue());
            given().get(LocalServicesResource.managementUrl("/q/health/ready")).then().statusCode(503);
        } finally {
            LocalServicesResource.vaultLink().restore();
        }
        assertEquals(0, Database.count("select count(*) from environment_credentials where environment_id = ?::uuid", env.id()));
        assertEquals(404, Vault.metadataStatus(env.vaultPath()));
        set(env.id(), Map.of("spark", Map.of("token", "t", "schema", "s"))).body("errors", nullValue());
        given().get(LocalServicesResource.managementUrl("/q/health/ready")).then().statusCode(200).body("checks.status", not(hasItem("DOWN")));
    }
}
