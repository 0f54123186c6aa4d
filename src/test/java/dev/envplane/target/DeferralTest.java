package dev.envplane.target;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Deferral: set by id or by deployment type, validated when set, resolved when a target is read. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class DeferralTest {

    static final String DEFERRAL = "query($e: ID!, $favor: Boolean) { environment(id: $e) { deferTo { environmentId deploymentType } "
            + "target { deferTo(favorState: $favor) { environment { id name } stateLocation flags } } } }";
    static final String UPDATE = "mutation($id: ID!, $input: UpdateEnvironmentInput!) { updateEnvironment(id: $id, input: $input) { "
            + "deferTo { environmentId deploymentType } } }";

    @Test
    void aDeferralByTypeResolvesWhenReadEvenToAnEnvironmentCreatedAfterIt() {
        String project = Fixtures.project();
        deployment(project, "production", "PRODUCTION", null);
        String ci = deployment(project, "ci", "GENERAL", Map.of("deploymentType", "STAGING"));

        assertError(execute(DEFERRAL, vars("e", ci, "favor", null)), "NOT_FOUND", "deferTo")
                .body("errors[0].message", containsString("'ci' defers to the STAGING environment"))
                .body("errors[0].message", containsString("does not have (yet)"))
                .body("data.environment.deferTo.deploymentType", is("STAGING"));

        String staging = deployment(project, "staging", "STAGING", null);
        execute(DEFERRAL, vars("e", ci, "favor", null)).body("errors", nullValue())
                .body("data.environment.target.deferTo.environment.id", is(staging))
                .body("data.environment.target.deferTo.stateLocation", is("/dbt-state/" + staging))
                .body("data.environment.target.deferTo.flags", contains("--defer", "--state", "/dbt-state/" + staging));
        execute(DEFERRAL, vars("e", ci, "favor", true)).body("errors", nullValue())
                .body("data.environment.target.deferTo.flags", contains("--defer", "--state", "/dbt-state/" + staging, "--favor-state"));

        // deploymentTarget answers the same; an environment without a deferral has none.
        execute("query($p: ID!) { a: deploymentTarget(project: {id: $p}, environment: {name: \"ci\"}) { deferTo { environment { name } } } "
                + "b: deploymentTarget(project: {id: $p}, environment: {deploymentType: STAGING}) { deferTo { environment { name } } } }",
                vars("p", project)).body("errors", nullValue())
                .body("data.a.deferTo.environment.name", is("staging")).body("data.b.deferTo", nullValue());
    }

    @Test
    void aDeferralByIdIsKeptAndCanBeCleared() {
        String project = Fixtures.project();
        String production = deployment(project, "production", "PRODUCTION", null);
        String ci = deployment(project, "ci", "GENERAL", Map.of("environmentId", production));
        execute(DEFERRAL, vars("e", ci, "favor", false)).body("errors", nullValue())
                .body("data.environment.deferTo.environmentId", is(production))
                .body("data.environment.target.deferTo.environment.name", is("production"));

        execute(UPDATE, vars("id", ci, "input", Map.of("name", "ci-renamed"))).body("errors", nullValue())
                .body("data.updateEnvironment.deferTo.environmentId", is(production));
        Map<String, Object> clear = new HashMap<>();
        clear.put("deferTo", null);
        execute(UPDATE, vars("id", ci, "input", clear)).body("errors", nullValue()).body("data.updateEnvironment.deferTo", nullValue());
        execute(DEFERRAL, vars("e", ci, "favor", false)).body("errors", nullValue()).body("data.environment.target.deferTo", nullValue());
    }

    @Test
    void aDeferralToTheEnvironmentItselfAnotherProjectDevelopmentOrACycleIsRefused() {
        String project = Fixtures.project();
        String production = deployment(project, "production", "PRODUCTION", null);
        String staging = deployment(project, "staging", "STAGING", Map.of("environmentId", production));
        String development = execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"dev\", type: DEVELOPMENT}) { id } }",
                vars("p", project)).body("errors", nullValue()).extract().path("data.createEnvironment.id");
        String elsewhere = deployment(Fixtures.project(), "other", "GENERAL", null);

        assertError(execute(UPDATE, vars("id", production, "input", Map.of("deferTo", Map.of("environmentId", production)))),
                "VALIDATION", "deferTo.environmentId").body("errors[0].message", containsString("itself"));
        assertError(execute(UPDATE, vars("id", production, "input", Map.of("deferTo", Map.of("deploymentType", "PRODUCTION")))),
                "VALIDATION", "deferTo.deploymentType").body("errors[0].message", containsString("itself"));
        assertError(execute(UPDATE, vars("id", production, "input", Map.of("deferTo", Map.of("deploymentType", "GENERAL")))),
                "VALIDATION", "deferTo.deploymentType");
        assertError(execute(UPDATE, vars("id", production, "input", Map.of("deferTo", Map.of("environmentId", elsewhere)))),
                "VALIDATION", "deferTo.environmentId").body("errors[0].message", containsString("another project"));
        assertError(execute(UPDATE, vars("id", production, "input", Map.of("deferTo", Map.of("environmentId", "00000000-0000-0000-0000-000000000000")))),
                "NOT_FOUND", "deferTo.environmentId");
        assertError(execute(UPDATE, vars("id", production, "input", Map.of("deferTo", Map.of("environmentId", development)))),
                "VALIDATION", "deferTo.environmentId").body("errors[0].message", containsString("development"));
        // staging defers to production: production deferring to staging, by id or by type, closes a cycle.
        assertError(execute(UPDATE, vars("id", production, "input", Map.of("deferTo", Map.of("deploymentType", "STAGING")))),
                "VALIDATION", "deferTo.deploymentType").body("errors[0].message", containsString("production -> staging -> production"));
        assertError(execute(UPDATE, vars("id", production, "input", Map.of("deferTo", Map.of("environmentId", staging)))),
                "VALIDATION", "deferTo.environmentId");
        execute(DEFERRAL, vars("e", production, "favor", false)).body("errors", nullValue()).body("data.environment.deferTo", nullValue());
        // @oneOf: both ways at once are refused by the schema.
        execute(UPDATE, vars("id", staging, "input", Map.of("deferTo", Map.of("environmentId", production, "deploymentType", "PRODUCTION"))))
                .body("errors[0].extensions.code", is("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void aJobDefersToAnEnvironmentOfItsProjectItsOwnIncluded() {
        String project = Fixtures.project();
        String production = deployment(project, "production", "PRODUCTION", null);
        String development = execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"dev\", type: DEVELOPMENT}) { id } }",
                vars("p", project)).body("errors", nullValue()).extract().path("data.createEnvironment.id");
        String job = execute("mutation($input: CreateJobInput!) { createJob(input: $input) { id deferTo { deploymentType } } }",
                vars("input", Map.of("environmentId", production, "name", "ci", "steps", java.util.List.of("dbt build --select state:modified+"),
                        "deferTo", Map.of("deploymentType", "STAGING"))))
                .body("errors", nullValue()).body("data.createJob.deferTo.deploymentType", is("STAGING")).extract().path("data.createJob.id");
        String read = "query($j: ID!) { job(id: $j) { deferTo { environmentId deploymentType } deferral(favorState: true) { environment { id } flags } } }";
        assertError(execute(read, vars("j", job)), "NOT_FOUND", "deferTo").body("errors[0].message", containsString("Job 'ci' defers to the STAGING environment"));

        String staging = deployment(project, "staging", "STAGING", null);
        execute(read, vars("j", job)).body("errors", nullValue()).body("data.job.deferral.environment.id", is(staging))
                .body("data.job.deferral.flags", contains("--defer", "--state", "/dbt-state/" + staging, "--favor-state"));

        String update = "mutation($j: ID!, $input: UpdateJobInput!) { updateJob(id: $j, input: $input) { deferTo { environmentId } } }";
        execute(update, vars("j", job, "input", Map.of("deferTo", Map.of("environmentId", production)))).body("errors", nullValue())
                .body("data.updateJob.deferTo.environmentId", is(production));
        execute(read, vars("j", job)).body("errors", nullValue()).body("data.job.deferral.environment.id", is(production));
        assertError(execute(update, vars("j", job, "input", Map.of("deferTo", Map.of("environmentId", development)))), "VALIDATION", "deferTo.environmentId");
        String elsewhere = deployment(Fixtures.project(), "other", "GENERAL", null);
        assertError(execute(update, vars("j", job, "input", Map.of("deferTo", Map.of("environmentId", elsewhere)))), "VALIDATION", "deferTo.environmentId");
        Map<String, Object> clear = new HashMap<>();
        clear.put("deferTo", null);
        execute(update, vars("j", job, "input", clear)).body("errors", nullValue()).body("data.updateJob.deferTo", nullValue());
        execute(read, vars("j", job)).body("errors", nullValue()).body("data.job.deferral", nullValue());
    }

    private static String deployment(String project, String name, String deploymentType, Map<String, Object> deferTo) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", project, "name", name, "type", "DEPLOYMENT", "deploymentType", deploymentType));
        if (deferTo != null) {
            input.put("deferTo", deferTo);
        }
        return execute("mutation($input: CreateEnvironmentInput!) { createEnvironment(input: $input) { id } }", vars("input", input))
                .body("errors", nullValue()).extract().path("data.createEnvironment.id");
    }
}
