package dev.envplane.secrets;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The secret protocol under real faults: Vault refusing or sealed in the middle of a deletion, a database commit
 * that fails after the Vault write, two first writers at once, a version destroyed behind envplane's back. After
 * each, nothing is orphaned in Vault and nothing the database references is gone.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class SecretProtocolFaultTest {


    private static final String SET = "mutation($e: ID!, $input: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, "
            + "input: $input) { secretVersion } }";
    private static final String RECONCILE = "{ secretReconciliation { checkedPaths unreferencedPaths pendingDestroys "
            + "unreferencedVersions { path version } missingVersions { path version } } }";

    @Test
    void deletingAProjectWhileVaultRefusesOneEnvironmentOrphansNothing() throws Exception {
        String project = Fixtures.project();
        String connection = Fixtures.connection("postgres");
        List<Environment> environments = new ArrayList<>();
        List<String> canaries = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            String id = execute("mutation($p: ID!, $c: ID!, $n: String!) { createEnvironment(input: {projectId: $p, name: $n, "
                    + "type: DEPLOYMENT, connectionId: $c}) { id } }", vars("p", project, "c", connection, "n", name))
                    .body("errors", nullValue()).extract().path("data.createEnvironment.id");
            Environment environment = new Environment(project, id, connection);
            String canary = Fixtures.unique("canary-password");
            execute(SET, vars("e", id, "input", Map.of("postgres", Map.of("username", "dbt", "password", canary, "schema", "s"))))
                    .body("errors", nullValue());
            environments.add(environment);
            canaries.add(canary);
        }
        Environment refused = environments.get(1);
        Vault.denyToTheService("secret/metadata/" + refused.vaultPath());
        try {
            execute("mutation($p: ID!) { deleteProject(id: $p, force: true) { projects { id } } }", vars("p", project)).body("errors", nullValue());
            assertEquals(0, Database.count("select count(*) from environment where project_id = ?::uuid", project));
            Eventually.until("the two other environments' secrets destroyed",
                    () -> Vault.metadataStatus(environments.get(0).vaultPath()) == 404 && Vault.metadataStatus(environments.get(2).vaultPath()) == 404);
            Eventually.until("the refused destroy retried and recorded",
                    () -> Database.count("select count(*) from secret_outbox where path = ? and attempts > 0 and last_failure is not null",
                            refused.vaultPath()) == 1);
            assertEquals(canaries.get(1), Vault.latest(refused.vaultPath()).getString("data.data.password"), "Vault refused: still there");
            given().get(LocalServicesResource.managementUrl("/q/health/ready")).then().body("checks.find { it.name == 'secret-outbox' }.data.pending", is(1));
        } finally {
            Vault.restoreServicePolicy();
        }
        Eventually.until("the refused secret destroyed once Vault allows it", () -> Vault.metadataStatus(refused.vaultPath()) == 404
                && Database.count("select count(*) from secret_outbox where path like ?", "%" + project + "%") == 0);
        JsonPath report = execute(RECONCILE).body("errors", nullValue()).extract().jsonPath();
        for (Environment environment : environments) {
            assertFalse(report.prettify().contains(environment.id()), "still reported: " + report.prettify());
        }
        assertSecretsWentNowhereElse(canaries);
    }

    @Test
    void credentialsSetAgainBeforeTheOldPathWasDestroyedKeepTheNewSecret() throws Exception {
        Environment environment = Fixtures.environmentOn("postgres");
        String old = Fixtures.unique("canary-old");
        String fresh = Fixtures.unique("canary-fresh");
        execute(SET, vars("e", environment.id(), "input", Map.of("postgres", Map.of("username", "dbt", "password", old, "schema", "s"))))
                .body("errors", nullValue());
        // The worker may read the path but not delete it: the whole-path destroy stays queued, retrying.
        Vault.extendServicePolicy("path \"secret/metadata/" + environment.vaultPath() + "\" {\n  capabilities = [\"read\", \"list\"]\n}\n");
        try {
            execute("mutation($e: ID!) { deleteEnvironmentCredentials(environmentId: $e) { adapterType } }", vars("e", environment.id()))
                    .body("errors", nullValue());
            Eventually.until("the destroy tried and refused", () -> Database.count(
                    "select count(*) from secret_outbox where path = ? and version is null and attempts > 0", environment.vaultPath()) == 1);
            execute(SET, vars("e", environment.id(), "input", Map.of("postgres", Map.of("username", "dbt", "password", fresh, "schema", "s"))))
                    .body("errors", nullValue()).body("data.setEnvironmentCredentials.secretVersion", is(2));
        } finally {
            Vault.restoreServicePolicy();
        }
        Eventually.until("the outbox drained", () -> Database.count("select count(*) from secret_outbox where path = ?", environment.vaultPath()) == 0);
        assertEquals(fresh, Vault.latest(environment.vaultPath()).getString("data.data.password"), "the new secret survives");
        assertTrue(Vault.get("secret/metadata/" + environment.vaultPath()).jsonPath().getBoolean("data.versions.1.destroyed"),
                "the old version is destroyed");
        assertSecretsWentNowhereElse(List.of(old, fresh));
    }

    @Test
    void aCommitThatFailsAfterTheVaultWriteKeepsTheOldSecretLive() throws Exception {
        Environment environment = Fixtures.environmentOn("postgres");
        String old = Fixtures.unique("canary-old");
        String attempted = Fixtures.unique("canary-new");
        execute(SET, vars("e", environment.id(), "input", Map.of("postgres", Map.of("username", "dbt", "password", old, "schema", "s"))))
                .body("data.setEnvironmentCredentials.secretVersion", is(1));
        failCommitsWhere("environment_credentials", "new.username = 'commit-refuses-this'");
        try {
            assertError(execute(SET, vars("e", environment.id(), "input", Map.of("postgres",
                    Map.of("username", "commit-refuses-this", "password", attempted)))), "INTERNAL", null);
        } finally {
            dropCommitFailure("environment_credentials");
        }
        JsonPath metadata = Vault.get("secret/metadata/" + environment.vaultPath()).jsonPath();
        assertTrue(metadata.getBoolean("data.versions.2.destroyed"), "the version of the failed commit must be destroyed");
        assertEquals(old, Vault.version(environment.vaultPath(), 1).getString("data.data.password"));
        assertEquals(0, Database.count("select count(*) from secret_outbox where path = ?", environment.vaultPath()),
                "the superseded version is queued only if the commit succeeds");
        execute("query($e: ID!) { environment(id: $e) { credentials { secretVersion ... on PostgresCredentials { username } } } }",
                vars("e", environment.id())).body("errors", nullValue())
                .body("data.environment.credentials.secretVersion", is(1))
                .body("data.environment.credentials.username", is("dbt"));
        assertSecretsWentNowhereElse(List.of(old, attempted));
    }

    @Test
    void aConnectionKeyRotationWhoseCommitFailsKeepsTheOldKey() throws Exception {
        String oldKey = serviceAccountKey(Fixtures.unique("canary-key"));
        String newKey = serviceAccountKey(Fixtures.unique("canary-key"));
        String id = Fixtures.createConnection("id", Map.of("name", Fixtures.unique("bq"), "bigquery", Map.of("gcpProjectId", "acme-analytics",
                "serviceAccountKeyJson", oldKey))).body("errors", nullValue()).extract().path("data.createConnection.id");
        String path = "envplane/connections/" + id;
        failCommitsWhere("warehouse_connection", "new.location = 'REFUSED'");
        try {
            assertError(execute("mutation($id: ID!, $input: UpdateConnectionInput!) { updateConnection(id: $id, input: $input) { id } }",
                    vars("id", id, "input", Map.of("bigquery", Map.of("location", "REFUSED", "serviceAccountKeyJson", newKey)))),
                    "INTERNAL", null);
        } finally {
            dropCommitFailure("warehouse_connection");
        }
        assertTrue(Vault.get("secret/metadata/" + path).jsonPath().getBoolean("data.versions.2.destroyed"));
        assertEquals(oldKey, Vault.version(path, 1).getString("data.data.serviceAccountKeyJson"));
        assertEquals(1, Database.count("select secret_version from warehouse_connection where id = ?::uuid", id));
        assertSecretsWentNowhereElse(List.of(oldKey, newKey));
    }

    @Test
    void twoConcurrentFirstSettingsOneWinsTheOtherGetsConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Environment environment = Fixtures.environmentOn("postgres");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ValidatableResponse>> racers = new ArrayList<>();
                for (String password : List.of(Fixtures.unique("racer-a"), Fixtures.unique("racer-b"))) {
                    racers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return execute(SET, vars("e", environment.id(), "input", Map.of("postgres",
                                Map.of("username", "dbt", "password", password, "schema", "s"))));
                    }));
                }
                List<String> codes = new ArrayList<>();
                int winners = 0;
                for (Future<ValidatableResponse> racer : racers) {
                    JsonPath answer = racer.get(60, TimeUnit.SECONDS).extract().jsonPath();
                    if (answer.get("errors") == null) {
                        winners++;
                    } else {
                        codes.add(answer.getString("errors[0].extensions.code"));
                    }
                }
                assertTrue(winners >= 1, "round " + round + ": someone must win, got " + codes);
                assertTrue(codes.stream().allMatch("CONFLICT"::equals), "round " + round + ": the loser gets CONFLICT, got " + codes);
                int referenced = (int) Database.count("select secret_version from environment_credentials where environment_id = ?::uuid",
                        environment.id());
                JsonPath metadata = Vault.get("secret/metadata/" + environment.vaultPath()).jsonPath();
                assertFalse(metadata.getBoolean("data.versions." + referenced + ".destroyed"), "the referenced version is live");
                Eventually.until("round " + round + ": only the referenced version is live", () -> {
                    Map<String, Map<String, Object>> versions = Vault.get("secret/metadata/" + environment.vaultPath()).jsonPath()
                            .getMap("data.versions");
                    return versions.entrySet().stream().filter(entry -> !Boolean.TRUE.equals(entry.getValue().get("destroyed")))
                            .map(Map.Entry::getKey).toList().equals(List.of(String.valueOf(referenced)));
                });
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReferencedVersionMissingFromVaultIsAnErrorNotAnEmptySecret() {
        Environment environment = Fixtures.environmentOn("snowflake");
        String passphrase = Fixtures.unique("canary-passphrase");
        execute(SET, vars("e", environment.id(), "input", Map.of("snowflake", Map.of("authMethod", "KEY_PAIR", "username", "DBT",
                "schema", "S", "privateKey", Keys.encryptedPkcs8Pem(passphrase), "privateKeyPassphrase", passphrase))))
                .body("errors", nullValue());
        given().header("X-Vault-Token", LocalServicesResource.vault().rootToken()).contentType("application/json")
                .body(Map.of("versions", List.of(1))).post(LocalServicesResource.vault().url() + "/v1/secret/destroy/" + environment.vaultPath())
                .then().statusCode(204);

        assertError(execute(SET, vars("e", environment.id(), "input", Map.of("snowflake", Map.of("privateKeyPassphrase", "another")))),
                "SECRET_STORE_INCONSISTENT", null);
        JsonPath report = execute(RECONCILE).body("errors", nullValue()).extract().jsonPath();
        assertTrue(report.getList("data.secretReconciliation.missingVersions.path").contains(environment.vaultPath()), report.prettify());
        // Setting every secret again repairs it.
        execute(SET, vars("e", environment.id(), "input", Map.of("snowflake", Map.of("authMethod", "PASSWORD", "password", "p"))))
                .body("errors", nullValue()).body("data.setEnvironmentCredentials.secretVersion", is(2));
    }

    @Test
    void reconciliationFindsAndRepairsASecretNoRowReferences() {
        String orphan = "envplane/connections/" + UUID.randomUUID();
        given().header("X-Vault-Token", LocalServicesResource.vault().rootToken()).contentType("application/json")
                .body(Map.of("data", Map.of("serviceAccountKeyJson", "left-behind")))
                .post(LocalServicesResource.vault().url() + "/v1/secret/data/" + orphan).then().statusCode(200);

        execute(RECONCILE).body("errors", nullValue()).body("data.secretReconciliation.unreferencedPaths", org.hamcrest.Matchers.hasItem(orphan));
        execute("mutation { repairSecrets { unreferencedPaths } }").body("errors", nullValue())
                .body("data.repairSecrets.unreferencedPaths", org.hamcrest.Matchers.hasItem(orphan));
        Eventually.until("the orphan destroyed", () -> Vault.metadataStatus(orphan) == 404);
        execute(RECONCILE).body("data.secretReconciliation.unreferencedPaths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(orphan)));
    }

    /** The canaries are in no database value and no log line (after proving the log is being written). */
    private static void assertSecretsWentNowhereElse(List<String> canaries) {
        String log = LocalServicesResource.applicationLog();
        assertTrue(log.contains("envplane"), "the application log must be captured for this check");
        List<String> values = Database.everyValue();
        for (String canary : canaries) {
            assertFalse(values.stream().anyMatch(value -> value.contains(canary)), "a database value holds a secret");
            assertFalse(log.contains(canary), "the application log holds a secret");
        }
    }


    /** A deferred constraint trigger: the statements succeed and the COMMIT fails, after the Vault write. */
    private static void failCommitsWhere(String table, String condition) throws Exception {
        try (Connection db = LocalServicesResource.database().connect()) {
            db.createStatement().execute("""
                    create or replace function fail_commit_%1$s() returns trigger language plpgsql as $$
                    begin if %2$s then raise exception 'commit refused by test'; end if; return new; end $$;
                    drop trigger if exists fail_commit on %1$s;
                    create constraint trigger fail_commit after insert or update on %1$s deferrable initially deferred
                        for each row execute function fail_commit_%1$s();""".formatted(table, condition));
        }
    }

    private static void dropCommitFailure(String table) throws Exception {
        try (Connection db = LocalServicesResource.database().connect()) {
            db.createStatement().execute("drop trigger if exists fail_commit on " + table);
        }
    }

    private static String serviceAccountKey(String privateKey) {
        return "{\"type\":\"service_account\",\"client_email\":\"dbt@acme.iam.gserviceaccount.com\",\"private_key\":\"" + privateKey + "\"}";
    }
}
