package dev.envplane.api;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Fixtures;
import dev.envplane.testing.Keys;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.SqlStatements;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The SQL a read costs does not grow with the data: the three reads of the performance issue (and deeper versions
 * of them) run the same number of statements for one project or environment as for many, at most one per level of
 * the document that touches the database. Counted exactly from pg_stat_statements, not timed.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class ReadPathStatementsTest {

    static final String SNOWFLAKE = "connection { ... on SnowflakeConnection { id account database warehouse role } }";
    static final String CREDENTIALS = "credentials { ... on SnowflakeCredentials { authMethod username schema privateKeySet secretVersion } }";

    // Operation 1: an environment with its connection and credentials (3 loading levels); deeper: and its project's
    // environments with theirs (4 more).
    static final String ENVIRONMENT = "query($id: ID!) { environment(id: $id) { id name " + SNOWFLAKE + " " + CREDENTIALS + " } }";
    static final String ENVIRONMENT_DEEPER = "query($id: ID!) { environment(id: $id) { id name " + SNOWFLAKE + " " + CREDENTIALS
            + " project { name environments { name " + SNOWFLAKE + " " + CREDENTIALS + " } } } }";

    // Operation 2: a page of projects with their environments' connections (3 levels); deeper: credentials, each
    // environment's project and that project's production environment (3 more).
    static final String PROJECTS = "query($first: Int, $f: String) { projects(first: $first, nameContains: $f) { edges { node { name "
            + "environments { name " + SNOWFLAKE + " } } } } }";
    static final String PROJECTS_DEEPER = "query($first: Int, $f: String) { projects(first: $first, nameContains: $f) { edges { node { name "
            + "environments { name " + SNOWFLAKE + " " + CREDENTIALS + " project { productionEnvironment { name } } } } } } }";

    // Operation 3: a project's staging environments by project name, with connection, overrides and credentials
    // (4 levels); deeper: the project's production environment with its connection, from each staging one (3 more).
    static final String STAGING = "query($name: String!) { projectByName(name: $name) { staging: environments(deploymentType: STAGING) { "
            + "name customBranch " + SNOWFLAKE + " connectionOverrides { database role warehouse } " + CREDENTIALS + " } } }";
    static final String STAGING_DEEPER = "query($name: String!) { projectByName(name: $name) { staging: environments(deploymentType: STAGING) { "
            + "name customBranch " + SNOWFLAKE + " connectionOverrides { database role warehouse } " + CREDENTIALS
            + " project { productionEnvironment { name " + SNOWFLAKE + " } } } } }";

    private static final int PROJECTS_IN_PAGE = 8;
    private static final int STAGING_IN_WIDE_PROJECT = 6;
    private static Data data;

    @Test
    void anEnvironmentCostsTheSameForAProjectOfOneAsOfManyEnvironments() {
        Data d = data();
        long one = statements(ENVIRONMENT, vars("id", d.soloStaging()), response -> response.body("data.environment.credentials.privateKeySet", is(true)));
        long many = statements(ENVIRONMENT, vars("id", d.pageStaging()), response -> response.body("data.environment.credentials.privateKeySet", is(true)));
        assertConstant(one, many, 3, "environment(id)");

        // the environment comes back among its project's: a project of one would answer its siblings from what the
        // request loaded already, so few (4) against many (7)
        long deeperFew = statements(ENVIRONMENT_DEEPER, vars("id", d.pageStaging()),
                response -> response.body("data.environment.project.environments", hasSize(4)));
        long deeperMany = statements(ENVIRONMENT_DEEPER, vars("id", d.wideStaging()),
                response -> response.body("data.environment.project.environments", hasSize(STAGING_IN_WIDE_PROJECT + 1)));
        assertConstant(deeperFew, deeperMany, 7, "environment(id) with its project's environments");
    }

    @Test
    void aPageOfProjectsCostsTheSameForOneProjectAsForMany() {
        Data d = data();
        long one = statements(PROJECTS, vars("first", 1, "f", d.pagePrefix()), response -> response.body("data.projects.edges", hasSize(1))
                .body("data.projects.edges[0].node.environments", hasSize(4)));
        long many = statements(PROJECTS, vars("first", 50, "f", d.pagePrefix()), response -> response
                .body("data.projects.edges", hasSize(PROJECTS_IN_PAGE))
                .body("data.projects.edges.node.environments.flatten().connection.account", everyItem(equalTo("acme-eu"))));
        assertConstant(one, many, 3, "projects(first) with environments and connections");

        long deeperOne = statements(PROJECTS_DEEPER, vars("first", 1, "f", d.pagePrefix()), response -> response.body("data.projects.edges", hasSize(1)));
        long deeperMany = statements(PROJECTS_DEEPER, vars("first", 50, "f", d.pagePrefix()), response -> response
                .body("data.projects.edges", hasSize(PROJECTS_IN_PAGE))
                .body("data.projects.edges.node.environments.flatten().project.productionEnvironment.name", everyItem(equalTo("Production"))));
        assertConstant(deeperOne, deeperMany, 6, "projects(first) with credentials and each environment's project");
    }

    @Test
    void aPagesConnectionsAreRightThroughFragmentsAndLoadOnlyWhenSelected() {
        Data d = data();
        String direct = "query($first: Int, $f: String) { projects(first: $first, nameContains: $f) { edges { node { "
                + "environments { name " + SNOWFLAKE + " } } } } }";
        String throughFragments = "query($first: Int, $f: String) { projects(first: $first, nameContains: $f) { edges { node { "
                + "environments { ...Where } } } } } fragment Where on Environment { name ... on Environment { " + SNOWFLAKE + " } }";
        String withoutConnection = "query($first: Int, $f: String) { projects(first: $first, nameContains: $f) { edges { node { "
                + "environments { name } } } } }";
        Check everyConnection = response -> response.body("data.projects.edges", hasSize(PROJECTS_IN_PAGE))
                .body("data.projects.edges.node.environments.flatten().connection.account", everyItem(equalTo("acme-eu")));
        // the page, the environments, their connections: loaded with the environments, not by 200 waiting fields
        assertEquals(3, statements(direct, vars("first", 50, "f", d.pagePrefix()), everyConnection));
        assertEquals(3, statements(throughFragments, vars("first", 50, "f", d.pagePrefix()), everyConnection));
        // not selected, not loaded
        assertEquals(2, statements(withoutConnection, vars("first", 50, "f", d.pagePrefix()),
                response -> response.body("data.projects.edges.node.environments.flatten().name", hasSize(PROJECTS_IN_PAGE * 4))));
    }

    @Test
    void aProjectsStagingEnvironmentCostsTheSameInASmallAndAWideProject() {
        Data d = data();
        long one = statements(STAGING, vars("name", d.soloName()), response -> response.body("data.projectByName.staging", hasSize(1))
                .body("data.projectByName.staging[0].connectionOverrides.database", equalTo("ANALYTICS_STAGING")));
        // A project has at most one STAGING environment; the wide one has many others beside it.
        long many = statements(STAGING, vars("name", d.wideName()), response -> response
                .body("data.projectByName.staging", hasSize(1))
                .body("data.projectByName.staging.credentials.privateKeySet", everyItem(is(true))));
        assertConstant(one, many, 4, "projectByName(name) staging environments");

        long deeperOne = statements(STAGING_DEEPER, vars("name", d.soloName()), response -> response.body("data.projectByName.staging", hasSize(1)));
        long deeperMany = statements(STAGING_DEEPER, vars("name", d.wideName()), response -> response
                .body("data.projectByName.staging.project.productionEnvironment.name", everyItem(equalTo("Production"))));
        assertConstant(deeperOne, deeperMany, 7, "projectByName(name) staging environments with the production one");
    }

    @Test
    void deploymentTargetsCostTheSameForOneAliasAsForManyProjects() {
        Data d = data();
        String fields = "{ environment { id } targetName fields { key value secret } secrets { profileKey version } }";
        String one = "query($a: String!) { a: deploymentTarget(project: {name: $a}, environment: {deploymentType: STAGING}) " + fields + " }";
        String many = "query($a: String!, $b: String!) { "
                + "a: deploymentTarget(project: {name: $a}, environment: {deploymentType: STAGING}) " + fields
                + " b: deploymentTarget(project: {name: $a}, environment: {deploymentType: PRODUCTION}) " + fields
                + " c: deploymentTarget(project: {name: $b}, environment: {deploymentType: STAGING}) " + fields
                + " d: deploymentTarget(project: {name: $b}, environment: {name: \"Staging 3\"}) " + fields + " }";
        long single = statements(one, vars("a", d.soloName()), response -> response.body("data.a.environment.id", equalTo(d.soloStaging())));
        long four = statements(many, vars("a", d.pagePrefix() + "-0", "b", d.wideName()), response -> response
                .body("data.a.environment.id", equalTo(d.pageStaging()))
                .body("data.c.environment.id", equalTo(d.wideStaging()))
                .body("data.b.secrets.profileKey", everyItem(equalTo("private_key")))
                .body("data.d.secrets", hasSize(1)));
        // projects by name, their environments, connections, credentials, variables: for every alias at once
        assertConstant(single, four, 5, "deploymentTarget, one alias and four over two projects");
    }

    @Test
    void aliasesWithOtherArgumentsAddOneStatementEachNotOnePerParent() {
        Data d = data();
        String query = "query($first: Int, $f: String) { projects(first: $first, nameContains: $f) { edges { node { "
                + "staging: environments(deploymentType: STAGING) { name } production: environments(deploymentType: PRODUCTION) { name } "
                + "all: environments { name } productionEnvironment { name } } } } }";
        long one = statements(query, vars("first", 1, "f", d.pagePrefix()), response -> response.body("data.projects.edges[0].node.all", hasSize(4)));
        long many = statements(query, vars("first", 50, "f", d.pagePrefix()), response -> response
                .body("data.projects.edges.node.staging.flatten().name", everyItem(equalTo("Staging")))
                .body("data.projects.edges.node.production.flatten()", hasSize(PROJECTS_IN_PAGE)));
        // the page, one statement per distinct filter of environments (3), productionEnvironment
        assertConstant(one, many, 5, "projects(first) with three aliases of environments");
    }

    private static void assertConstant(long one, long many, int levels, String operation) {
        assertEquals(one, many, operation + ": statements for one parent and for many");
        assertTrue(many >= 1 && many <= levels, operation + ": " + many + " statements, expected at most one per loading level (" + levels + ")");
    }

    private interface Check {
        void on(ValidatableResponse response);
    }

    /** Statements run while answering {@code document}, whose answer must pass {@code check}. */
    private static long statements(String document, Map<String, Object> variables, Check check) {
        return SqlStatements.during(() -> check.on(execute(document, variables).body("errors", nullValue())));
    }

    /** What the three reads run on, created once through the API: the shape, at a test's scale. */
    private record Data(String pagePrefix, String soloName, String soloStaging, String pageStaging, String wideName, String wideStaging) {
    }

    private static synchronized Data data() {
        if (data == null) {
            String connection = Fixtures.connection("snowflake");
            String key = Keys.pkcs8Pem();
            String pagePrefix = Fixtures.unique("page");
            String pageStaging = null;
            for (int i = 0; i < PROJECTS_IN_PAGE; i++) {
                String project = project(pagePrefix + "-" + i);
                environment(project, "Development", "DEVELOPMENT", null, connection, null);
                String staging = environment(project, "Staging", "DEPLOYMENT", "STAGING", connection, key);
                environment(project, "Production", "DEPLOYMENT", "PRODUCTION", connection, key);
                environment(project, "General", "DEPLOYMENT", "GENERAL", connection, null);
                pageStaging = pageStaging == null ? staging : pageStaging;
            }
            String soloName = Fixtures.unique("solo");
            String soloStaging = environment(project(soloName), "Staging", "DEPLOYMENT", "STAGING", connection, key);
            String wideName = Fixtures.unique("wide");
            String wide = project(wideName);
            List<String> wideStaging = new ArrayList<>();
            for (int i = 0; i < STAGING_IN_WIDE_PROJECT; i++) {
                wideStaging.add(environment(wide, "Staging " + i, "DEPLOYMENT", i == 0 ? "STAGING" : "GENERAL", connection, key));
            }
            environment(wide, "Production", "DEPLOYMENT", "PRODUCTION", connection, key);
            data = new Data(pagePrefix, soloName, soloStaging, pageStaging, wideName, wideStaging.get(0));
        }
        return data;
    }

    private static String project(String name) {
        return execute("mutation($n: String!) { createProject(input: {name: $n}) { id } }", vars("n", name))
                .body("errors", nullValue()).extract().path("data.createProject.id");
    }

    /** An environment on the connection; staging ones override the database; with a key, key-pair credentials. */
    private static String environment(String project, String name, String type, String deploymentType, String connection, String key) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", project, "name", name, "type", type, "connectionId", connection));
        if (deploymentType != null) {
            input.put("deploymentType", deploymentType);
        }
        if ("STAGING".equals(deploymentType)) {
            input.put("connectionOverrides", Map.of("database", "ANALYTICS_STAGING"));
        }
        String id = execute("mutation($input: CreateEnvironmentInput!) { createEnvironment(input: $input) { id } }", vars("input", input))
                .body("errors", nullValue()).extract().path("data.createEnvironment.id");
        if (key != null) {
            execute("mutation($e: ID!, $input: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, input: $input) { adapterType } }",
                    vars("e", id, "input", Map.of("snowflake", Map.of("authMethod", "KEY_PAIR", "username", "DBT_" + name.toUpperCase().replace(' ', '_'),
                            "privateKey", key, "schema", "DBT"))))
                    .body("errors", nullValue());
        }
        return id;
    }
}
