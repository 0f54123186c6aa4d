package dev.envplane.deletion;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Database;
import dev.envplane.testing.Eventually;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.Fixtures.Environment;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** deleteEnvironment and deleteProject report what they remove; a dry run reports the same and changes nothing. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class DeletionReportTest {

    static final String REPORT = "dryRun projects { id name } environments { id name } jobs { id name } variables { id name } "
            + "credentials variableValues vaultPaths";
    static final String DELETE_ENVIRONMENT = "mutation($id: ID!, $dry: Boolean) { deleteEnvironment(id: $id, dryRun: $dry) { " + REPORT + " } }";
    static final String DELETE_PROJECT = "mutation($id: ID!, $force: Boolean, $dry: Boolean) { deleteProject(id: $id, force: $force, "
            + "dryRun: $dry) { " + REPORT + " } }";

    @Test
    void aDryRunReportsExactlyWhatTheEnvironmentsDeletionThenRemovesAndChangesNothing() {
        Environment ci = Fixtures.environmentOn("spark");
        String token = Fixtures.unique("spark-token");
        String secretValue = Fixtures.unique("variable-secret");
        setSparkToken(ci.id(), token);
        String job = createJob(ci.id(), "nightly");
        String variable = createSecretVariable(ci.projectId(), "default-value", ci.id(), secretValue);
        String variablePath = "envplane/projects/" + ci.projectId() + "/variables/" + variable + "/environments/" + ci.id();
        Map<String, Long> before = counts(ci);
        long outbox = Database.count("select count(*) from secret_outbox");

        String dry = execute(DELETE_ENVIRONMENT, vars("id", ci.id(), "dry", true)).body("errors", nullValue())
                .body("data.deleteEnvironment.dryRun", is(true))
                .body("data.deleteEnvironment.projects", empty())
                .body("data.deleteEnvironment.environments.id", contains(ci.id()))
                .body("data.deleteEnvironment.environments.name", contains("ci"))
                .body("data.deleteEnvironment.jobs.id", contains(job))
                .body("data.deleteEnvironment.jobs.name", contains("nightly"))
                .body("data.deleteEnvironment.variables", empty())
                .body("data.deleteEnvironment.credentials", contains(ci.id()))
                .body("data.deleteEnvironment.variableValues", hasSize(1))
                .body("data.deleteEnvironment.vaultPaths", containsInAnyOrder(ci.vaultPath(), variablePath))
                .extract().asString();
        assertFalse(dry.contains(token) || dry.contains(secretValue), "a report names paths, never secret values");
        assertEquals(before, counts(ci), "a dry run deletes no row");
        assertEquals(outbox, Database.count("select count(*) from secret_outbox"), "a dry run queues no Vault path");
        assertEquals(200, Vault.metadataStatus(ci.vaultPath()));
        assertEquals(200, Vault.metadataStatus(variablePath));

        String real = execute(DELETE_ENVIRONMENT, vars("id", ci.id(), "dry", null)).body("errors", nullValue())
                .body("data.deleteEnvironment.dryRun", is(false)).extract().asString();
        assertEquals(dry.replace("\"dryRun\":true", "\"dryRun\":false"), real, "the real deletion removes what the dry run reported");
        assertEquals(Map.of("environment", 0L, "job", 0L, "credentials", 0L, "values", 0L), counts(ci));
        Eventually.until("every reported Vault path destroyed", () -> Vault.metadataStatus(ci.vaultPath()) == 404
                && Vault.metadataStatus(variablePath) == 404);
        assertFalse(Database.everyValue().stream().anyMatch(value -> value.contains(token) || value.contains(secretValue)),
                "the secrets never reached the database");
        assertError(execute(DELETE_ENVIRONMENT, vars("id", ci.id(), "dry", true)), "NOT_FOUND", "id");
    }

    @Test
    void aProjectsDryRunNeedsForceLikeTheDeletionAndReportsEverythingUnderIt() {
        Environment ci = Fixtures.environmentOn("spark");
        setSparkToken(ci.id(), Fixtures.unique("spark-token"));
        String job = createJob(ci.id(), "hourly");
        String variable = createSecretVariable(ci.projectId(), "default-value", ci.id(), "environment-value");
        String base = "envplane/projects/" + ci.projectId() + "/variables/" + variable;

        assertError(execute(DELETE_PROJECT, vars("id", ci.projectId(), "force", false, "dry", true)), "CONFLICT", "force");
        String dry = execute(DELETE_PROJECT, vars("id", ci.projectId(), "force", true, "dry", true)).body("errors", nullValue())
                .body("data.deleteProject.dryRun", is(true))
                .body("data.deleteProject.projects.id", contains(ci.projectId()))
                .body("data.deleteProject.environments.id", contains(ci.id()))
                .body("data.deleteProject.jobs.id", contains(job))
                .body("data.deleteProject.variables.id", contains(variable))
                .body("data.deleteProject.variables.name", contains("DBT_ENV_SECRET_TOKEN"))
                .body("data.deleteProject.credentials", contains(ci.id()))
                .body("data.deleteProject.variableValues", hasSize(2))
                .body("data.deleteProject.vaultPaths", containsInAnyOrder(ci.vaultPath(), base + "/default", base + "/environments/" + ci.id()))
                .extract().asString();
        assertEquals(1, Database.count("select count(*) from project where id = ?::uuid", ci.projectId()));
        assertEquals(2, Database.count("select count(*) from environment_variable_value v join environment_variable e on e.id = v.variable_id "
                + "where e.project_id = ?::uuid", ci.projectId()));

        String real = execute(DELETE_PROJECT, vars("id", ci.projectId(), "force", true, "dry", false)).body("errors", nullValue())
                .extract().asString();
        assertEquals(dry.replace("\"dryRun\":true", "\"dryRun\":false"), real);
        assertEquals(0, Database.count("select count(*) from project where id = ?::uuid", ci.projectId()));
        Eventually.until("every reported Vault path destroyed", () -> Vault.metadataStatus(ci.vaultPath()) == 404
                && Vault.metadataStatus(base + "/default") == 404 && Vault.metadataStatus(base + "/environments/" + ci.id()) == 404);
    }

    private static Map<String, Long> counts(Environment environment) {
        return Map.of("environment", Database.count("select count(*) from environment where id = ?::uuid", environment.id()),
                "job", Database.count("select count(*) from job where environment_id = ?::uuid", environment.id()),
                "credentials", Database.count("select count(*) from environment_credentials where environment_id = ?::uuid", environment.id()),
                "values", Database.count("select count(*) from environment_variable_value where environment_id = ?::uuid", environment.id()));
    }

    private static void setSparkToken(String environment, String token) {
        execute("mutation($e: ID!, $input: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, input: $input) { secretVersion } }",
                vars("e", environment, "input", Map.of("spark", Map.of("token", token, "schema", "analytics"))))
                .body("errors", nullValue()).body("data.setEnvironmentCredentials.secretVersion", is(1));
    }

    private static String createJob(String environment, String name) {
        return execute("mutation($input: CreateJobInput!) { createJob(input: $input) { id } }",
                vars("input", Map.of("environmentId", environment, "name", name, "steps", List.of("dbt build"))))
                .body("errors", nullValue()).extract().path("data.createJob.id");
    }

    private static String createSecretVariable(String project, String projectDefault, String environment, String value) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", project, "name", "DBT_ENV_SECRET_TOKEN", "projectDefault", projectDefault));
        input.put("environmentValues", List.of(Map.of("environmentId", environment, "value", value)));
        return execute("mutation($input: CreateEnvironmentVariableInput!) { createEnvironmentVariable(input: $input) { id } }", vars("input", input))
                .body("errors", nullValue()).extract().path("data.createEnvironmentVariable.id");
    }
}
