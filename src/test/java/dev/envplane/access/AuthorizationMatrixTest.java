package dev.envplane.access;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.envplane.testing.Database;
import dev.envplane.testing.Errors;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.GraphQL;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Tokens;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Role by operation by environment type over HTTP: each cell is allowed, or FORBIDDEN naming the permission with
 * nothing written (README "Roles").
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest {

    enum Kind { DEVELOPMENT, STAGING, GENERAL, PRODUCTION }

    record Project(String id, Map<Kind, String> environments) {
    }

    private static Project project;

    /** One project with an environment of every kind, created by an admin. */
    private static synchronized Project project() {
        if (project == null) {
            String id = Fixtures.project();
            String connection = Fixtures.connection("postgres");
            Map<Kind, String> environments = new java.util.EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                String type = kind == Kind.DEVELOPMENT ? "type: DEVELOPMENT" : "type: DEPLOYMENT, deploymentType: " + kind;
                environments.put(kind, execute("mutation($p: ID!, $c: ID!, $n: String!) { createEnvironment(input: {projectId: $p, name: $n, "
                        + type + ", connectionId: $c}) { id } }", vars("p", id, "c", connection, "n", kind.name().toLowerCase()))
                        .body("errors", nullValue()).extract().path("data.createEnvironment.id"));
            }
            project = new Project(id, environments);
        }
        return project;
    }

    private static String token(String role) {
        return role.equals("integration") ? Tokens.integration("00000000-0000-0000-0000-000000000000") : Tokens.role(role);
    }

    static Stream<Arguments> roleByKind() {
        List<Arguments> cells = new ArrayList<>();
        for (String role : List.of("admin", "developer", "viewer", "integration")) {
            for (Kind kind : Kind.values()) {
                cells.add(Arguments.of(role, kind));
            }
        }
        return cells.stream();
    }

    private static void assertForbidden(ValidatableResponse response, String permission) {
        Errors.assertError(response, "FORBIDDEN", null).body("errors[0].message", equalTo("Missing permission " + permission));
    }

    @ParameterizedTest(name = "{0} updates a {1} environment")
    @MethodSource("roleByKind")
    void updateEnvironment(String role, Kind kind) {
        String id = project().environments().get(kind);
        String before = name(id);
        String renamed = Fixtures.unique("renamed");
        ValidatableResponse response = GraphQL.as(token(role))
                .execute("mutation($id: ID!, $n: String!) { updateEnvironment(id: $id, input: {name: $n}) { name } }", vars("id", id, "n", renamed));
        boolean allowed = role.equals("admin") || role.equals("developer") && kind != Kind.PRODUCTION;
        if (allowed) {
            response.body("errors", nullValue()).body("data.updateEnvironment.name", equalTo(renamed));
        } else {
            assertForbidden(response, Permissions.UPDATE_ENVIRONMENT);
            assertEquals(before, name(id), "a denied update changed nothing");
        }
    }

    record Credentialed(String environmentId, String vaultPath) {
    }

    /** A new project with one environment of {@code kind} whose credentials an admin set. */
    private static Credentialed environmentWithCredentials(Kind kind, String password) {
        String projectId = Fixtures.project();
        String type = kind == Kind.DEVELOPMENT ? "type: DEVELOPMENT" : "type: DEPLOYMENT, deploymentType: " + kind;
        String id = execute("mutation($p: ID!, $c: ID!) { createEnvironment(input: {projectId: $p, name: \"e\", " + type + ", connectionId: $c}) { id } }",
                vars("p", projectId, "c", Fixtures.connection("postgres"))).body("errors", nullValue()).extract().path("data.createEnvironment.id");
        execute(SET_CREDENTIALS, vars("e", id, "pw", password)).body("errors", nullValue());
        return new Credentialed(id, Vault.credentialsPath(projectId, id));
    }

    private static final String SET_CREDENTIALS = "mutation($e: ID!, $pw: String!) { setEnvironmentCredentials(environmentId: $e, "
            + "input: {postgres: {username: \"dbt\", password: $pw, schema: \"analytics\"}}) { secretVersion } }";

    @ParameterizedTest(name = "{0} sets the credentials of a {1} environment")
    @MethodSource("roleByKind")
    void setCredentials(String role, Kind kind) {
        String before = Fixtures.unique("pw-before");
        String after = Fixtures.unique("pw-after");
        Credentialed environment = environmentWithCredentials(kind, before);
        String id = environment.environmentId();
        String path = environment.vaultPath();
        ValidatableResponse response = GraphQL.as(token(role)).execute(SET_CREDENTIALS, vars("e", id, "pw", after));
        boolean allowed = role.equals("admin") || role.equals("developer") && kind != Kind.PRODUCTION;
        if (allowed) {
            response.body("errors", nullValue()).body("data.setEnvironmentCredentials.secretVersion", equalTo(2));
            assertEquals(after, Vault.latest(path).getString("data.data.password"));
        } else {
            assertForbidden(response, Permissions.WRITE_CREDENTIALS);
            // nothing written, in the database or in Vault: the old version stays the only one, the new value nowhere
            assertEquals(1, Database.count("select count(*) from environment_credentials where environment_id = ?::uuid and secret_version = 1", id));
            assertEquals(1, Vault.get("secret/metadata/" + path).jsonPath().getInt("data.current_version"), "no new Vault version");
            assertEquals(before, Vault.latest(path).getString("data.data.password"));
            assertFalse(response.extract().asString().contains(after), "a refusal echoes no secret");
            assertFalse(Database.everyValue().stream().anyMatch(value -> value.contains(after)), "the refused secret is in no row");
        }
    }

    @ParameterizedTest(name = "{0} deletes the credentials of a {1} environment")
    @MethodSource("roleByKind")
    void deleteCredentials(String role, Kind kind) {
        Credentialed environment = environmentWithCredentials(kind, Fixtures.unique("pw"));
        String id = environment.environmentId();
        String path = environment.vaultPath();
        ValidatableResponse response = GraphQL.as(token(role)).execute("mutation($id: ID!) { deleteEnvironmentCredentials(environmentId: $id) { adapterType } }",
                vars("id", id));
        boolean allowed = role.equals("admin") || role.equals("developer") && kind != Kind.PRODUCTION;
        long rows = Database.count("select count(*) from environment_credentials where environment_id = ?::uuid", id);
        if (allowed) {
            response.body("errors", nullValue()).body("data.deleteEnvironmentCredentials.adapterType", equalTo("POSTGRES"));
            assertEquals(0, rows);
        } else {
            assertForbidden(response, Permissions.WRITE_CREDENTIALS);
            assertEquals(1, rows, "a denied deletion kept the credentials");
            assertEquals(200, Vault.metadataStatus(path), "and their secret in Vault");
        }
    }

    static Stream<Arguments> roleByDeploymentKind() {
        return roleByKind().filter(cell -> cell.get()[1] != Kind.DEVELOPMENT);
    }

    @ParameterizedTest(name = "{0} sets a variable value of a job in a {1} environment")
    @MethodSource("roleByDeploymentKind")
    void setJobVariableValue(String role, Kind kind) {
        jobVariable();
        String job = execute("mutation($e: ID!) { createJob(input: {environmentId: $e, name: \"j\", steps: [\"dbt build\"]}) { id } }",
                vars("e", project().environments().get(kind))).body("errors", nullValue()).extract().path("data.createJob.id");
        ValidatableResponse response = GraphQL.as(token(role)).execute("mutation($p: ID!, $j: ID!) { setEnvironmentVariableValues(projectId: $p, "
                + "values: [{name: \"DBT_JOB_SETTING\", jobId: $j, value: \"v\"}]) { name } }", vars("p", project().id(), "j", job));
        boolean allowed = role.equals("admin") || role.equals("developer") && kind != Kind.PRODUCTION;
        if (allowed) {
            response.body("errors", nullValue());
        } else {
            assertForbidden(response, Permissions.WRITE_VARIABLE_VALUES);
        }
        assertEquals(allowed ? 1 : 0, Database.count("select count(*) from environment_variable_value where job_id = ?::uuid", job));
    }

    private static boolean jobVariableCreated;

    /** The variable the job cells set, created once by an admin. */
    private static synchronized void jobVariable() {
        if (!jobVariableCreated) {
            execute("mutation($p: ID!) { createEnvironmentVariable(input: {projectId: $p, name: \"DBT_JOB_SETTING\"}) { id } }",
                    vars("p", project().id())).body("errors", nullValue());
            jobVariableCreated = true;
        }
    }

    @ParameterizedTest(name = "{0} reads a {1} environment")
    @MethodSource("roleByKind")
    void readEnvironment(String role, Kind kind) {
        ValidatableResponse response = GraphQL.as(token(role)).execute("query($id: ID!) { environment(id: $id) { name project { id } } }",
                vars("id", project().environments().get(kind)));
        if (role.equals("integration")) {
            assertForbidden(response, Permissions.READ);
        } else {
            response.body("errors", nullValue()).body("data.environment.project.id", equalTo(project().id()));
        }
    }

    @ParameterizedTest(name = "{0} reads the target of a {1} environment")
    @MethodSource("roleByKind")
    void deploymentTarget(String role, Kind kind) {
        String environment = project().environments().get(kind);
        String document = "query($p: ID!, $e: ID!) { deploymentTarget(project: {id: $p}, environment: {id: $e}) { __typename } }";
        Map<String, Object> variables = vars("p", project().id(), "e", environment);
        if (role.equals("integration")) {
            assertForbidden(GraphQL.as(token(role)).execute(document, variables), Permissions.READ_TARGET);
            GraphQL.as(Tokens.integration(environment)).execute(document, variables).body("errors", nullValue());
            String other = project().environments().get(kind == Kind.PRODUCTION ? Kind.STAGING : Kind.PRODUCTION);
            assertForbidden(GraphQL.as(Tokens.integration(other)).execute(document, variables), Permissions.READ_TARGET);
            if (kind != Kind.DEVELOPMENT) {
                GraphQL.as(Tokens.integration(project().id() + "/" + kind)).execute(document, variables).body("errors", nullValue());
            }
        } else {
            GraphQL.as(token(role)).execute(document, variables).body("errors", nullValue());
        }
    }

    @ParameterizedTest(name = "{0} asks for the secrets of a {1} environment")
    @MethodSource("roleByKind")
    void deliverSecrets(String role, Kind kind) {
        String environment = project().environments().get(kind);
        String document = "mutation($e: ID!) { deliverSecrets(environmentId: $e) { environmentId } }";
        Map<String, Object> variables = vars("e", environment);
        if (role.equals("admin")) {
            GraphQL.as(token(role)).execute(document, variables).body("errors", nullValue());
        } else if (role.equals("integration")) {
            assertForbidden(GraphQL.as(token(role)).execute(document, variables), Permissions.DELIVER_SECRETS);
            GraphQL.as(Tokens.integration(environment)).execute(document, variables).body("errors", nullValue());
        } else {
            assertForbidden(GraphQL.as(token(role)).execute(document, variables), Permissions.DELIVER_SECRETS);
        }
    }

    @ParameterizedTest(name = "{0} creates a {1} environment")
    @MethodSource("roleByKind")
    void createEnvironment(String role, Kind kind) {
        String projectId = Fixtures.project();
        String type = kind == Kind.DEVELOPMENT ? "type: DEVELOPMENT" : "type: DEPLOYMENT, deploymentType: " + kind;
        ValidatableResponse response = GraphQL.as(token(role)).execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"e\", "
                + type + "}) { id } }", vars("p", projectId));
        boolean allowed = role.equals("admin") || role.equals("developer") && kind != Kind.PRODUCTION;
        if (allowed) {
            response.body("errors", nullValue());
        } else {
            assertForbidden(response, Permissions.CREATE_ENVIRONMENT);
            assertEquals(0, Database.count("select count(*) from environment where project_id = ?::uuid", projectId));
        }
    }

    @ParameterizedTest(name = "{0} promotes, deletes the project, creates a connection")
    @MethodSource("roles")
    void adminOnlyOperations(String role) {
        String projectId = Fixtures.project();
        String staging = execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"s\", type: DEPLOYMENT, deploymentType: STAGING}) { id } }",
                vars("p", projectId)).body("errors", nullValue()).extract().path("data.createEnvironment.id");
        ValidatableResponse promote = GraphQL.as(token(role)).execute("mutation($id: ID!) { promoteToProduction(environmentId: $id) { deploymentType } }", vars("id", staging));
        ValidatableResponse connection = GraphQL.as(token(role)).execute("mutation($n: String!) { createConnection(name: $n, input: {postgres: "
                + "{host: \"db.example.com\", dbname: \"x\"}}) { id } }", vars("n", Fixtures.unique("conn")));
        ValidatableResponse delete = GraphQL.as(token(role)).execute("mutation($id: ID!) { deleteProject(id: $id, force: true) { projects { id } } }", vars("id", projectId));
        if (role.equals("admin")) {
            promote.body("errors", nullValue());
            connection.body("errors", nullValue());
            delete.body("errors", nullValue());
        } else {
            assertForbidden(promote, Permissions.ADMIN);
            assertForbidden(connection, Permissions.ADMIN);
            assertForbidden(delete, Permissions.ADMIN);
            assertEquals(1, Database.count("select count(*) from environment where id = ?::uuid and deployment_type = 'STAGING'", staging));
            assertEquals(1, Database.count("select count(*) from project where id = ?::uuid", projectId));
        }
    }

    @ParameterizedTest(name = "{0} reads the audit log")
    @MethodSource("roles")
    void auditLog(String role) {
        ValidatableResponse response = GraphQL.as(token(role)).execute("{ auditEvents(first: 1) { pageInfo { hasNextPage } } }");
        if (role.equals("admin")) {
            response.body("errors", nullValue());
        } else {
            assertForbidden(response, Permissions.READ_AUDIT);
        }
    }

    static Stream<String> roles() {
        return Stream.of("admin", "developer", "viewer", "integration");
    }

    private static String name(String environmentId) {
        return execute("query($id: ID!) { environment(id: $id) { name } }", vars("id", environmentId))
                .body("errors", nullValue()).extract().path("data.environment.name");
    }
}
