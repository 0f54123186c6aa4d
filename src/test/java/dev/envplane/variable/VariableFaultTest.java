package dev.envplane.variable;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static dev.envplane.variable.VariableGraphQLApiTest.PROJECT_VARIABLES;
import static dev.envplane.variable.VariableGraphQLApiTest.SET;
import static dev.envplane.variable.VariableGraphQLApiTest.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Database;
import dev.envplane.testing.Eventually;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * setEnvironmentVariableValues is all or nothing, Vault included, under real faults: Vault refusing one write in the
 * middle, Vault unreachable, and a database commit that fails after every Vault write.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class VariableFaultTest {

    @Test
    void vaultRefusingOneWriteInTheMiddleUndoesTheWholeCall() throws Exception {
        Scenario s = new Scenario();
        String before = variables(s.project);
        Vault.denyToTheService("secret/data/" + s.refusedPath());
        JsonPath answer;
        try {
            answer = assertError(execute(SET, vars("p", s.project, "values", s.changes())), "SECRET_STORE_UNAVAILABLE", null)
                    .extract().jsonPath();
        } finally {
            Vault.restoreServicePolicy();
        }
        s.assertNothingChanged(before, answer.prettify(), true);
    }

    @Test
    void vaultUnreachableChangesNothing() {
        Scenario s = new Scenario();
        String before = variables(s.project);
        LocalServicesResource.vaultLink().cut();
        JsonPath answer;
        try {
            answer = assertError(execute(SET, vars("p", s.project, "values", s.changes())), "SECRET_STORE_UNAVAILABLE", null)
                    .extract().jsonPath();
        } finally {
            LocalServicesResource.vaultLink().restore();
        }
        s.assertNothingChanged(before, answer.prettify(), false);
    }

    @Test
    void aCommitThatFailsAfterTheVaultWritesDestroysEveryNewVersion() throws Exception {
        Scenario s = new Scenario();
        String before = variables(s.project);
        List<Map<String, Object>> changes = new ArrayList<>(s.changes());
        changes.add(Map.of("name", "DBT_PLAIN", "environmentId", s.environment, "value", "commit-refuses-this"));
        try (Connection db = LocalServicesResource.database().connect()) {
            db.createStatement().execute("""
                    create or replace function fail_commit_variable_value() returns trigger language plpgsql as $$
                    begin if new.value = 'commit-refuses-this' then raise exception 'commit refused by test'; end if; return new; end $$;
                    drop trigger if exists fail_commit on environment_variable_value;
                    create constraint trigger fail_commit after insert or update on environment_variable_value
                        deferrable initially deferred for each row execute function fail_commit_variable_value();""");
        }
        JsonPath answer;
        try {
            answer = assertError(execute(SET, vars("p", s.project, "values", changes)), "INTERNAL", null).extract().jsonPath();
        } finally {
            try (Connection db = LocalServicesResource.database().connect()) {
                db.createStatement().execute("drop trigger if exists fail_commit on environment_variable_value");
            }
        }
        s.assertNothingChanged(before, answer.prettify(), true);
        assertEquals(404, Vault.metadataStatus(s.refusedPath()), "the first value's whole path is gone");
    }

    private static String variables(String project) {
        return execute(PROJECT_VARIABLES, vars("p", project)).extract().asString();
    }

    /**
     * A project with a plain variable, a secret one with a default (version 1), and a secret one without values. The
     * changes: a new plain value, a rotation of the secret default, a first secret value, in that order.
     */
    private static final class Scenario {
        final String project = Fixtures.project();
        final String environment = execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"prod\", "
                + "type: DEPLOYMENT}) { id } }", vars("p", project)).extract().path("data.createEnvironment.id");
        final String oldSecret = Fixtures.unique("canary-old");
        final String rotated = Fixtures.unique("canary-rotated");
        final String first = Fixtures.unique("canary-first");
        final String plainVariable = create(project, "DBT_PLAIN", "plain-default", null, null);
        final String rotating = create(project, "DBT_ENV_SECRET_ROTATING", oldSecret, null, null);
        final String fresh = create(project, "DBT_ENV_SECRET_FRESH", null, null, null);

        List<Map<String, Object>> changes() {
            return List.of(Map.of("name", "DBT_PLAIN", "value", "plain-changed"),
                    Map.of("name", "DBT_ENV_SECRET_ROTATING", "value", rotated),
                    Map.of("name", "DBT_ENV_SECRET_FRESH", "environmentId", environment, "value", first));
        }

        String rotatingPath() {
            return "envplane/projects/" + project + "/variables/" + rotating + "/default";
        }

        /** The last secret write of the call. */
        String refusedPath() {
            return "envplane/projects/" + project + "/variables/" + fresh + "/environments/" + environment;
        }

        /** {@code rotationReachedVault}: the fault came after the rotation's Vault write, which must be destroyed again. */
        void assertNothingChanged(String before, String answer, boolean rotationReachedVault) {
            assertEquals(before, variables(project), "the database is as it was");
            assertEquals(1, Database.count("select secret_version from environment_variable_value where variable_id = ?::uuid", rotating));
            assertEquals(0, Database.count("select count(*) from environment_variable_value where variable_id = ?::uuid", fresh));
            Eventually.until("every version written by the failed call destroyed", () -> {
                JsonPath metadata = Vault.get("secret/metadata/" + rotatingPath()).jsonPath();
                return metadata.getInt("data.current_version") == (rotationReachedVault ? 2 : 1)
                        && (!rotationReachedVault || metadata.getBoolean("data.versions.2.destroyed"))
                        && Vault.metadataStatus(refusedPath()) == 404;
            });
            assertEquals(oldSecret, Vault.version(rotatingPath(), 1).getString("data.data.value"), "the old secret stays live");
            Eventually.until("nothing left in the outbox", () -> Database.count("select count(*) from secret_outbox where path like ?",
                    "%" + project + "%") == 0);
            String log = LocalServicesResource.applicationLog();
            assertTrue(log.contains("environment_variable_value"), "the application log must be captured for this check");
            List<String> values = Database.everyValue();
            for (String canary : List.of(oldSecret, rotated, first)) {
                assertFalse(values.stream().anyMatch(value -> value.contains(canary)), "a database value holds a secret");
                assertFalse(log.contains(canary), "the application log holds a secret");
                assertFalse(answer.contains(canary), "the error holds a secret");
            }
        }
    }

}
