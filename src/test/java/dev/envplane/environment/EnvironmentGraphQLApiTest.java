package dev.envplane.environment;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.Fixtures.unique;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.envplane.testing.Database;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class EnvironmentGraphQLApiTest {

    static final String FIELDS = "id name type deploymentType dbtVersion useCustomBranch customBranch version project { id }";
    static final String CREATE = "mutation($input: CreateEnvironmentInput!) { createEnvironment(input: $input) { " + FIELDS + " } }";
    static final String UPDATE = "mutation($id: ID!, $input: UpdateEnvironmentInput!, $v: Int) "
            + "{ updateEnvironment(id: $id, input: $input, expectedVersion: $v) { " + FIELDS + " } }";
    static final String PROMOTE = "mutation($id: ID!) { promoteToProduction(environmentId: $id) { id deploymentType } }";

    static ValidatableResponse create(String projectId, String name, String type, Object... more) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", projectId, "name", name, "type", type));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return execute(CREATE, vars("input", input));
    }

    static String createId(String projectId, String name, String type, Object... more) {
        return create(projectId, name, type, more).body("errors", nullValue()).extract().path("data.createEnvironment.id");
    }

    @Test
    void createsADeploymentEnvironmentWithDefaults() {
        String project = Fixtures.project(unique("env"));
        create(project, "  ci  ", "DEPLOYMENT")
                .body("errors", nullValue())
                .body("data.createEnvironment.name", equalTo("ci"))
                .body("data.createEnvironment.type", equalTo("DEPLOYMENT"))
                .body("data.createEnvironment.deploymentType", equalTo("GENERAL"))
                .body("data.createEnvironment.dbtVersion", equalTo("latest"))
                .body("data.createEnvironment.useCustomBranch", is(false))
                .body("data.createEnvironment.customBranch", nullValue())
                .body("data.createEnvironment.version", is(0))
                .body("data.createEnvironment.project.id", equalTo(project));
    }

    @Test
    void createsAStagingEnvironmentOnALongLivedBranch() {
        String project = Fixtures.project(unique("staging"));
        create(project, "Staging", "DEPLOYMENT", "deploymentType", "STAGING", "dbtVersion", "1.9", "useCustomBranch", true,
                "customBranch", "staging")
                .body("errors", nullValue())
                .body("data.createEnvironment.deploymentType", equalTo("STAGING"))
                .body("data.createEnvironment.dbtVersion", equalTo("1.9"))
                .body("data.createEnvironment.useCustomBranch", is(true))
                .body("data.createEnvironment.customBranch", equalTo("staging"));
    }

    @Test
    void allowsOneDevelopmentEnvironmentAndNamesTheHolder() {
        String project = Fixtures.project(unique("dev"));
        String first = createId(project, "Development", "DEVELOPMENT");
        assertError(create(project, "Development 2", "DEVELOPMENT"), "CONFLICT", "type")
                .body("errors[0].message", containsString(first));
        assertEquals(1, Database.count("select count(*) from environment where project_id = ?::uuid", project));
    }

    @Test
    void allowsOneProductionEnvironmentAndNamesTheHolder() {
        String project = Fixtures.project(unique("prod"));
        String prod = createId(project, "Production", "DEPLOYMENT", "deploymentType", "PRODUCTION");
        assertError(create(project, "Production 2", "DEPLOYMENT", "deploymentType", "PRODUCTION"), "CONFLICT", "deploymentType")
                .body("errors[0].message", containsString("'Production' (" + prod + ")"));
        createId(project, "Staging", "DEPLOYMENT", "deploymentType", "STAGING");
        assertError(execute(UPDATE, vars("id", createId(project, "Other", "DEPLOYMENT"), "input", Map.of("deploymentType", "PRODUCTION"), "v", null)),
                "CONFLICT", "deploymentType");
        assertEquals(1, Database.count("select count(*) from environment where project_id = ?::uuid and deployment_type = 'PRODUCTION'", project));
    }

    @Test
    void allowsOneStagingEnvironmentAndNamesTheHolder() {
        String project = Fixtures.project(unique("staging"));
        String staging = createId(project, "Staging", "DEPLOYMENT", "deploymentType", "STAGING");
        assertError(create(project, "Staging 2", "DEPLOYMENT", "deploymentType", "STAGING"), "CONFLICT", "deploymentType")
                .body("errors[0].message", containsString("STAGING environment: 'Staging' (" + staging + ")"));
        assertError(execute(UPDATE, vars("id", createId(project, "Other", "DEPLOYMENT"), "input", Map.of("deploymentType", "STAGING"), "v", null)),
                "CONFLICT", "deploymentType");
        assertEquals(1, Database.count("select count(*) from environment where project_id = ?::uuid and deployment_type = 'STAGING'", project));
        execute("query($id: ID!) { project(id: $id) { stagingEnvironment { id } productionEnvironment { id } } }", vars("id", project))
                .body("errors", nullValue())
                .body("data.project.stagingEnvironment.id", equalTo(staging))
                .body("data.project.productionEnvironment", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "PRODUCTION", "STAGING" })
    void concurrentCreatesOfOnePlaceHaveExactlyOneWinner(String place) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String project = Fixtures.project(unique("race"));
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<JsonPath>> attempts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String name = place + "-" + i;
                    attempts.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return create(project, name, "DEPLOYMENT", "deploymentType", place).extract().jsonPath();
                    }, pool));
                }
                start.countDown();
                int winners = 0;
                for (CompletableFuture<JsonPath> attempt : attempts) {
                    JsonPath result = attempt.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    if (result.get("errors") == null) {
                        winners++;
                    } else {
                        assertEquals("CONFLICT", result.getString("errors[0].extensions.code"));
                        assertEquals("deploymentType", result.getString("errors[0].extensions.field"));
                    }
                }
                assertEquals(1, winners, "exactly one concurrent " + place + " create must win");
                assertEquals(1, Database.count("select count(*) from environment where project_id = ?::uuid", project));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentPromotionsLeaveExactlyOneProduction() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String project = Fixtures.project(unique("promote-race"));
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ids.add(createId(project, "env-" + i, "DEPLOYMENT"));
                }
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(ids.size());
                List<CompletableFuture<JsonPath>> calls = ids.stream().map(id -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return execute(PROMOTE, vars("id", id)).extract().jsonPath();
                }, pool)).toList();
                for (CompletableFuture<JsonPath> call : calls) {
                    assertEquals(null, (Object) call.get(60, java.util.concurrent.TimeUnit.SECONDS).get("errors"), "round " + round);
                }
                assertEquals(1, Database.count("select count(*) from environment where project_id = ?::uuid and deployment_type = 'PRODUCTION'", project),
                        "round " + round);
                assertEquals(3, Database.count("select count(*) from environment where project_id = ?::uuid and deployment_type = 'GENERAL'", project),
                        "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void promotionDemotesThePreviousProductionAtomically() {
        String project = Fixtures.project(unique("promote"));
        String oldProd = createId(project, "Production", "DEPLOYMENT", "deploymentType", "PRODUCTION");
        String staging = createId(project, "Staging", "DEPLOYMENT", "deploymentType", "STAGING");
        execute(PROMOTE, vars("id", staging)).body("data.promoteToProduction.deploymentType", equalTo("PRODUCTION"));
        execute("query($id: ID!) { environment(id: $id) { deploymentType version } }", vars("id", oldProd))
                .body("data.environment.deploymentType", equalTo("GENERAL"))
                .body("data.environment.version", is(1));
        execute("query($id: ID!) { project(id: $id) { productionEnvironment { id } } }", vars("id", project))
                .body("data.project.productionEnvironment.id", equalTo(staging));
        // promoting the production environment again changes nothing
        execute(PROMOTE, vars("id", staging)).body("data.promoteToProduction.deploymentType", equalTo("PRODUCTION"));
    }

    @Test
    void refusesToPromoteADevelopmentOrUnknownEnvironment() {
        String project = Fixtures.project(unique("promote-dev"));
        String dev = createId(project, "Development", "DEVELOPMENT");
        assertError(execute(PROMOTE, vars("id", dev)), "VALIDATION", "environmentId");
        assertError(execute(PROMOTE, vars("id", UUID.randomUUID().toString())), "NOT_FOUND", "environmentId");
    }

    @Test
    void refusesDeploymentTypeOnADevelopmentEnvironment() {
        String project = Fixtures.project(unique("devtype"));
        assertError(create(project, "dev", "DEVELOPMENT", "deploymentType", "STAGING"), "VALIDATION", "deploymentType");
        assertEquals(0, Database.count("select count(*) from environment where project_id = ?::uuid", project));
    }

    @ParameterizedTest
    @ValueSource(strings = { "latest", "compatible", "extended", "fallback", "versionless", "latest-fusion", "fusion-latest",
            "fusion-compatible", "fusion-extended", "fusion-fallback", "1.9", "1.10", "1.8.0-latest", "1.11.0-pre" })
    void acceptsTheDbtVersionTracks(String version) {
        create(Fixtures.project(unique("dbt")), "ci", "DEPLOYMENT", "dbtVersion", version)
                .body("errors", nullValue())
                .body("data.createEnvironment.dbtVersion", equalTo(version));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1", "1.9.1", "v1.9", "1.9-latest", "1.9.0-latest-x", "newest", "fusion", "fusion-nightly" })
    void refusesOtherDbtVersions(String version) {
        String project = Fixtures.project(unique("dbt-bad"));
        assertError(create(project, "ci", "DEPLOYMENT", "dbtVersion", version), "VALIDATION", "dbtVersion")
                .body("errors[0].message", containsString("latest-fusion"));
        assertEquals(0, Database.count("select count(*) from environment where project_id = ?::uuid", project));
    }

    @Test
    void targetNameDefaultsToDefaultAndIsADbtTargetName() {
        String project = Fixtures.project(unique("target"));
        String id = createId(project, "ci", "DEPLOYMENT");
        execute("query($id: ID!) { environment(id: $id) { targetName } }", vars("id", id)).body("data.environment.targetName", equalTo("default"));
        execute(UPDATE, vars("id", id, "input", Map.of("targetName", "ci_staging-2"), "v", null)).body("errors", nullValue());
        execute("query($id: ID!) { environment(id: $id) { targetName } }", vars("id", id)).body("data.environment.targetName", equalTo("ci_staging-2"));
        for (String bad : List.of("", "-prod", "has space", "a/b", "x".repeat(65))) {
            assertError(execute(UPDATE, vars("id", id, "input", Map.of("targetName", bad), "v", null)), "VALIDATION", "targetName");
            assertError(create(project, unique("bad-target"), "DEPLOYMENT", "targetName", bad), "VALIDATION", "targetName");
        }
        execute("query($id: ID!) { environment(id: $id) { targetName } }", vars("id", id)).body("data.environment.targetName", equalTo("ci_staging-2"));
    }

    @Test
    void customBranchAndItsFlagRequireEachOther() {
        String project = Fixtures.project(unique("branch"));
        assertError(create(project, "a", "DEPLOYMENT", "useCustomBranch", true), "VALIDATION", "customBranch");
        assertError(create(project, "b", "DEPLOYMENT", "customBranch", "staging"), "VALIDATION", "useCustomBranch");
        assertError(create(project, "c", "DEPLOYMENT", "useCustomBranch", false, "customBranch", "staging"), "VALIDATION", "useCustomBranch");
        assertError(create(project, "d", "DEPLOYMENT", "useCustomBranch", true, "customBranch", "bad..branch"), "VALIDATION", "customBranch");
        assertEquals(0, Database.count("select count(*) from environment where project_id = ?::uuid", project));
    }

    @Test
    void refusesUnknownProjectsAndDuplicateNames() {
        assertError(create(UUID.randomUUID().toString(), "x", "DEPLOYMENT"), "NOT_FOUND", "projectId");
        String project = Fixtures.project(unique("names"));
        createId(project, "ci", "DEPLOYMENT");
        assertError(create(project, "ci", "DEPLOYMENT"), "CONFLICT", "name");
        assertError(create(project, " ", "DEPLOYMENT"), "VALIDATION", "name");
    }

    @Test
    void updatesFieldsAndRefusesATypeChange() {
        String project = Fixtures.project(unique("update"));
        String id = createId(project, "ci", "DEPLOYMENT");
        execute(UPDATE, vars("id", id, "input", Map.of("name", "CI", "dbtVersion", "compatible", "useCustomBranch", true,
                "customBranch", "release/2026-11"), "v", 0))
                .body("errors", nullValue())
                .body("data.updateEnvironment.name", equalTo("CI"))
                .body("data.updateEnvironment.dbtVersion", equalTo("compatible"))
                .body("data.updateEnvironment.customBranch", equalTo("release/2026-11"))
                .body("data.updateEnvironment.version", is(1));
        execute(UPDATE, vars("id", id, "input", Map.of("useCustomBranch", false), "v", null))
                .body("errors", nullValue())
                .body("data.updateEnvironment.useCustomBranch", is(false))
                .body("data.updateEnvironment.customBranch", nullValue());
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("type", "DEVELOPMENT"), "v", null)), "VALIDATION", "type");
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("dbtVersion", "2"), "v", null)), "VALIDATION", "dbtVersion");
        assertError(execute(UPDATE, vars("id", UUID.randomUUID().toString(), "input", Map.of("name", "x"), "v", null)), "NOT_FOUND", "id");
        execute("query($id: ID!) { environment(id: $id) { type name version } }", vars("id", id))
                .body("data.environment.type", equalTo("DEPLOYMENT"))
                .body("data.environment.name", equalTo("CI"))
                .body("data.environment.version", is(2));
    }

    @Test
    void refusesAStaleExpectedVersionAndWritesNothing() {
        String id = createId(Fixtures.project(unique("stale")), "ci", "DEPLOYMENT");
        execute(UPDATE, vars("id", id, "input", Map.of("name", "first"), "v", 0)).body("errors", nullValue());
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("name", "second"), "v", 0)), "STALE_VERSION", "expectedVersion");
        execute("query($id: ID!) { environment(id: $id) { name } }", vars("id", id)).body("data.environment.name", equalTo("first"));
    }

    @Test
    void deletesAnEnvironment() {
        String id = createId(Fixtures.project(unique("delete")), "ci", "DEPLOYMENT");
        execute("mutation($id: ID!) { deleteEnvironment(id: $id) { environments { id name } } }", vars("id", id)).body("errors", nullValue())
                .body("data.deleteEnvironment.environments.name", contains("ci")).body("data.deleteEnvironment.environments.id", contains(id));
        execute("query($id: ID!) { environment(id: $id) { id } }", vars("id", id)).body("errors", nullValue()).body("data.environment", nullValue());
        assertError(execute("mutation($id: ID!) { deleteEnvironment(id: $id) { dryRun } }", vars("id", id)), "NOT_FOUND", "id");
    }

    @Test
    void projectListsItsEnvironmentsFiltered() {
        String project = Fixtures.project(unique("list"));
        createId(project, "dev", "DEVELOPMENT");
        createId(project, "prod", "DEPLOYMENT", "deploymentType", "PRODUCTION");
        createId(project, "b-staging", "DEPLOYMENT", "deploymentType", "STAGING");
        createId(project, "a-general", "DEPLOYMENT");
        String query = "query($id: ID!, $t: EnvironmentType, $d: DeploymentType) { project(id: $id) { "
                + "environments(type: $t, deploymentType: $d) { name } productionEnvironment { name } } }";
        execute(query, vars("id", project, "t", null, "d", null))
                .body("data.project.environments.name", contains("a-general", "b-staging", "dev", "prod"))
                .body("data.project.productionEnvironment.name", equalTo("prod"));
        execute(query, vars("id", project, "t", "DEPLOYMENT", "d", null))
                .body("data.project.environments.name", contains("a-general", "b-staging", "prod"));
        execute(query, vars("id", project, "t", null, "d", "STAGING"))
                .body("data.project.environments.name", contains("b-staging"));
    }

    @Test
    void aliasesOfOneFieldWithDifferentArgumentsGetTheirOwnAnswers() {
        String project = Fixtures.project(unique("aliases"));
        createId(project, "prod", "DEPLOYMENT", "deploymentType", "PRODUCTION");
        createId(project, "staging", "DEPLOYMENT", "deploymentType", "STAGING");
        createId(project, "dev", "DEVELOPMENT");
        execute("query($id: ID!) { project(id: $id) { staging: environments(deploymentType: STAGING) { name } "
                + "prod: environments(deploymentType: PRODUCTION) { name } all: environments { name } "
                + "dev: environments(type: DEVELOPMENT) { name } } }", vars("id", project))
                .body("errors", nullValue())
                .body("data.project.staging.name", contains("staging"))
                .body("data.project.prod.name", contains("prod"))
                .body("data.project.all.name", contains("dev", "prod", "staging"))
                .body("data.project.dev.name", contains("dev"));
    }

    @Test
    void aNullConnectionIdUnlinksTheConnectionAndLeavingItOutKeepsIt() {
        String project = Fixtures.project(unique("unlink"));
        String snowflake = Fixtures.connection("snowflake");
        String id = createId(project, "ci", "DEPLOYMENT", "connectionId", snowflake, "connectionOverrides", Map.of("role", "TRANSFORMER"));
        String read = "query($id: ID!) { environment(id: $id) { connection { id } connectionOverrides { role } } }";

        execute(UPDATE, vars("id", id, "input", Map.of("name", "ci-renamed"), "v", null)).body("errors", nullValue());
        execute(read, vars("id", id)).body("errors", nullValue()).body("data.environment.connection.id", equalTo(snowflake))
                .body("data.environment.connectionOverrides.role", equalTo("TRANSFORMER"));

        Map<String, Object> unlink = new HashMap<>();
        unlink.put("connectionId", null);
        execute(UPDATE, vars("id", id, "input", unlink, "v", null)).body("errors", nullValue());
        execute(read, vars("id", id)).body("errors", nullValue()).body("data.environment.connection", nullValue())
                .body("data.environment.connectionOverrides", nullValue());

        // It keeps its warehouse: only a Snowflake connection can come back.
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("connectionId", Fixtures.connection("postgres")), "v", null)),
                "VALIDATION", "connectionId");
        String another = Fixtures.connection("snowflake");
        execute(UPDATE, vars("id", id, "input", Map.of("connectionId", another), "v", null)).body("errors", nullValue());
        execute(read, vars("id", id)).body("data.environment.connection.id", equalTo(another));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** All competitors pass the barrier together (a timeout rather than a hang if one never arrives). */
    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.BrokenBarrierException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the racers never met at the barrier", e);
        }
    }
}
