package dev.envplane.job;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Jobs over GraphQL: parsed dbt steps, triggers and cron schedules, paging and filters, and removal with their environment. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class JobGraphQLApiTest {

    static final String JOB_FIELDS = "id name steps triggers schedule scheduleDescription nextRuns targetNameOverride threads "
            + "generateDocs runSourceFreshness version environment { id name }";
    static final String CREATE = "mutation($input: CreateJobInput!) { createJob(input: $input) { " + JOB_FIELDS + " } }";
    static final String UPDATE = "mutation($id: ID!, $input: UpdateJobInput!, $v: Int) { updateJob(id: $id, input: $input, "
            + "expectedVersion: $v) { " + JOB_FIELDS + " } }";
    static final String JOBS = "query($first: Int, $after: String, $p: ID, $e: ID, $t: JobTrigger) { jobs(first: $first, after: $after, "
            + "projectId: $p, environmentId: $e, trigger: $t) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }";

    @Test
    void stepsAreParsedDbtCommandsWithTheirFlagsKept() {
        String environment = deployment(Fixtures.project(), "production");
        create(environment, "nightly", List.of("dbt  source freshness", "dbt build --select \"tag:nightly my_model\" --full-refresh",
                "dbt run-operation grant --args '{role: reporter}'", "dbt docs generate"), Map.of())
                .body("errors", nullValue())
                .body("data.createJob.steps", contains("dbt source freshness",
                        "dbt build --select 'tag:nightly my_model' --full-refresh",
                        "dbt run-operation grant --args '{role: reporter}'", "dbt docs generate"))
                .body("data.createJob.triggers", contains("MANUAL"))
                .body("data.createJob.schedule", nullValue())
                .body("data.createJob.nextRuns", empty())
                .body("data.createJob.environment.id", is(environment));
    }

    @Test
    void aStepThatIsNotAKnownDbtCommandIsRefusedOnItsIndex() {
        String environment = deployment(Fixtures.project(), "production");
        assertError(create(environment, "j", List.of("dbt build", "rm -rf /"), Map.of()), "VALIDATION", "steps[1]");
        assertError(create(environment, "j", List.of("dbt"), Map.of()), "VALIDATION", "steps[0]");
        assertError(create(environment, "j", List.of("dbt destroy"), Map.of()), "VALIDATION", "steps[0]");
        assertError(create(environment, "j", List.of("dbt docs serve"), Map.of()), "VALIDATION", "steps[0]");
        assertError(create(environment, "j", List.of("dbt build --select 'a"), Map.of()), "VALIDATION", "steps[0]");
        assertError(create(environment, "j", List.of("dbt build\ndbt run"), Map.of()), "VALIDATION", "steps[0]");
        // a lookalike of the word is not the word: parsing, not matching
        assertError(create(environment, "j", List.of("dbtx build"), Map.of()), "VALIDATION", "steps[0]");
        assertError(create(environment, "j", List.of(), Map.of()), "VALIDATION", "steps");
        assertJobCount(environment, 0);
    }

    @Test
    void aScheduleIsCronDescribedInWordsWithItsNextFiveRunsInUtc() {
        String environment = deployment(Fixtures.project(), "production");
        ValidatableResponse created = create(environment, "hourly", List.of("dbt build"),
                Map.of("triggers", List.of("SCHEDULE", "MANUAL"), "schedule", " 0   *  * * * ", "threads", 8,
                        "targetNameOverride", "prod_hourly", "generateDocs", true, "runSourceFreshness", true))
                .body("errors", nullValue())
                .body("data.createJob.schedule", is("0 * * * *"))
                .body("data.createJob.scheduleDescription", is("every hour"))
                .body("data.createJob.triggers", contains("SCHEDULE", "MANUAL"))
                .body("data.createJob.threads", is(8))
                .body("data.createJob.targetNameOverride", is("prod_hourly"))
                .body("data.createJob.generateDocs", is(true))
                .body("data.createJob.runSourceFreshness", is(true))
                .body("data.createJob.nextRuns", hasSize(5));
        List<String> runs = created.extract().path("data.createJob.nextRuns");
        Instant previous = Instant.now().minusSeconds(1);
        for (String run : runs) {
            Instant at = Instant.parse(run);
            assertTrue(at.isAfter(previous), run);
            assertEquals(0, at.getEpochSecond() % 3600, "on the hour, UTC: " + run);
            previous = at;
        }
    }

    @Test
    void schedulesAndTriggersAreValidated() {
        String environment = deployment(Fixtures.project(), "production");
        assertError(create(environment, "j", List.of("dbt build"), Map.of("triggers", List.of("SCHEDULE"))), "VALIDATION", "schedule");
        assertError(create(environment, "j", List.of("dbt build"), Map.of("schedule", "0 * * * *")), "VALIDATION", "schedule");
        assertError(create(environment, "j", List.of("dbt build"), Map.of("triggers", List.of("SCHEDULE"), "schedule", "61 * * * *")),
                "VALIDATION", "schedule");
        assertError(create(environment, "j", List.of("dbt build"), Map.of("triggers", List.of("SCHEDULE"), "schedule", "0 * * * * *")),
                "VALIDATION", "schedule");
        assertError(create(environment, "j", List.of("dbt build"), Map.of("triggers", List.of())), "VALIDATION", "triggers");
        assertError(create(environment, "j", List.of("dbt build"), Map.of("threads", 65)), "VALIDATION", "threads");
        assertError(create(environment, "j", List.of("dbt build"), Map.of("threads", 0)), "VALIDATION", "threads");
        assertError(create(environment, "j", List.of("dbt build"), Map.of("targetNameOverride", "-x")), "VALIDATION", "targetNameOverride");
        assertJobCount(environment, 0);
    }

    @Test
    void jobsRunInDeploymentEnvironmentsOnly() {
        String project = Fixtures.project();
        String development = execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"dev\", type: DEVELOPMENT}) { id } }",
                vars("p", project)).body("errors", nullValue()).extract().path("data.createEnvironment.id");
        assertError(create(development, "j", List.of("dbt build"), Map.of()), "VALIDATION", "environmentId");
        assertError(create("00000000-0000-0000-0000-000000000000", "j", List.of("dbt build"), Map.of()), "NOT_FOUND", "environmentId");
    }

    @Test
    void updatesChangeTheFieldsGivenAndRefuseAStaleVersion() {
        String environment = deployment(Fixtures.project(), "production");
        String id = create(environment, "ci", List.of("dbt build"), Map.of("threads", 4)).body("errors", nullValue())
                .extract().path("data.createJob.id");
        execute(UPDATE, vars("id", id, "input", Map.of("triggers", List.of("PULL_REQUEST", "GIT_PUSH"),
                "steps", List.of("dbt build --select state:modified+")), "v", 0))
                .body("errors", nullValue())
                .body("data.updateJob.triggers", contains("GIT_PUSH", "PULL_REQUEST"))
                .body("data.updateJob.steps", contains("dbt build --select state:modified+"))
                .body("data.updateJob.threads", is(4))
                .body("data.updateJob.version", is(1));
        Map<String, Object> clear = new HashMap<>();
        clear.put("threads", null);
        execute(UPDATE, vars("id", id, "input", clear)).body("errors", nullValue()).body("data.updateJob.threads", nullValue());
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("name", "x"), "v", 0)), "STALE_VERSION", "expectedVersion");
        execute(UPDATE, vars("id", id, "input", Map.of("triggers", List.of("SCHEDULE"), "schedule", "30 2 * * 1-5")))
                .body("errors", nullValue())
                .body("data.updateJob.scheduleDescription", is("at 02:30 every day between Monday and Friday"));
        execute("mutation($id: ID!) { deleteJob(id: $id) { id name } }", vars("id", id)).body("errors", nullValue())
                .body("data.deleteJob.name", is("ci"));
        execute("query($id: ID!) { job(id: $id) { id } }", vars("id", id)).body("errors", nullValue()).body("data.job", nullValue());
    }

    @Test
    void jobsArePagedAndFilteredByProjectEnvironmentAndTrigger() {
        String project = Fixtures.project();
        String production = deployment(project, "production");
        String staging = deployment(project, "staging");
        for (String name : List.of("a", "b", "c")) {
            create(production, name, List.of("dbt build"), Map.of()).body("errors", nullValue());
        }
        create(staging, "d", List.of("dbt build"), Map.of("triggers", List.of("PULL_REQUEST"))).body("errors", nullValue());
        create(deployment(Fixtures.project(), "other"), "e", List.of("dbt build"), Map.of()).body("errors", nullValue());

        ValidatableResponse first = execute(JOBS, vars("first", 2, "p", project)).body("errors", nullValue())
                .body("data.jobs.totalCount", is(4))
                .body("data.jobs.edges.node.name", contains("a", "b"))
                .body("data.jobs.pageInfo.hasNextPage", is(true));
        String after = first.extract().path("data.jobs.pageInfo.endCursor");
        execute(JOBS, vars("first", 2, "after", after, "p", project)).body("errors", nullValue())
                .body("data.jobs.edges.node.name", contains("c", "d"))
                .body("data.jobs.pageInfo.hasNextPage", is(false));
        execute(JOBS, vars("e", staging)).body("errors", nullValue()).body("data.jobs.edges.node.name", contains("d"));
        execute(JOBS, vars("p", project, "t", "MANUAL")).body("errors", nullValue())
                .body("data.jobs.edges.node.name", contains("a", "b", "c")).body("data.jobs.totalCount", is(3));
        execute(JOBS, vars("p", project, "t", "PULL_REQUEST")).body("errors", nullValue())
                .body("data.jobs.edges.node.name", contains("d"));
        assertError(execute(JOBS, vars("after", "not-a-cursor")), "VALIDATION", "after");

        execute("query($p: ID!) { project(id: $p) { environments { name jobs { name environment { name } } } } }", vars("p", project))
                .body("errors", nullValue())
                .body("data.project.environments.name", contains("production", "staging"))
                .body("data.project.environments[0].jobs.name", contains("a", "b", "c"))
                .body("data.project.environments[0].jobs.environment.name", contains("production", "production", "production"))
                .body("data.project.environments[1].jobs.name", contains("d"));
    }

    @Test
    void deletingAnEnvironmentDeletesItsJobsAndAForcedProjectDeletionToo() {
        String project = Fixtures.project();
        String production = deployment(project, "production");
        String staging = deployment(project, "staging");
        String kept = create(staging, "kept", List.of("dbt build"), Map.of()).extract().path("data.createJob.id");
        String gone = create(production, "gone", List.of("dbt build"), Map.of()).extract().path("data.createJob.id");
        execute("mutation($id: ID!) { deleteEnvironment(id: $id) { environments { id } } }", vars("id", production)).body("errors", nullValue());
        execute("query($a: ID!, $b: ID!) { a: job(id: $a) { id } b: job(id: $b) { id } }", vars("a", kept, "b", gone))
                .body("errors", nullValue()).body("data.a.id", is(kept)).body("data.b", nullValue());
        execute("mutation($id: ID!) { deleteProject(id: $id, force: true) { projects { id } } }", vars("id", project)).body("errors", nullValue());
        execute("query($a: ID!) { job(id: $a) { id } }", vars("a", kept)).body("errors", nullValue()).body("data.job", nullValue());
    }

    @Test
    void jobsMoveWithinTheirProjectToADeploymentEnvironmentAllOrNone() {
        String project = Fixtures.project();
        String production = deployment(project, "production");
        String staging = deployment(project, "staging");
        String a = create(production, "a", List.of("dbt build"), Map.of()).extract().path("data.createJob.id");
        String b = create(production, "b", List.of("dbt build"), Map.of()).extract().path("data.createJob.id");
        String elsewhere = create(staging, "c", List.of("dbt build"), Map.of()).extract().path("data.createJob.id");
        String move = "mutation($f: ID!, $t: ID!, $j: [String!]!) { moveJobs(fromEnvironmentId: $f, toEnvironmentId: $t, jobIds: $j) "
                + "{ id environment { id } } }";
        assertError(execute(move, vars("f", production, "t", staging, "j", List.of(a, elsewhere))), "NOT_FOUND", "jobIds[1]");
        execute(JOBS, vars("e", production)).body("errors", nullValue()).body("data.jobs.edges.node.name", contains("a", "b"));
        assertError(execute(move, vars("f", production, "t", deployment(Fixtures.project(), "x"), "j", List.of(a))),
                "VALIDATION", "toEnvironmentId");
        String development = execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"dev\", type: DEVELOPMENT}) { id } }",
                vars("p", project)).body("errors", nullValue()).extract().path("data.createEnvironment.id");
        assertError(execute(move, vars("f", production, "t", development, "j", List.of(a))), "VALIDATION", "toEnvironmentId");
        assertError(execute(move, vars("f", production, "t", production, "j", List.of(a))), "VALIDATION", "toEnvironmentId");
        execute(move, vars("f", production, "t", staging, "j", List.of(a, b))).body("errors", nullValue())
                .body("data.moveJobs.id", contains(a, b))
                .body("data.moveJobs.environment.id", contains(staging, staging));
        // moved first, the jobs outlive their old environment's deletion
        execute("mutation($id: ID!) { deleteEnvironment(id: $id) { environments { id } } }", vars("id", production)).body("errors", nullValue());
        execute(JOBS, vars("e", staging)).body("errors", nullValue()).body("data.jobs.edges.node.name", contains("a", "b", "c"));
    }

    static String deployment(String project, String name) {
        return execute("mutation($p: ID!, $n: String!) { createEnvironment(input: {projectId: $p, name: $n, type: DEPLOYMENT}) { id } }",
                vars("p", project, "n", name)).body("errors", nullValue()).extract().path("data.createEnvironment.id");
    }

    static ValidatableResponse create(String environment, String name, List<String> steps, Map<String, ?> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.put("environmentId", environment);
        input.put("name", name);
        input.put("steps", steps);
        return execute(CREATE, vars("input", input));
    }

    private static void assertJobCount(String environment, int count) {
        execute(JOBS, vars("e", environment)).body("errors", nullValue()).body("data.jobs.totalCount", is(count));
    }
}
