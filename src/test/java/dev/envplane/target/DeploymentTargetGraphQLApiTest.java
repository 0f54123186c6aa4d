package dev.envplane.target;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.Fixtures.unique;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.envplane.testing.Database;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.Keys;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The resolved target integrations come for: one request by project name and deployment type, nothing secret in it. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class DeploymentTargetGraphQLApiTest {

    static final String TARGET = """
            query($p: ProjectRef!, $e: EnvironmentRef!) { deploymentTarget(project: $p, environment: $e) {
              environment { id name } profileName targetName adapterType threads dbtVersion
              git { repositoryUrl ref subdirectory }
              fields { key value secret source }
              secrets { profileKey environmentVariable delivery mount path key version }
              environmentVariables { name value secret source }
              requiredEnvironmentVariables missing profilesYml fingerprint } }""";
    static final String SET = "mutation($e: ID!, $input: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, input: $input) "
            + "{ secretVersion } }";

    /** A project with a staging environment on a long-lived branch, a connection of {@code block} and credentials. */
    record Staging(String projectName, String projectId, String environmentId, String connectionId) {
    }

    static Staging staging(String block, Map<String, Object> connection, Map<String, Object> credentials) {
        String name = unique("analytics");
        String project = execute("mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }", vars("input", Map.of(
                "name", name, "repositoryUrl", "git@github.com:acme/analytics.git", "dbtProjectSubdirectory", "transform")))
                .body("errors", nullValue()).extract().path("data.createProject.id");
        Map<String, Object> input = new HashMap<>(Map.of("name", unique(block)));
        input.put(block, connection);
        String connectionId = Fixtures.createConnection("id", input).body("errors", nullValue()).extract().path("data.createConnection.id");
        String environment = execute("mutation($input: CreateEnvironmentInput!) { createEnvironment(input: $input) { id } }", vars("input",
                Map.of("projectId", project, "name", "Staging", "type", "DEPLOYMENT", "deploymentType", "STAGING", "useCustomBranch", true,
                        "customBranch", "staging", "targetName", "staging", "connectionId", connectionId, "dbtVersion", "latest-fusion")))
                .body("errors", nullValue()).extract().path("data.createEnvironment.id");
        if (credentials != null) {
            execute(SET, vars("e", environment, "input", Map.of(block, credentials))).body("errors", nullValue());
        }
        return new Staging(name, project, environment, connectionId);
    }

    static JsonPath target(String projectName, String deploymentType) {
        return execute(TARGET, vars("p", Map.of("name", projectName), "e", Map.of("deploymentType", deploymentType)))
                .body("errors", nullValue()).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> output(JsonPath target) {
        Map<String, Object> profiles = new Yaml().load(target.getString("data.deploymentTarget.profilesYml"));
        Map<String, Object> profile = (Map<String, Object>) profiles.get(target.getString("data.deploymentTarget.profileName"));
        assertEquals(target.getString("data.deploymentTarget.targetName"), profile.get("target"));
        return (Map<String, Object>) ((Map<String, Object>) profile.get("outputs")).get(profile.get("target"));
    }

    @Test
    void everyAdapterGetsTheProfileKeysDbtDocumentsAndNoSecretValue() {
        String password = unique("canary-password");
        String token = unique("canary-token");
        String key = Keys.pkcs8Pem();
        String serviceAccountKey = "{\"type\":\"service_account\",\"client_email\":\"dbt@acme.iam.gserviceaccount.com\",\"private_key\":\""
                + unique("canary-sa") + "\"}";
        record Case(String block, Map<String, Object> connection, Map<String, Object> credentials, Set<String> keys, Map<String, String> secrets) {
        }
        for (Case c : List.of(
                new Case("postgres", Map.of("host", "db.example.com", "dbname", "analytics", "sslMode", "VERIFY_FULL"),
                        Map.of("username", "dbt", "password", password, "schema", "dbt_staging"),
                        Set.of("type", "host", "port", "user", "password", "dbname", "schema", "threads", "sslmode"),
                        Map.of("password", "DBT_ENV_SECRET_PASSWORD")),
                new Case("redshift", Map.of("host", "cluster.example.com", "dbname", "analytics"),
                        Map.of("username", "dbt", "password", password, "schema", "dbt_staging"),
                        Set.of("type", "host", "port", "user", "password", "dbname", "schema", "threads", "sslmode"),
                        Map.of("password", "DBT_ENV_SECRET_PASSWORD")),
                new Case("snowflake", Map.of("account", "acme-eu", "database", "ANALYTICS", "warehouse", "TRANSFORMING", "role", "DBT"),
                        Map.of("authMethod", "KEY_PAIR", "username", "DBT", "schema", "STAGING", "privateKey", key),
                        Set.of("type", "account", "user", "role", "database", "warehouse", "schema", "threads", "private_key",
                                "client_session_keep_alive"),
                        Map.of("private_key", "DBT_ENV_SECRET_PRIVATE_KEY")),
                new Case("bigquery", Map.of("gcpProjectId", "acme-analytics", "location", "EU", "serviceAccountKeyJson", serviceAccountKey),
                        Map.of("dataset", "dbt_staging"),
                        Set.of("type", "method", "project", "dataset", "location", "keyfile", "threads"),
                        Map.of("keyfile", "DBT_ENV_SECRET_SERVICE_ACCOUNT_KEY_JSON_PATH")),
                new Case("databricks", Map.of("host", "acme.cloud.databricks.com", "httpPath", "/sql/1.0/warehouses/abc", "catalog", "main"),
                        Map.of("token", token, "schema", "dbt_staging"),
                        Set.of("type", "host", "http_path", "catalog", "schema", "token", "threads"),
                        Map.of("token", "DBT_ENV_SECRET_TOKEN")),
                new Case("spark", Map.of("host", "spark.example.com", "cluster", "main", "method", "HTTP"),
                        Map.of("token", token, "schema", "dbt_staging"),
                        Set.of("type", "method", "host", "port", "cluster", "token", "schema", "threads"),
                        Map.of("token", "DBT_ENV_SECRET_TOKEN")))) {
            Staging staging = staging(c.block(), c.connection(), c.credentials());
            JsonPath target = target(staging.projectName(), "STAGING");
            String answer = target.prettify();
            for (String canary : List.of(password, token, Keys.body(key), "canary-sa")) {
                assertFalse(answer.contains(canary), c.block() + ": the target holds a secret value");
            }
            Map<String, Object> output = output(target);
            assertEquals(c.keys(), output.keySet(), c.block() + " profile keys");
            assertEquals(c.block(), output.get("type"));
            assertEquals(c.secrets().size(), target.getList("data.deploymentTarget.secrets").size(), c.block());
            c.secrets().forEach((profileKey, variable) -> {
                assertEquals("{{ env_var('" + variable + "') }}", output.get(profileKey), c.block() + " " + profileKey);
                assertTrue(target.getList("data.deploymentTarget.requiredEnvironmentVariables").contains(variable), c.block());
                // The location named is where the secret really is.
                Map<String, Object> location = target.getMap("data.deploymentTarget.secrets[0]");
                assertEquals("secret", location.get("mount"));
                String value = Vault.version((String) location.get("path"), (Integer) location.get("version"))
                        .getString("data.data." + location.get("key"));
                assertTrue(value != null && !value.isEmpty(), c.block() + ": Vault holds the secret where the target says");
            });
            assertEquals("staging", target.getString("data.deploymentTarget.git.ref"));
            assertEquals("transform", target.getString("data.deploymentTarget.git.subdirectory"));
            assertEquals("latest-fusion", target.getString("data.deploymentTarget.dbtVersion"));
            assertEquals(c.block().toUpperCase(), target.getString("data.deploymentTarget.adapterType"));
            assertEquals(List.of(), target.getList("data.deploymentTarget.missing"));
        }
        assertFalse(Database.everyValue().stream().anyMatch(value -> value.contains(password) || value.contains(token)),
                "a database value holds a secret");
    }

    @Test
    void valuesTellWhereTheyComeFromAndOverridesWin() {
        Staging staging = staging("snowflake", Map.of("account", "acme-eu", "database", "ANALYTICS", "warehouse", "TRANSFORMING", "role", "DBT"),
                Map.of("username", "DBT", "schema", "STAGING", "password", unique("canary")));
        execute("mutation($id: ID!) { updateEnvironment(id: $id, input: {connectionOverrides: {warehouse: \"STAGING_WH\"}}) { id } }",
                vars("id", staging.environmentId())).body("errors", nullValue());
        JsonPath target = target(staging.projectName(), "STAGING");
        List<Map<String, Object>> fields = target.getList("data.deploymentTarget.fields");
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        fields.forEach(field -> byKey.put((String) field.get("key"), field));
        assertEquals("STAGING_WH", byKey.get("warehouse").get("value"));
        assertEquals("OVERRIDE", byKey.get("warehouse").get("source"));
        assertEquals("DBT", byKey.get("role").get("value"));
        assertEquals("CONNECTION", byKey.get("role").get("source"));
        assertEquals("CREDENTIALS", byKey.get("user").get("source"));
        assertEquals("DEFAULT", byKey.get("type").get("source"));
        assertEquals(true, byKey.get("password").get("secret"));
        Map<String, String> builtIns = new HashMap<>();
        target.<Map<String, Object>> getList("data.deploymentTarget.environmentVariables")
                .forEach(variable -> builtIns.put((String) variable.get("name"), (String) variable.get("value")));
        assertEquals("staging", builtIns.get("DBT_CLOUD_ENVIRONMENT_TYPE"));
        assertEquals("Staging", builtIns.get("DBT_CLOUD_ENVIRONMENT_NAME"));
    }

    @Test
    void theFingerprintChangesWithTheSecretVersionAndNothingElseChangesIt() {
        Staging staging = staging("postgres", Map.of("host", "db.example.com", "dbname", "analytics"),
                Map.of("username", "dbt", "password", unique("canary"), "schema", "s"));
        String first = target(staging.projectName(), "STAGING").getString("data.deploymentTarget.fingerprint");
        assertEquals(first, target(staging.projectName(), "STAGING").getString("data.deploymentTarget.fingerprint"));
        execute(SET, vars("e", staging.environmentId(), "input", Map.of("postgres", Map.of("password", unique("rotated")))))
                .body("errors", nullValue());
        assertNotEquals(first, target(staging.projectName(), "STAGING").getString("data.deploymentTarget.fingerprint"));
    }

    @Test
    void aMissingEnvironmentIsNotFoundNamingWhatTheProjectHas() {
        Staging staging = staging("postgres", Map.of("host", "db.example.com", "dbname", "analytics"), null);
        assertError(execute(TARGET, vars("p", Map.of("name", staging.projectName()), "e", Map.of("deploymentType", "PRODUCTION"))),
                "NOT_FOUND", "environment").body("errors[0].message", containsString("it has: STAGING"));
        assertError(execute(TARGET, vars("p", Map.of("name", unique("nobody")), "e", Map.of("deploymentType", "STAGING"))),
                "NOT_FOUND", "project");
        // Without credentials the target says what is missing.
        JsonPath target = target(staging.projectName(), "STAGING");
        assertEquals(List.of("credentials"), target.getList("data.deploymentTarget.missing"));
        execute(TARGET, vars("p", Map.of("id", staging.projectId()), "e", Map.of("name", "Staging"))).body("errors", nullValue())
                .body("data.deploymentTarget.environment.id", equalTo(staging.environmentId()));
    }

    @Test
    void aliasesAreAnsweredEachOnItsOwnThoughTheyLoadTogether() {
        Staging staging = staging("postgres", Map.of("host", "db.example.com", "dbname", "analytics"), null);
        String missing = unique("nobody");
        execute("""
                query($p: String!, $nobody: String!) {
                  staging: deploymentTarget(project: {name: $p}, environment: {deploymentType: STAGING}) { environment { id } }
                  production: deploymentTarget(project: {name: $p}, environment: {deploymentType: PRODUCTION}) { environment { id } }
                  elsewhere: deploymentTarget(project: {name: $nobody}, environment: {deploymentType: STAGING}) { environment { id } }
                  badId: deploymentTarget(project: {id: "not-a-uuid"}, environment: {deploymentType: STAGING}) { environment { id } }
                }""", vars("p", staging.projectName(), "nobody", missing))
                .body("data.staging.environment.id", equalTo(staging.environmentId()))
                .body("data.production", nullValue()).body("data.elsewhere", nullValue()).body("data.badId", nullValue())
                .body("errors.find { it.path == ['production'] }.extensions.code", equalTo("NOT_FOUND"))
                .body("errors.find { it.path == ['production'] }.message", containsString("it has: STAGING"))
                .body("errors.find { it.path == ['elsewhere'] }.extensions.code", equalTo("NOT_FOUND"))
                .body("errors.find { it.path == ['elsewhere'] }.message", containsString(missing))
                .body("errors.find { it.path == ['badId'] }.extensions.code", equalTo("VALIDATION"))
                .body("errors", hasSize(3));
    }

    @Test
    void environmentTargetIsTheSameObjectForFrontends() {
        Staging staging = staging("postgres", Map.of("host", "db.example.com", "dbname", "analytics"),
                Map.of("username", "dbt", "password", unique("canary"), "schema", "s"));
        String fingerprint = target(staging.projectName(), "STAGING").getString("data.deploymentTarget.fingerprint");
        execute("query($id: ID!) { project(id: $id) { stagingEnvironment { target { fingerprint targetName } } } }", vars("id", staging.projectId()))
                .body("errors", nullValue())
                .body("data.project.stagingEnvironment.target.fingerprint", equalTo(fingerprint))
                .body("data.project.stagingEnvironment.target.targetName", is("staging"));
    }

    static io.restassured.response.ValidatableResponse setExtendedAttributes(String environmentId, String yaml) {
        return execute("mutation($id: ID!, $y: String) { updateEnvironment(id: $id, input: {extendedAttributes: $y}) { extendedAttributes } }",
                vars("id", environmentId, "y", yaml));
    }

    @Test
    void extendedAttributesOverrideTheTargetAndTakeSecretsOnlyByReference() {
        Staging staging = staging("postgres", Map.of("host", "db.example.com", "dbname", "analytics"),
                Map.of("username", "dbt", "password", unique("canary"), "schema", "dbt_staging"));
        int logMark = LocalServicesResource.logMark();
        String literal = unique("canary-literal");
        assertError(setExtendedAttributes(staging.environmentId(), "no_such_key: 1"), "VALIDATION", "extendedAttributes.no_such_key")
                .body("errors[0].message", containsString("keepalives_idle"));
        String refused = assertError(setExtendedAttributes(staging.environmentId(), "password: " + literal), "VALIDATION",
                "extendedAttributes.password").extract().asString();
        assertFalse(refused.contains(literal), "the refusal echoes the literal secret");
        assertError(setExtendedAttributes(staging.environmentId(), "password: \"{{ env_var('DBT_ENV_SECRET_PG') }}\""), "VALIDATION",
                "extendedAttributes.password").body("errors[0].message", containsString("DBT_ENV_SECRET_PG"));
        assertError(setExtendedAttributes(staging.environmentId(), "schema: [unclosed"), "VALIDATION", "extendedAttributes")
                .body("errors[0].message", containsString("line 1"));
        assertError(setExtendedAttributes(staging.environmentId(), "- a list"), "VALIDATION", "extendedAttributes");

        String variableValue = unique("canary-variable");
        execute("mutation($input: CreateEnvironmentVariableInput!) { createEnvironmentVariable(input: $input) { name } }",
                vars("input", Map.of("projectId", staging.projectId(), "name", "DBT_ENV_SECRET_PG", "projectDefault", variableValue)))
                .body("errors", nullValue());
        setExtendedAttributes(staging.environmentId(), "password: \"{{ env_var('DBT_ENV_SECRET_PG') }}\"\nkeepalives_idle: 30\nschema: ea_schema")
                .body("errors", nullValue());

        JsonPath target = target(staging.projectName(), "STAGING");
        assertFalse(target.prettify().contains(variableValue), "the target holds the variable's secret value");
        Map<String, Object> output = output(target);
        assertEquals(30, output.get("keepalives_idle"));
        assertEquals("ea_schema", output.get("schema"));
        assertEquals("{{ env_var('DBT_ENV_SECRET_PG') }}", output.get("password"));
        Map<String, Map<String, Object>> fields = new HashMap<>();
        target.<Map<String, Object>> getList("data.deploymentTarget.fields").forEach(field -> fields.put((String) field.get("key"), field));
        assertEquals("EXTENDED_ATTRIBUTES", fields.get("schema").get("source"));
        assertEquals(true, fields.get("password").get("secret"));
        assertTrue(target.getList("data.deploymentTarget.requiredEnvironmentVariables").contains("DBT_ENV_SECRET_PG"));
        Map<String, Object> variable = target.<Map<String, Object>> getList("data.deploymentTarget.environmentVariables").stream()
                .filter(each -> each.get("name").equals("DBT_ENV_SECRET_PG")).findFirst().orElseThrow();
        assertEquals(true, variable.get("secret"));
        assertEquals("PROJECT_DEFAULT", variable.get("source"));
        assertEquals(null, variable.get("value"));
        assertFalse(Database.everyValue().stream().anyMatch(value -> value.contains(variableValue) || value.contains(literal)),
                "a database value holds a secret");
        assertFalse(LocalServicesResource.capturedLogSince(logMark).contains(literal), "the log holds the refused literal");
    }

    /**
     * The flow the README shows, with the local PostgreSQL as the warehouse: fetch the staging target by project name,
     * read the password from Vault where the target says, and connect with exactly the profile's fields.
     */
    @Test
    void anIntegrationReachesTheWarehouseWithTheTargetAndVaultAlone() throws Exception {
        var database = LocalServicesResource.database();
        Staging staging = staging("postgres", Map.of("host", "127.0.0.1", "port", database.port(), "dbname", "envplane", "sslMode", "DISABLE"),
                Map.of("username", "postgres", "password", "postgres", "schema", "public"));
        JsonPath target = target(staging.projectName(), "STAGING");
        Map<String, Object> profile = output(target);
        Map<String, Object> secret = target.getMap("data.deploymentTarget.secrets[0]");
        assertEquals("DBT_ENV_SECRET_PASSWORD", secret.get("environmentVariable"));
        String password = Vault.version((String) secret.get("path"), (Integer) secret.get("version")).getString("data.data." + secret.get("key"));
        String url = "jdbc:postgresql://" + profile.get("host") + ":" + profile.get("port") + "/" + profile.get("dbname") + "?sslmode=" + profile.get("sslmode");
        try (Connection warehouse = DriverManager.getConnection(url, (String) profile.get("user"), password)) {
            ResultSet row = warehouse.createStatement().executeQuery("select current_user, current_database()");
            row.next();
            assertEquals("postgres", row.getString(1));
            assertEquals("envplane", row.getString(2));
        }
    }
}
