package dev.envplane.variable;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Database;
import dev.envplane.testing.Eventually;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.GraphQL;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.TableLock;
import dev.envplane.testing.Tokens;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Job-level variable values over HTTP: job > environment > project default, secrets in Vault only, the checks of
 * setEnvironmentVariableValues' jobId entries, deletion (and its dry run), moveJobs, and developers on production jobs.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class JobVariableValuesTest {

    static final String SET = "mutation($p: ID!, $values: [EnvironmentVariableValueInput!]!) { setEnvironmentVariableValues("
            + "projectId: $p, values: $values) { name jobValues { scope jobId environmentId value valueSet secretVersion } } }";
    static final String JOB_VARIABLES = "query($j: ID!) { job(id: $j) { environmentVariables { name secret source value secretVersion } } }";
    static final String JOB_TARGET = "query($j: ID!) { job(id: $j) { target { environment { id } fingerprint "
            + "environmentVariables { name value secret source secretLocation { path key version } } } } }";
    static final String TARGET_OF_JOB = "query($p: ID!, $e: ID!, $j: ID) { deploymentTarget(project: {id: $p}, environment: {id: $e}, job: $j) { "
            + "fingerprint environmentVariables { name value secret source secretLocation { path key version } } } }";
    static final String REPORT = "dryRun projects { id name } environments { id name } jobs { id name } variables { id name } "
            + "credentials variableValues vaultPaths";

    @Test
    void aJobsValueWinsOverItsEnvironmentsWhichWinsOverTheProjectDefault() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String nightly = job(staging, "nightly");
        String hourly = job(staging, "hourly");
        VariableGraphQLApiTest.create(project, "DBT_SCHEMA", "schema-default", staging, "schema-staging");
        VariableGraphQLApiTest.create(project, "DBT_TEAM", "team-default", null, null);

        execute(SET, vars("p", project, "values", List.of(
                Map.of("name", "DBT_SCHEMA", "jobId", nightly, "value", "schema-nightly"),
                Map.of("name", "DBT_TEAM", "jobId", nightly, "value", "team-nightly"))))
                .body("errors", nullValue())
                .body("data.setEnvironmentVariableValues.name", contains("DBT_SCHEMA", "DBT_TEAM"))
                .body("data.setEnvironmentVariableValues[0].jobValues.scope", contains("JOB"))
                .body("data.setEnvironmentVariableValues[0].jobValues.jobId", contains(nightly))
                .body("data.setEnvironmentVariableValues[0].jobValues.environmentId", contains((Object) null))
                .body("data.setEnvironmentVariableValues[0].jobValues.value", contains("schema-nightly"));

        execute(JOB_VARIABLES, vars("j", nightly)).body("errors", nullValue())
                .body("data.job.environmentVariables.name", contains("DBT_SCHEMA", "DBT_TEAM"))
                .body("data.job.environmentVariables.source", contains("JOB", "JOB"))
                .body("data.job.environmentVariables.value", contains("schema-nightly", "team-nightly"));
        execute(JOB_VARIABLES, vars("j", hourly)).body("errors", nullValue())
                .body("data.job.environmentVariables.source", contains("ENVIRONMENT", "PROJECT_DEFAULT"))
                .body("data.job.environmentVariables.value", contains("schema-staging", "team-default"));
        // the environment itself is not changed by its jobs' values
        execute(VariableGraphQLApiTest.RESOLVED, vars("e", staging)).body("errors", nullValue())
                .body("data.environment.environmentVariables.source", contains("ENVIRONMENT", "PROJECT_DEFAULT"))
                .body("data.environment.environmentVariables.value", contains("schema-staging", "team-default"));

        // the job's target: Job.target and deploymentTarget(job:) are the same object, the environment's is not
        String jobTarget = execute(JOB_TARGET, vars("j", nightly)).body("errors", nullValue())
                .body("data.job.target.environment.id", equalTo(staging))
                .body("data.job.target.environmentVariables.find { it.name == 'DBT_SCHEMA' }.source", equalTo("JOB"))
                .body("data.job.target.environmentVariables.find { it.name == 'DBT_SCHEMA' }.value", equalTo("schema-nightly"))
                .body("data.job.target.environmentVariables.find { it.name == 'DBT_TEAM' }.value", equalTo("team-nightly"))
                .body("data.job.target.environmentVariables.find { it.name == 'DBT_CLOUD_ENVIRONMENT_TYPE' }.value", equalTo("staging"))
                .extract().path("data.job.target.fingerprint");
        execute(TARGET_OF_JOB, vars("p", project, "e", staging, "j", nightly)).body("errors", nullValue())
                .body("data.deploymentTarget.fingerprint", equalTo(jobTarget))
                .body("data.deploymentTarget.environmentVariables.find { it.name == 'DBT_SCHEMA' }.source", equalTo("JOB"));
        execute(TARGET_OF_JOB, vars("p", project, "e", staging, "j", null)).body("errors", nullValue())
                .body("data.deploymentTarget.environmentVariables.find { it.name == 'DBT_SCHEMA' }.source", equalTo("ENVIRONMENT"))
                .body("data.deploymentTarget.environmentVariables.find { it.name == 'DBT_SCHEMA' }.value", equalTo("schema-staging"));

        // clearing the job's value falls back to the environment's
        execute(SET, vars("p", project, "values", List.of(vars("name", "DBT_SCHEMA", "jobId", nightly, "value", null))))
                .body("errors", nullValue()).body("data.setEnvironmentVariableValues[0].jobValues", empty());
        execute(JOB_VARIABLES, vars("j", nightly)).body("errors", nullValue())
                .body("data.job.environmentVariables.source", contains("ENVIRONMENT", "JOB"))
                .body("data.job.environmentVariables.value", contains("schema-staging", "team-nightly"));
        execute(VariableGraphQLApiTest.PROJECT_VARIABLES.replace("environmentValues {", "jobValues { jobId value } environmentValues {"),
                vars("p", project)).body("errors", nullValue())
                .body("data.project.environmentVariables[1].jobValues.jobId", contains(nightly));
    }

    @Test
    void aTargetOfAJobNotInTheEnvironmentNamedIsNotFound() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String production = deployment(project, "production", "PRODUCTION");
        String nightly = job(staging, "nightly");
        assertError(execute(TARGET_OF_JOB, vars("p", project, "e", production, "j", nightly)), "NOT_FOUND", "job");
        assertError(execute(TARGET_OF_JOB, vars("p", project, "e", staging, "j", java.util.UUID.randomUUID().toString())), "NOT_FOUND", "job");
    }

    @Test
    void jobsVariablesAndTargetsOfManyJobsLoadInOneStatementEach() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        List<String> jobs = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            jobs.add(job(staging, name));
        }
        VariableGraphQLApiTest.create(project, "DBT_X", "x-default", staging, "x-staging");
        execute(SET, vars("p", project, "values", List.of(Map.of("name", "DBT_X", "jobId", jobs.get(2), "value", "x-c"))))
                .body("errors", nullValue());
        int from = LocalServicesResource.applicationLog().length();
        execute("query($e: ID!) { environment(id: $e) { jobs { name environmentVariables { source value } } } }", vars("e", staging))
                .body("errors", nullValue())
                .body("data.environment.jobs.name", contains("a", "b", "c", "d"))
                .body("data.environment.jobs.environmentVariables.source.flatten()", contains("ENVIRONMENT", "ENVIRONMENT", "JOB", "ENVIRONMENT"))
                .body("data.environment.jobs.environmentVariables.value.flatten()", contains("x-staging", "x-staging", "x-c", "x-staging"));
        Eventually.until("the statements logged", () -> LocalServicesResource.applicationLog().length() > from);
        List<String> statements = LocalServicesResource.applicationLog().substring(from).lines()
                .filter(line -> line.contains("SQL") && line.contains("environment_variable")).toList();
        assertEquals(1, statements.size(), "one statement for every job's variables: " + statements);
    }

    @Test
    void aSecretJobValueIsInVaultOnlyAndShowsOnlyItsVersion() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String nightly = job(staging, "nightly");
        String variable = VariableGraphQLApiTest.create(project, "DBT_ENV_SECRET_TOKEN", "token-default", null, null);
        String canary = Fixtures.unique("canary-job");
        String rotated = Fixtures.unique("canary-job-rotated");
        String path = "envplane/projects/" + project + "/variables/" + variable + "/jobs/" + nightly;
        List<String> responses = new ArrayList<>();

        responses.add(execute(SET, vars("p", project, "values", List.of(Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", nightly, "value", canary))))
                .body("errors", nullValue())
                .body("data.setEnvironmentVariableValues[0].jobValues[0].value", nullValue())
                .body("data.setEnvironmentVariableValues[0].jobValues[0].valueSet", is(true))
                .body("data.setEnvironmentVariableValues[0].jobValues[0].secretVersion", is(1)).extract().asString());
        assertEquals(canary, Vault.latest(path).getString("data.data.value"));
        assertEquals(1, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid and scope = 'JOB' "
                + "and value is null and secret_path = ? and secret_version = 1", nightly, path), "the row holds the reference, never the value");

        responses.add(execute(SET, vars("p", project, "values", List.of(Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", nightly, "value", rotated))))
                .body("errors", nullValue()).body("data.setEnvironmentVariableValues[0].jobValues[0].secretVersion", is(2)).extract().asString());
        assertEquals(rotated, Vault.version(path, 2).getString("data.data.value"));
        Eventually.until("the replaced version destroyed", () -> Vault.get("secret/metadata/" + path).jsonPath().getBoolean("data.versions.1.destroyed"));

        responses.add(execute(JOB_VARIABLES, vars("j", nightly)).body("errors", nullValue())
                .body("data.job.environmentVariables[0].secret", is(true))
                .body("data.job.environmentVariables[0].source", is("JOB"))
                .body("data.job.environmentVariables[0].value", nullValue())
                .body("data.job.environmentVariables[0].secretVersion", is(2)).extract().asString());
        responses.add(execute(JOB_TARGET, vars("j", nightly)).body("errors", nullValue())
                .body("data.job.target.environmentVariables.find { it.name == 'DBT_ENV_SECRET_TOKEN' }.value", nullValue())
                .body("data.job.target.environmentVariables.find { it.name == 'DBT_ENV_SECRET_TOKEN' }.source", equalTo("JOB"))
                .body("data.job.target.environmentVariables.find { it.name == 'DBT_ENV_SECRET_TOKEN' }.secretLocation.path", equalTo(path))
                .body("data.job.target.environmentVariables.find { it.name == 'DBT_ENV_SECRET_TOKEN' }.secretLocation.version", equalTo(2))
                .extract().asString());
        responses.add(execute(VariableGraphQLApiTest.PROJECT_VARIABLES.replace("environmentValues {", "jobValues { value valueSet secretVersion } environmentValues {"),
                vars("p", project)).body("errors", nullValue())
                .body("data.project.environmentVariables[0].jobValues[0].value", nullValue()).extract().asString());

        VariableGraphQLApiTest.assertWentNowhereElse(List.of(canary, rotated), responses);
    }

    @Test
    void refusesJobsOfOtherProjectsUnknownJobsAndBadEntriesWithoutWritingAnything() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String nightly = job(staging, "nightly");
        String strangersJob = job(deployment(Fixtures.project(), "elsewhere", null), "theirs");
        VariableGraphQLApiTest.create(project, "DBT_ENV_SECRET_TOKEN", null, null, null);
        VariableGraphQLApiTest.create(project, "DBT_SCHEMA", null, null, null);
        String unknown = java.util.UUID.randomUUID().toString();
        // each refusal comes after a valid secret entry: nothing of it may be written, in the database or in Vault
        Map<String, String> valid = Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", nightly, "value", "must-not-stay");

        assertError(execute(SET, vars("p", project, "values", List.of(valid, Map.of("name", "DBT_SCHEMA", "jobId", strangersJob, "value", "x")))),
                "VALIDATION", "values[1].jobId");
        assertError(execute(SET, vars("p", project, "values", List.of(valid, Map.of("name", "DBT_SCHEMA", "jobId", unknown, "value", "x")))),
                "NOT_FOUND", "values[1].jobId");
        assertError(execute(SET, vars("p", project, "values", List.of(valid, Map.of("name", "DBT_SCHEMA", "jobId", "not-an-id", "value", "x")))),
                "VALIDATION", "values[1].jobId");
        assertError(execute(SET, vars("p", project, "values", List.of(valid, Map.of("name", "DBT_SCHEMA", "jobId", nightly,
                "environmentId", staging, "value", "x")))), "VALIDATION", "values[1].jobId");
        assertError(execute(SET, vars("p", project, "values", List.of(valid, valid))), "VALIDATION", "values[1]");
        assertError(execute(SET, vars("p", project, "values", List.of(valid, Map.of("name", "DBT_MISSING", "jobId", nightly, "value", "x")))),
                "NOT_FOUND", "values[1].name");

        assertEquals(0, Database.count("select count(*) from environment_variable_value where job_id in (?::uuid, ?::uuid)", nightly, strangersJob));
        String variable = VariableGraphQLApiTest.variableId(project, "DBT_ENV_SECRET_TOKEN");
        Eventually.until("the rolled back Vault write destroyed", () -> Vault.metadataStatus(
                "envplane/projects/" + project + "/variables/" + variable + "/jobs/" + nightly) == 404);
    }

    @Test
    void deleteJobRemovesItsValuesAndQueuesTheirVaultPaths() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String nightly = job(staging, "nightly");
        String variable = VariableGraphQLApiTest.create(project, "DBT_ENV_SECRET_TOKEN", "token-default", null, null);
        VariableGraphQLApiTest.create(project, "DBT_SCHEMA", null, null, null);
        setJobValues(project, nightly);
        String path = "envplane/projects/" + project + "/variables/" + variable + "/jobs/" + nightly;
        assertEquals(200, Vault.metadataStatus(path));

        execute("mutation($id: ID!) { deleteJob(id: $id) { id } }", vars("id", nightly)).body("errors", nullValue());
        assertEquals(0, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid", nightly));
        assertEquals(1, Database.count("select count(*) from environment_variable_value v join environment_variable e on e.id = v.variable_id "
                + "where e.project_id = ?::uuid", project), "the project default stays");
        Eventually.until("the job's Vault path destroyed", () -> Vault.metadataStatus(path) == 404);
    }

    @Test
    void deleteEnvironmentReportsItsJobsValuesAndTheDryRunMatchesTheDeletion() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String nightly = job(staging, "nightly");
        String variable = VariableGraphQLApiTest.create(project, "DBT_ENV_SECRET_TOKEN", "token-default", null, null);
        VariableGraphQLApiTest.create(project, "DBT_SCHEMA", null, null, null);
        setJobValues(project, nightly);
        List<String> jobValueIds = jobValueIds(nightly);
        String path = "envplane/projects/" + project + "/variables/" + variable + "/jobs/" + nightly;
        long outbox = Database.count("select count(*) from secret_outbox");
        String document = "mutation($id: ID!, $dry: Boolean) { deleteEnvironment(id: $id, dryRun: $dry) { " + REPORT + " } }";

        String dry = execute(document, vars("id", staging, "dry", true)).body("errors", nullValue())
                .body("data.deleteEnvironment.jobs.id", contains(nightly))
                .body("data.deleteEnvironment.variableValues", containsInAnyOrder(jobValueIds.toArray()))
                .body("data.deleteEnvironment.vaultPaths", contains(path)).extract().asString();
        assertEquals(2, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid", nightly), "a dry run deletes nothing");
        assertEquals(outbox, Database.count("select count(*) from secret_outbox"), "a dry run queues nothing");

        String real = execute(document, vars("id", staging, "dry", false)).body("errors", nullValue()).extract().asString();
        assertEquals(dry.replace("\"dryRun\":true", "\"dryRun\":false"), real, "the deletion removes what the dry run reported");
        assertEquals(0, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid", nightly));
        Eventually.until("the job's Vault path destroyed", () -> Vault.metadataStatus(path) == 404);
    }

    @Test
    void deleteProjectReportsJobValuesAndTheDryRunMatchesTheDeletion() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String nightly = job(staging, "nightly");
        String variable = VariableGraphQLApiTest.create(project, "DBT_ENV_SECRET_TOKEN", null, null, null);
        VariableGraphQLApiTest.create(project, "DBT_SCHEMA", null, null, null);
        setJobValues(project, nightly);
        List<String> jobValueIds = jobValueIds(nightly);
        String path = "envplane/projects/" + project + "/variables/" + variable + "/jobs/" + nightly;
        String document = "mutation($id: ID!, $dry: Boolean) { deleteProject(id: $id, force: true, dryRun: $dry) { " + REPORT + " } }";

        String dry = execute(document, vars("id", project, "dry", true)).body("errors", nullValue())
                .body("data.deleteProject.variableValues", containsInAnyOrder(jobValueIds.toArray()))
                .body("data.deleteProject.vaultPaths", contains(path)).extract().asString();
        String real = execute(document, vars("id", project, "dry", false)).body("errors", nullValue()).extract().asString();
        assertEquals(dry.replace("\"dryRun\":true", "\"dryRun\":false"), real);
        assertEquals(0, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid", nightly));
        Eventually.until("the job's Vault path destroyed", () -> Vault.metadataStatus(path) == 404);
    }

    @Test
    void deletingTheVariableRemovesItsJobValues() {
        String project = Fixtures.project();
        String nightly = job(deployment(project, "staging", "STAGING"), "nightly");
        String variable = VariableGraphQLApiTest.create(project, "DBT_ENV_SECRET_TOKEN", null, null, null);
        VariableGraphQLApiTest.create(project, "DBT_SCHEMA", null, null, null);
        setJobValues(project, nightly);
        String path = "envplane/projects/" + project + "/variables/" + variable + "/jobs/" + nightly;

        execute(VariableGraphQLApiTest.DELETE, vars("id", variable)).body("errors", nullValue());
        assertEquals(1, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid", nightly),
                "only the other variable's job value stays");
        Eventually.until("the job's Vault path destroyed", () -> Vault.metadataStatus(path) == 404);
        execute(JOB_VARIABLES, vars("j", nightly)).body("errors", nullValue()).body("data.job.environmentVariables.name", contains("DBT_SCHEMA"));
    }

    /**
     * deleteJob racing a write of the job's value, each way round: the job's row lock orders them (the values table is
     * locked to hold the first one inside its transaction), so a value written first goes with the job, and a write
     * after the deletion is NOT_FOUND; never a foreign-key error, never a value left behind.
     */
    @Test
    void deleteJobAndAWriteOfItsValueRacingEndCleanlyEitherWay() throws Exception {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String variable = VariableGraphQLApiTest.create(project, "DBT_ENV_SECRET_TOKEN", null, null, null);
        String delete = "mutation($id: ID!) { deleteJob(id: $id) { id } }";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            String first = job(staging, "written-first");
            Map<String, Object> write = vars("p", project, "values", List.of(Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", first, "value", "v")));
            Future<String> set;
            Future<String> deleted;
            try (TableLock lock = TableLock.on("environment_variable_value")) {
                set = pool.submit(() -> execute(SET, write).extract().asString());
                Eventually.until("the write holds the job and waits", () -> TableLock.waiting() == 1);
                deleted = pool.submit(() -> execute(delete, vars("id", first)).extract().asString());
                Eventually.until("the deletion waits for the job's row", () -> TableLock.waiting() == 2);
            }
            assertFalse(set.get(60, TimeUnit.SECONDS).contains("\"errors\""), "the write went first");
            assertFalse(deleted.get(60, TimeUnit.SECONDS).contains("\"errors\""), "then the deletion");
            assertEquals(0, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid", first));
            String path = "envplane/projects/" + project + "/variables/" + variable + "/jobs/" + first;
            Eventually.until("the value written first destroyed with its job", () -> Vault.metadataStatus(path) == 404);

            String second = job(staging, "deleted-first");
            try (TableLock lock = TableLock.on("environment_variable_value")) {
                deleted = pool.submit(() -> execute(delete, vars("id", second)).extract().asString());
                Eventually.until("the deletion holds the job and waits", () -> TableLock.waiting() == 1);
                set = pool.submit(() -> execute(SET, vars("p", project, "values", List.of(Map.of("name", "DBT_ENV_SECRET_TOKEN",
                        "jobId", second, "value", "v")))).extract().asString());
                Eventually.until("the write waits for the job's row", () -> TableLock.waiting() == 2);
            }
            assertFalse(deleted.get(60, TimeUnit.SECONDS).contains("\"errors\""), "the deletion went first");
            io.restassured.path.json.JsonPath refused = io.restassured.path.json.JsonPath.from(set.get(60, TimeUnit.SECONDS));
            assertEquals("NOT_FOUND", refused.getString("errors[0].extensions.code"));
            assertEquals("values[0].jobId", refused.getString("errors[0].extensions.field"));
            assertEquals(0, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid", second));
            assertEquals(404, Vault.metadataStatus("envplane/projects/" + project + "/variables/" + variable + "/jobs/" + second));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void movedJobsKeepTheirValues() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String general = deployment(project, "general", null);
        String nightly = job(staging, "nightly");
        VariableGraphQLApiTest.create(project, "DBT_ENV_SECRET_TOKEN", null, null, null);
        VariableGraphQLApiTest.create(project, "DBT_SCHEMA", "schema-default", staging, "schema-staging");
        setJobValues(project, nightly);
        List<String> before = jobValueIds(nightly);

        execute("mutation($f: ID!, $t: ID!, $j: [String!]!) { moveJobs(fromEnvironmentId: $f, toEnvironmentId: $t, jobIds: $j) { id } }",
                vars("f", staging, "t", general, "j", List.of(nightly))).body("errors", nullValue());
        assertEquals(before, jobValueIds(nightly));
        execute(JOB_VARIABLES, vars("j", nightly)).body("errors", nullValue())
                .body("data.job.environmentVariables.name", contains("DBT_ENV_SECRET_TOKEN", "DBT_SCHEMA"))
                .body("data.job.environmentVariables.source", contains("JOB", "JOB"))
                .body("data.job.environmentVariables.secretVersion", contains(1, null));
        // without its own value, the moved job falls back to its new environment's (here: the project default)
        execute(SET, vars("p", project, "values", List.of(vars("name", "DBT_SCHEMA", "jobId", nightly, "value", null)))).body("errors", nullValue());
        execute(JOB_VARIABLES, vars("j", nightly)).body("data.job.environmentVariables[1].source", equalTo("PROJECT_DEFAULT"));
    }

    @Test
    void developersSetValuesOfJobsOutsideProductionOnly() {
        String project = Fixtures.project();
        String staging = deployment(project, "staging", "STAGING");
        String production = deployment(project, "production", "PRODUCTION");
        String stagingJob = job(staging, "staging-job");
        String productionJob = job(production, "production-job");
        String variable = VariableGraphQLApiTest.create(project, "DBT_ENV_SECRET_TOKEN", null, null, null);
        GraphQL.Caller developer = GraphQL.as(Tokens.developer());

        developer.execute(SET, vars("p", project, "values", List.of(Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", stagingJob, "value", "dev"))))
                .body("errors", nullValue()).body("data.setEnvironmentVariableValues[0].jobValues.jobId", contains(stagingJob));

        String productionPath = "envplane/projects/" + project + "/variables/" + variable + "/jobs/" + productionJob;
        for (List<Map<String, String>> values : List.of(
                List.of(Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", productionJob, "value", "prod")),
                List.of(Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", stagingJob, "value", "dev-again"),
                        Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", productionJob, "value", "prod")))) {
            ValidatableResponse response = developer.execute(SET, vars("p", project, "values", values));
            assertError(response, "FORBIDDEN", null).body("errors[0].message", equalTo("Missing permission variable-values:write"));
        }
        assertEquals(0, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid", productionJob));
        assertEquals(1, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid and secret_version = 1", stagingJob),
                "the staging job's value of the refused call was not written either");
        assertEquals(404, Vault.metadataStatus(productionPath));
        // a viewer may read job values but not set them
        GraphQL.as(Tokens.viewer()).execute(JOB_VARIABLES, vars("j", stagingJob)).body("errors", nullValue())
                .body("data.job.environmentVariables.source", hasItem("JOB"));
        assertError(GraphQL.as(Tokens.viewer()).execute(SET, vars("p", project, "values",
                List.of(Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", stagingJob, "value", "viewer")))), "FORBIDDEN", null);
    }

    private static void setJobValues(String project, String job) {
        execute(SET, vars("p", project, "values", List.of(
                Map.of("name", "DBT_ENV_SECRET_TOKEN", "jobId", job, "value", Fixtures.unique("job-token")),
                Map.of("name", "DBT_SCHEMA", "jobId", job, "value", "job-schema"))))
                .body("errors", nullValue()).body("data.setEnvironmentVariableValues", hasSize(2));
    }

    /** The ids of a job's value rows, read in the database, ordered. */
    private static List<String> jobValueIds(String job) {
        List<String> ids = new ArrayList<>();
        try (var connection = LocalServicesResource.database().connect();
                var statement = connection.prepareStatement("select id from environment_variable_value where job_id = ?::uuid order by id")) {
            statement.setString(1, job);
            var rows = statement.executeQuery();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertFalse(ids.isEmpty(), "the job has values");
        return ids;
    }

    @Test
    void aJobsTargetNameAndThreadsOverrideItsEnvironmentsInTheJobsTargetOnly() {
        Fixtures.Environment env = Fixtures.environmentOn("postgres");
        String password = Fixtures.unique("job-target-pw");
        execute("mutation($e: ID!, $pw: String!) { setEnvironmentCredentials(environmentId: $e, input: {postgres: {username: \"dbt\", "
                + "password: $pw, schema: \"analytics\", threads: 4}}) { threads } }", vars("e", env.id(), "pw", password))
                .body("errors", nullValue());
        String overriding = execute("mutation($input: CreateJobInput!) { createJob(input: $input) { id } }", vars("input", Map.of(
                "environmentId", env.id(), "name", "ci", "steps", List.of("dbt build"), "targetNameOverride", "ci", "threads", 12)))
                .body("errors", nullValue()).extract().path("data.createJob.id");
        String plain = job(env.id(), "plain");
        String target = "target { targetName threads profilesYml fields { key value source } }";
        ValidatableResponse response = execute("query($j: ID!, $k: ID!, $e: ID!) { overriding: job(id: $j) { " + target + " } "
                + "plain: job(id: $k) { " + target + " } environment(id: $e) { " + target + " } }",
                vars("j", overriding, "k", plain, "e", env.id())).body("errors", nullValue());
        response.body("data.overriding.target.targetName", equalTo("ci"))
                .body("data.overriding.target.threads", equalTo(12))
                .body("data.overriding.target.profilesYml", containsString("target: ci"))
                .body("data.overriding.target.profilesYml", containsString("threads: 12"))
                .body("data.overriding.target.fields.find { it.key == 'threads' }.source", equalTo("JOB"))
                .body("data.overriding.target.fields.find { it.key == 'threads' }.value", equalTo("12"));
        // a job without overrides, and the environment itself, keep the environment's target name and threads
        for (String path : List.of("data.plain.target", "data.environment.target")) {
            response.body(path + ".targetName", equalTo("default"))
                    .body(path + ".threads", equalTo(4))
                    .body(path + ".profilesYml", containsString("threads: 4"))
                    .body(path + ".fields.find { it.key == 'threads' }.source", equalTo("CREDENTIALS"));
        }
        assertFalse(response.extract().asString().contains(password), "no target carries the password");
    }

    /** A deployment environment; deploymentType null for GENERAL. */
    private static String deployment(String project, String name, String deploymentType) {
        String type = deploymentType == null ? "" : ", deploymentType: " + deploymentType;
        return execute("mutation($p: ID!, $n: String!) { createEnvironment(input: {projectId: $p, name: $n, type: DEPLOYMENT" + type + "}) { id } }",
                vars("p", project, "n", name)).body("errors", nullValue()).extract().path("data.createEnvironment.id");
    }

    private static String job(String environment, String name) {
        return execute("mutation($input: CreateJobInput!) { createJob(input: $input) { id } }",
                vars("input", Map.of("environmentId", environment, "name", name, "steps", List.of("dbt build"))))
                .body("errors", nullValue()).extract().path("data.createJob.id");
    }
}
