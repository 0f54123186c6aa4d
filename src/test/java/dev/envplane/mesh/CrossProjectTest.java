package dev.envplane.mesh;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** dbt Mesh: project upstreams without cycles, and which upstream environment each kind of environment reads. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class CrossProjectTest {

    static final String SET = "mutation($p: ID!, $u: [UpstreamInput!]!) { setUpstreamProjects(projectId: $p, upstreams: $u) { "
            + "project { id } stagingMayReadProduction generalReads } }";
    static final String UPSTREAM = "query($e: ID!) { environment(id: $e) { target { upstream { project { name } dbtProjectName "
            + "environment { id name } database schema } } } }";
    static final String PASSWORD = Fixtures.unique("mesh-password");

    @Test
    void aChainReadsProductionFromProductionAndStagingFromStagingNeverSilentlyProduction() {
        Chain chain = chain(true);
        // A <- B <- C: C's production reads B's production; B's production reads A's production.
        execute(UPSTREAM, vars("e", chain.c.get("PRODUCTION"))).body("errors", nullValue())
                .body("data.environment.target.upstream.project.name", contains(chain.names.get("B")))
                .body("data.environment.target.upstream.environment.id", contains(chain.b.get("PRODUCTION")));
        String answer = execute(UPSTREAM, vars("e", chain.b.get("PRODUCTION"))).body("errors", nullValue())
                .body("data.environment.target.upstream.environment.id", contains(chain.a.get("PRODUCTION")))
                .body("data.environment.target.upstream.dbtProjectName", contains(chain.names.get("A").toLowerCase().replaceAll("[^a-z0-9_]", "_")))
                .body("data.environment.target.upstream.database", contains("analytics"))
                .body("data.environment.target.upstream.schema", contains("a_production")).extract().asString();
        assertFalse(answer.contains(PASSWORD), "an upstream entry names where models are, never a credential");
        execute(UPSTREAM, vars("e", chain.b.get("STAGING"))).body("errors", nullValue())
                .body("data.environment.target.upstream.environment.id", contains(chain.a.get("STAGING")))
                .body("data.environment.target.upstream.schema", contains("a_staging"));
        // DEVELOPMENT reads STAGING where there is one; GENERAL what the edge says (PRODUCTION by default).
        execute(UPSTREAM, vars("e", chain.b.get("DEVELOPMENT"))).body("errors", nullValue())
                .body("data.environment.target.upstream.environment.id", contains(chain.a.get("STAGING")));
        execute(UPSTREAM, vars("e", chain.b.get("GENERAL"))).body("errors", nullValue())
                .body("data.environment.target.upstream.environment.id", contains(chain.a.get("PRODUCTION")));
        execute(SET, vars("p", chain.projects.get("B"), "u", List.of(Map.of("projectId", chain.projects.get("A"), "generalReads", "STAGING"))))
                .body("errors", nullValue()).body("data.setUpstreamProjects.generalReads", contains("STAGING"));
        execute(UPSTREAM, vars("e", chain.b.get("GENERAL"))).body("errors", nullValue())
                .body("data.environment.target.upstream.environment.id", contains(chain.a.get("STAGING")));
        // A has no upstream.
        execute(UPSTREAM, vars("e", chain.a.get("PRODUCTION"))).body("errors", nullValue()).body("data.environment.target.upstream", empty());
        execute("query($p: ID!) { project(id: $p) { upstreams { project { id } stagingMayReadProduction } } }", vars("p", chain.projects.get("C")))
                .body("errors", nullValue()).body("data.project.upstreams.project.id", contains(chain.projects.get("B")))
                .body("data.project.upstreams.stagingMayReadProduction", contains(false));
    }

    @Test
    void withoutStagingUpstreamAStagingEnvironmentFailsNamingItUnlessTheEdgeAllowsProduction() {
        Chain chain = chain(false);
        assertError(execute(UPSTREAM, vars("e", chain.b.get("STAGING"))), "NOT_FOUND", "upstream")
                .body("errors[0].message", containsString("'" + chain.names.get("A") + "''s STAGING environment"));
        // DEVELOPMENT falls back to production when the upstream has no staging.
        execute(UPSTREAM, vars("e", chain.b.get("DEVELOPMENT"))).body("errors", nullValue())
                .body("data.environment.target.upstream.environment.id", contains(chain.a.get("PRODUCTION")));
        execute(SET, vars("p", chain.projects.get("B"), "u", List.of(Map.of("projectId", chain.projects.get("A"), "stagingMayReadProduction", true))))
                .body("errors", nullValue());
        execute(UPSTREAM, vars("e", chain.b.get("STAGING"))).body("errors", nullValue())
                .body("data.environment.target.upstream.environment.id", contains(chain.a.get("PRODUCTION")));
    }

    @Test
    void aCycleItselfAnUnknownProjectOrATwiceListedUpstreamIsRefused() {
        Chain chain = chain(false);
        assertError(execute(SET, vars("p", chain.projects.get("A"), "u", List.of(Map.of("projectId", chain.projects.get("C"))))),
                "VALIDATION", "upstreams[0].projectId").body("errors[0].message", containsString("cycle"));
        assertError(execute(SET, vars("p", chain.projects.get("A"), "u", List.of(Map.of("projectId", chain.projects.get("B"))))),
                "VALIDATION", "upstreams[0].projectId");
        assertError(execute(SET, vars("p", chain.projects.get("A"), "u", List.of(Map.of("projectId", chain.projects.get("A"))))),
                "VALIDATION", "upstreams[0].projectId");
        assertError(execute(SET, vars("p", chain.projects.get("C"), "u", List.of(Map.of("projectId", chain.projects.get("A")),
                Map.of("projectId", "00000000-0000-0000-0000-000000000000")))), "NOT_FOUND", "upstreams[1].projectId");
        assertError(execute(SET, vars("p", chain.projects.get("C"), "u", List.of(Map.of("projectId", chain.projects.get("A")),
                Map.of("projectId", chain.projects.get("A"))))), "VALIDATION", "upstreams[1].projectId");
        execute("query($p: ID!) { project(id: $p) { upstreams { project { id } } } }", vars("p", chain.projects.get("A")))
                .body("errors", nullValue()).body("data.project.upstreams", empty());
        // Deleting a project takes its edges with it.
        execute("mutation($p: ID!) { deleteProject(id: $p, force: true) { dryRun } }", vars("p", chain.projects.get("B"))).body("errors", nullValue());
        execute("query($p: ID!) { project(id: $p) { upstreams { project { id } } } }", vars("p", chain.projects.get("C")))
                .body("errors", nullValue()).body("data.project.upstreams", empty());
    }

    record Chain(Map<String, String> projects, Map<String, String> names, Map<String, String> a, Map<String, String> b, Map<String, String> c) {
    }

    /** A <- B <- C, each with PRODUCTION (and STAGING when asked) on a postgres connection; B also GENERAL and DEVELOPMENT. */
    private static Chain chain(boolean staging) {
        Map<String, String> projects = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (String letter : List.of("A", "B", "C")) {
            names.put(letter, Fixtures.unique("Mesh " + letter));
            projects.put(letter, Fixtures.project(names.get(letter)));
        }
        String connection = Fixtures.connection("postgres");
        Map<String, String> a = environments(projects.get("A"), connection, "a", staging, false);
        Map<String, String> b = environments(projects.get("B"), connection, "b", staging, true);
        Map<String, String> c = environments(projects.get("C"), connection, "c", staging, false);
        execute(SET, vars("p", projects.get("B"), "u", List.of(Map.of("projectId", projects.get("A"))))).body("errors", nullValue())
                .body("data.setUpstreamProjects.project.id", contains(projects.get("A")))
                .body("data.setUpstreamProjects.generalReads", contains("PRODUCTION"));
        execute(SET, vars("p", projects.get("C"), "u", List.of(Map.of("projectId", projects.get("B"))))).body("errors", nullValue());
        return new Chain(projects, names, a, b, c);
    }

    private static Map<String, String> environments(String project, String connection, String prefix, boolean staging, boolean more) {
        Map<String, String> ids = new HashMap<>();
        List<String> places = staging ? List.of("PRODUCTION", "STAGING") : List.of("PRODUCTION");
        for (String place : places) {
            ids.put(place, create(project, Map.of("name", place.toLowerCase(), "type", "DEPLOYMENT", "deploymentType", place,
                    "connectionId", connection), prefix + "_" + place.toLowerCase()));
        }
        if (more) {
            ids.put("GENERAL", create(project, Map.of("name", "ci", "type", "DEPLOYMENT", "deploymentType", "GENERAL"), null));
            ids.put("DEVELOPMENT", create(project, Map.of("name", "dev", "type", "DEVELOPMENT"), null));
            if (!staging) {
                ids.put("STAGING", create(project, Map.of("name", "staging", "type", "DEPLOYMENT", "deploymentType", "STAGING"), null));
            }
        }
        return ids;
    }

    private static String create(String project, Map<String, Object> fields, String schema) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("projectId", project);
        String id = execute("mutation($input: CreateEnvironmentInput!) { createEnvironment(input: $input) { id } }", vars("input", input))
                .body("errors", nullValue()).extract().path("data.createEnvironment.id");
        if (schema != null) {
            execute("mutation($e: ID!, $input: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, input: $input) { adapterType } }",
                    vars("e", id, "input", Map.of("postgres", Map.of("username", "dbt", "password", PASSWORD, "schema", schema))))
                    .body("errors", nullValue());
        }
        return id;
    }
}
