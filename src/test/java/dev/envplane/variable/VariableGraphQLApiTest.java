package dev.envplane.variable;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.envplane.testing.Database;
import dev.envplane.testing.Eventually;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Environment variables over GraphQL: naming, precedence, bulk changes, deletion, and where secret values go. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class VariableGraphQLApiTest {

    static final String CREATE = "mutation($input: CreateEnvironmentVariableInput!) { createEnvironmentVariable(input: $input) { "
            + "id name secret projectDefault { scope environmentId value valueSet secretVersion secretsUpdatedAt } "
            + "environmentValues { scope environmentId value valueSet secretVersion secretsUpdatedAt } } }";
    static final String SET = "mutation($p: ID!, $values: [EnvironmentVariableValueInput!]!) { setEnvironmentVariableValues("
            + "projectId: $p, values: $values) { name projectDefault { value valueSet secretVersion } "
            + "environmentValues { environmentId value valueSet secretVersion } } }";
    static final String PROJECT_VARIABLES = "query($p: ID!) { project(id: $p) { environmentVariables { id name secret "
            + "projectDefault { scope value valueSet secretVersion secretsUpdatedAt } "
            + "environmentValues { scope environmentId value valueSet secretVersion } } } }";
    static final String RESOLVED = "query($e: ID!) { environment(id: $e) { environmentVariables { name secret source value secretVersion } } }";
    static final String DELETE = "mutation($id: ID!) { deleteEnvironmentVariable(id: $id) { id name } }";

    @Test
    void plainValuesAreReturnedAndEnvironmentOverridesTheProjectDefault() {
        String project = Fixtures.project();
        String staging = environment(project, "staging");
        String production = environment(project, "production");
        execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_TARGET_SCHEMA", "projectDefault", "analytics",
                "environmentValues", List.of(Map.of("environmentId", staging, "value", "analytics_staging")))))
                .body("errors", nullValue())
                .body("data.createEnvironmentVariable.secret", is(false))
                .body("data.createEnvironmentVariable.projectDefault.value", is("analytics"))
                .body("data.createEnvironmentVariable.projectDefault.scope", is("PROJECT_DEFAULT"))
                .body("data.createEnvironmentVariable.projectDefault.secretVersion", nullValue())
                .body("data.createEnvironmentVariable.environmentValues.value", contains("analytics_staging"))
                .body("data.createEnvironmentVariable.environmentValues.environmentId", contains(staging));
        execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_ENV_CUSTOM_ENV_TEAM", "projectDefault", "data")))
                .body("errors", nullValue());
        execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_ONLY_STAGING",
                "environmentValues", List.of(Map.of("environmentId", staging, "value", "yes"))))).body("errors", nullValue());

        execute(RESOLVED, vars("e", staging)).body("errors", nullValue())
                .body("data.environment.environmentVariables.name", contains("DBT_ENV_CUSTOM_ENV_TEAM", "DBT_ONLY_STAGING", "DBT_TARGET_SCHEMA"))
                .body("data.environment.environmentVariables.value", contains("data", "yes", "analytics_staging"))
                .body("data.environment.environmentVariables.source", contains("PROJECT_DEFAULT", "ENVIRONMENT", "ENVIRONMENT"));
        execute(RESOLVED, vars("e", production)).body("errors", nullValue())
                .body("data.environment.environmentVariables.name", contains("DBT_ENV_CUSTOM_ENV_TEAM", "DBT_TARGET_SCHEMA"))
                .body("data.environment.environmentVariables.value", contains("data", "analytics"))
                .body("data.environment.environmentVariables.source", contains("PROJECT_DEFAULT", "PROJECT_DEFAULT"));
        execute(PROJECT_VARIABLES, vars("p", project)).body("errors", nullValue())
                .body("data.project.environmentVariables.name", contains("DBT_ENV_CUSTOM_ENV_TEAM", "DBT_ONLY_STAGING", "DBT_TARGET_SCHEMA"))
                .body("data.project.environmentVariables[1].projectDefault", nullValue())
                .body("data.project.environmentVariables[2].environmentValues.value", contains("analytics_staging"));
    }

    @Test
    void secretValuesLiveInVaultOnlyAndShowOnlyTheirVersion() {
        String project = Fixtures.project();
        String staging = environment(project, "staging");
        String canaryDefault = Fixtures.unique("canary-default");
        String canaryStaging = Fixtures.unique("canary-staging");
        String canaryRotated = Fixtures.unique("canary-rotated");
        List<String> responses = new ArrayList<>();
        JsonPath created = execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_ENV_SECRET_PASSWORD",
                "projectDefault", canaryDefault, "environmentValues", List.of(Map.of("environmentId", staging, "value", canaryStaging)))))
                .body("errors", nullValue())
                .body("data.createEnvironmentVariable.secret", is(true))
                .body("data.createEnvironmentVariable.projectDefault.value", nullValue())
                .body("data.createEnvironmentVariable.projectDefault.valueSet", is(true))
                .body("data.createEnvironmentVariable.projectDefault.secretVersion", is(1))
                .body("data.createEnvironmentVariable.projectDefault.secretsUpdatedAt", not(nullValue()))
                .body("data.createEnvironmentVariable.environmentValues[0].value", nullValue())
                .body("data.createEnvironmentVariable.environmentValues[0].secretVersion", is(1))
                .extract().jsonPath();
        responses.add(created.prettify());
        String variable = created.getString("data.createEnvironmentVariable.id");
        String defaultPath = "envplane/projects/" + project + "/variables/" + variable + "/default";
        String stagingPath = "envplane/projects/" + project + "/variables/" + variable + "/environments/" + staging;
        assertEquals(canaryDefault, Vault.latest(defaultPath).getString("data.data.value"));
        assertEquals(canaryStaging, Vault.latest(stagingPath).getString("data.data.value"));

        // A rotation is a new version (drift is visible), and the version it replaces is destroyed.
        responses.add(execute(SET, vars("p", project, "values", List.of(Map.of("name", "DBT_ENV_SECRET_PASSWORD", "environmentId", staging,
                "value", canaryRotated)))).body("errors", nullValue())
                .body("data.setEnvironmentVariableValues[0].environmentValues[0].secretVersion", is(2))
                .body("data.setEnvironmentVariableValues[0].environmentValues[0].value", nullValue())
                .extract().asString());
        assertEquals(canaryRotated, Vault.version(stagingPath, 2).getString("data.data.value"));
        Eventually.until("the replaced version destroyed",
                () -> Vault.get("secret/metadata/" + stagingPath).jsonPath().getBoolean("data.versions.1.destroyed"));
        responses.add(execute(RESOLVED, vars("e", staging)).body("errors", nullValue())
                .body("data.environment.environmentVariables[0].secret", is(true))
                .body("data.environment.environmentVariables[0].source", is("ENVIRONMENT"))
                .body("data.environment.environmentVariables[0].value", nullValue())
                .body("data.environment.environmentVariables[0].secretVersion", is(2)).extract().asString());
        responses.add(execute(PROJECT_VARIABLES, vars("p", project)).body("errors", nullValue())
                .body("data.project.environmentVariables[0].projectDefault.secretVersion", is(1))
                .body("data.project.environmentVariables[0].projectDefault.value", nullValue()).extract().asString());

        // Clearing the environment's secret falls back to the project default; setting it again works.
        execute(SET, vars("p", project, "values", List.of(vars("name", "DBT_ENV_SECRET_PASSWORD", "environmentId", staging, "value", null))))
                .body("errors", nullValue()).body("data.setEnvironmentVariableValues[0].environmentValues", empty());
        execute(RESOLVED, vars("e", staging)).body("data.environment.environmentVariables[0].source", is("PROJECT_DEFAULT"))
                .body("data.environment.environmentVariables[0].secretVersion", is(1));
        Eventually.until("the cleared value destroyed",
                () -> Vault.get("secret/metadata/" + stagingPath).jsonPath().getBoolean("data.versions.2.destroyed"));
        execute(SET, vars("p", project, "values", List.of(Map.of("name", "DBT_ENV_SECRET_PASSWORD", "environmentId", staging, "value", "again"))))
                .body("errors", nullValue()).body("data.setEnvironmentVariableValues[0].environmentValues[0].secretVersion", is(4));

        assertWentNowhereElse(List.of(canaryDefault, canaryStaging, canaryRotated), responses);
    }

    @ParameterizedTest
    @ValueSource(strings = { "TARGET", "dbt_target", "DBT_", "DBT_ENV_SECRET_", "DBT_ENV_CUSTOM_ENV_", "DBT_A-B", "DBT_A B",
            "DBT_É", " DBT_A", "DBT_A\n" })
    void refusesANameOutsideTheRule(String name) {
        String project = Fixtures.project();
        assertError(execute(CREATE, vars("input", Map.of("projectId", project, "name", name))), "VALIDATION", "name");
        assertEquals(0, Database.count("select count(*) from environment_variable where project_id = ?::uuid", project));
    }

    @Test
    void acceptsTheLongestNameAndRefusesOneLonger() {
        String project = Fixtures.project();
        execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_" + "X".repeat(251)))).body("errors", nullValue());
        assertError(execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_" + "X".repeat(252)))), "VALIDATION", "name");
    }

    @Test
    void refusesBadValuesWithoutEchoingSecrets() {
        String project = Fixtures.project();
        String other = environment(Fixtures.project(), "elsewhere");
        String canary = Fixtures.unique("canary-too-long") + "x".repeat(VariableService.MAX_VALUE_LENGTH);
        ValidatableResponse tooLong = assertError(execute(CREATE, vars("input", Map.of("projectId", project,
                "name", "DBT_ENV_SECRET_TOKEN", "projectDefault", canary))), "VALIDATION", "projectDefault");
        assertFalse(tooLong.extract().asString().contains(canary.substring(0, 24)));
        assertError(execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_EMPTY", "projectDefault", ""))),
                "VALIDATION", "projectDefault");
        assertError(execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_ENV_SECRET_TOKEN",
                "environmentValues", List.of(Map.of("environmentId", other, "value", "s3cret"))))),
                "VALIDATION", "environmentValues[0].environmentId");
        assertError(execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_ENV_SECRET_TOKEN",
                "environmentValues", List.of(Map.of("environmentId", "00000000-0000-0000-0000-000000000000", "value", "s3cret"))))),
                "NOT_FOUND", "environmentValues[0].environmentId");
        assertError(execute(CREATE, vars("input", Map.of("projectId", "00000000-0000-0000-0000-000000000000", "name", "DBT_X"))),
                "NOT_FOUND", "projectId");
        assertEquals(0, Database.count("select count(*) from environment_variable where project_id = ?::uuid", project));
        assertEquals(0, Database.count("select count(*) from secret_outbox where path like ?", "%" + project + "%"));
        assertEquals(404, Vault.get("secret/metadata/envplane/projects/" + project + "/variables?list=true").statusCode(),
                "a refused creation leaves nothing in Vault");
    }

    @Test
    void aTakenNameIsAConflictAndADeletedNameCanBeUsedAgainAtOnce() {
        String project = Fixtures.project();
        String staging = environment(project, "staging");
        String first = create(project, "DBT_ENV_SECRET_KEY", "first-secret", staging, "first-staging");
        assertError(execute(CREATE, vars("input", Map.of("projectId", project, "name", "DBT_ENV_SECRET_KEY"))), "CONFLICT", "name");
        // Another project may use the same name.
        execute(CREATE, vars("input", Map.of("projectId", Fixtures.project(), "name", "DBT_ENV_SECRET_KEY"))).body("errors", nullValue());

        execute(DELETE, vars("id", first)).body("errors", nullValue()).body("data.deleteEnvironmentVariable.name", is("DBT_ENV_SECRET_KEY"));
        String second = create(project, "DBT_ENV_SECRET_KEY", "second-secret", null, null);
        assertFalse(first.equals(second));
        execute(PROJECT_VARIABLES, vars("p", project)).body("errors", nullValue())
                .body("data.project.environmentVariables.id", contains(second))
                .body("data.project.environmentVariables[0].projectDefault.secretVersion", is(1))
                .body("data.project.environmentVariables[0].environmentValues", empty());
        Eventually.until("the deleted variable's secrets destroyed",
                () -> Vault.metadataStatus("envplane/projects/" + project + "/variables/" + first + "/default") == 404
                        && Vault.metadataStatus("envplane/projects/" + project + "/variables/" + first + "/environments/" + staging) == 404);
        assertEquals("second-secret", Vault.latest("envplane/projects/" + project + "/variables/" + second + "/default").getString("data.data.value"));
        assertError(execute(DELETE, vars("id", first)), "NOT_FOUND", "id");
    }

    @Test
    void bulkSetChangesManyValuesAndRefusesEverythingIfOneEntryIsWrong() {
        String project = Fixtures.project();
        String staging = environment(project, "staging");
        String production = environment(project, "production");
        create(project, "DBT_A", "a-default", null, null);
        create(project, "DBT_B", null, staging, "b-staging");
        create(project, "DBT_ENV_SECRET_C", "c-default", null, null);
        execute(SET, vars("p", project, "values", List.of(
                Map.of("name", "DBT_A", "environmentId", production, "value", "a-production"),
                vars("name", "DBT_B", "environmentId", staging, "value", null),
                Map.of("name", "DBT_B", "value", "b-default"),
                Map.of("name", "DBT_ENV_SECRET_C", "environmentId", production, "value", "c-production"))))
                .body("errors", nullValue())
                .body("data.setEnvironmentVariableValues.name", contains("DBT_A", "DBT_B", "DBT_ENV_SECRET_C"))
                .body("data.setEnvironmentVariableValues[1].environmentValues", empty())
                .body("data.setEnvironmentVariableValues[1].projectDefault.value", is("b-default"));
        execute(RESOLVED, vars("e", production)).body("errors", nullValue())
                .body("data.environment.environmentVariables.name", contains("DBT_A", "DBT_B", "DBT_ENV_SECRET_C"))
                .body("data.environment.environmentVariables.value", contains("a-production", "b-default", null))
                .body("data.environment.environmentVariables.source", contains("ENVIRONMENT", "PROJECT_DEFAULT", "ENVIRONMENT"));

        String before = execute(PROJECT_VARIABLES, vars("p", project)).extract().asString();
        long outbox = Database.count("select count(*) from secret_outbox where path like ?", "%" + project + "%");
        String otherProjects = environment(Fixtures.project(), "elsewhere");
        List<List<Map<String, Object>>> refused = List.of(
                List.of(Map.of("name", "DBT_A", "value", "changed"), Map.of("name", "DBT_MISSING", "value", "x")),
                List.of(Map.of("name", "DBT_ENV_SECRET_C", "value", "changed"), Map.of("name", "DBT_A", "environmentId", otherProjects, "value", "x")),
                List.of(Map.of("name", "DBT_A", "value", "changed"), Map.of("name", "DBT_A", "value", "twice")),
                List.of(Map.of("name", "DBT_ENV_SECRET_C", "value", "changed"), Map.of("name", "DBT_A", "value", "")));
        List<String> fields = List.of("values[1].name", "values[1].environmentId", "values[1]", "values[1].value");
        List<String> codes = List.of("NOT_FOUND", "VALIDATION", "VALIDATION", "VALIDATION");
        for (int i = 0; i < refused.size(); i++) {
            assertError(execute(SET, vars("p", project, "values", refused.get(i))), codes.get(i), fields.get(i));
        }
        assertError(execute(SET, vars("p", project, "values", List.of())), "VALIDATION", "values");
        assertEquals(before, execute(PROJECT_VARIABLES, vars("p", project)).extract().asString(), "nothing changed");
        assertEquals(1, Vault.get("secret/metadata/envplane/projects/" + project + "/variables/"
                + variableId(project, "DBT_ENV_SECRET_C") + "/default").jsonPath().getInt("data.current_version"), "no Vault write");
        assertEquals(outbox, Database.count("select count(*) from secret_outbox where path like ?", "%" + project + "%"), "nothing queued");
    }

    @Test
    void deletingAnEnvironmentRemovesItsValuesAndDeletingAProjectRemovesItsVariables() {
        String project = Fixtures.project();
        String staging = environment(project, "staging");
        String production = environment(project, "production");
        String variable = create(project, "DBT_ENV_SECRET_TOKEN", "default-token", staging, "staging-token");
        execute(SET, vars("p", project, "values", List.of(Map.of("name", "DBT_ENV_SECRET_TOKEN", "environmentId", production,
                "value", "production-token")))).body("errors", nullValue());
        String base = "envplane/projects/" + project + "/variables/" + variable;

        execute("mutation($id: ID!) { deleteEnvironment(id: $id) { environments { id } } }", vars("id", staging)).body("errors", nullValue());
        execute(PROJECT_VARIABLES, vars("p", project))
                .body("data.project.environmentVariables[0].environmentValues.environmentId", contains(production));
        Eventually.until("the deleted environment's value destroyed", () -> Vault.metadataStatus(base + "/environments/" + staging) == 404);

        // Without force the project's environments refuse the deletion, and the variables stay with them.
        assertError(execute("mutation($id: ID!) { deleteProject(id: $id) { projects { id } } }", vars("id", project)), "CONFLICT", "force");
        execute(PROJECT_VARIABLES, vars("p", project)).body("data.project.environmentVariables[0].projectDefault.secretVersion", is(1));
        assertEquals(0, Database.count("select count(*) from secret_outbox where path like ?", base + "/default"));
        execute("mutation($id: ID!) { deleteProject(id: $id, force: true) { projects { id } } }", vars("id", project)).body("errors", nullValue());
        assertEquals(0, Database.count("select count(*) from environment_variable where project_id = ?::uuid", project));
        Eventually.until("every secret of the project's variables destroyed", () -> Vault.metadataStatus(base + "/default") == 404
                && Vault.metadataStatus(base + "/environments/" + production) == 404);
    }

    @Test
    void resolvedVariablesOfManyEnvironmentsLoadInOneStatement() {
        String project = Fixtures.project();
        List<String> environments = new ArrayList<>();
        for (String name : List.of("one", "two", "three", "four")) {
            environments.add(environment(project, name));
        }
        create(project, "DBT_X", "x-default", environments.get(0), "x-one");
        create(project, "DBT_ENV_SECRET_Y", "y-default", environments.get(1), "y-two");
        String query = "query($p: ID!) { project(id: $p) { environments { name environmentVariables { name source value secretVersion } } "
                + "environmentVariables { name } } }";
        int from = LocalServicesResource.applicationLog().length();
        execute(query, vars("p", project)).body("errors", nullValue())
                .body("data.project.environments.name", contains("four", "one", "three", "two"))
                .body("data.project.environments[1].environmentVariables.value", contains(null, "x-one"))
                .body("data.project.environments[3].environmentVariables.source", contains("ENVIRONMENT", "PROJECT_DEFAULT"));
        Eventually.until("the statements logged", () -> LocalServicesResource.applicationLog().length() > from);
        List<String> statements = LocalServicesResource.applicationLog().substring(from).lines()
                .filter(line -> line.contains("SQL") && line.contains("environment_variable")).toList();
        assertEquals(2, statements.size(), "one statement for Project.environmentVariables, one for every environment's: " + statements);
    }

    private static String environment(String project, String name) {
        return execute("mutation($p: ID!, $n: String!) { createEnvironment(input: {projectId: $p, name: $n, type: DEPLOYMENT}) { id } }",
                vars("p", project, "n", name)).body("errors", nullValue()).extract().path("data.createEnvironment.id");
    }

    /** Creates a variable with an optional default and one optional environment value; returns its id. */
    static String create(String project, String name, String projectDefault, String environment, String value) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", project, "name", name));
        if (projectDefault != null) {
            input.put("projectDefault", projectDefault);
        }
        if (environment != null) {
            input.put("environmentValues", List.of(Map.of("environmentId", environment, "value", value)));
        }
        return execute(CREATE, vars("input", input)).body("errors", nullValue()).extract().path("data.createEnvironmentVariable.id");
    }

    static String variableId(String project, String name) {
        List<Map<String, Object>> variables = execute(PROJECT_VARIABLES, vars("p", project)).extract().path("data.project.environmentVariables");
        return variables.stream().filter(variable -> name.equals(variable.get("name"))).findFirst().orElseThrow().get("id").toString();
    }

    /** The canaries are in no response, no database value and no log line (after proving the log is being written). */
    static void assertWentNowhereElse(List<String> canaries, List<String> responses) {
        String log = LocalServicesResource.applicationLog();
        assertTrue(log.contains("environment_variable_value"), "the application log must be captured for this check");
        List<String> values = Database.everyValue();
        for (String canary : canaries) {
            assertFalse(values.stream().anyMatch(value -> value.contains(canary)), "a database value holds a secret");
            assertFalse(log.contains(canary), "the application log holds a secret");
            assertFalse(responses.stream().anyMatch(response -> response.contains(canary)), "a response holds a secret");
        }
    }
}
