package dev.envplane.credentials;

import static dev.envplane.testing.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;


import dev.envplane.testing.Database;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.Fixtures.Environment;
import dev.envplane.testing.Keys;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.SchemaWalk;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The proof that secrets go to Vault and nowhere else. Every secret field of every warehouse gets a unique canary;
 * then every query, mutation and error path runs (Vault sealed, unreachable and refusing the service, a
 * check-and-set race, an INTERNAL error, a key rotation) with the whole log at DEBUG, and every output field the
 * schema has is read back through introspection, and deliverSecrets hands out every secret wrapped. No canary may
 * appear in any database row (before and after the deletions), in the application's log (for the packaged
 * application: its stdout and stderr too, which Quarkus' launcher writes to the same file), or in any GraphQL
 * response or error; no wrapping token in a row or the log.
 */
@QuarkusTest
@TestProfile(SecretsGoNowhereElseTest.Canary.class)
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class SecretsGoNowhereElseTest {

    /** Every logger at DEBUG (not only envplane's), and introspection on for the walk through the schema. */
    public static class Canary implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // org.apache.http is this test's own HTTP client (rest-assured), in the same JVM as a @QuarkusTest
            // application: its wire log holds the requests, secrets included, as sent. It is not the application.
            // The walk selects every field at once: the query limits are raised for it.
            // SQL bind values at TRACE: what Hibernate sends to PostgreSQL, parameter by parameter (min-level lets
            // TRACE through at all; the file handler must pass it on).
            Map<String, String> overrides = new HashMap<>(Map.ofEntries(Map.entry("quarkus.log.level", "DEBUG"),
                    Map.entry("quarkus.log.min-level", "TRACE"), Map.entry("quarkus.log.file.level", "TRACE"),
                    Map.entry("quarkus.log.category.\"org.hibernate.orm.jdbc.bind\".level", "TRACE"),
                    Map.entry("quarkus.log.category.\"org.apache.http\".level", "INFO"),
                    Map.entry("envplane.graphql.introspection", "true"), Map.entry("envplane.graphql.max-depth", "64"),
                    Map.entry("envplane.graphql.max-tokens", "1000000"), Map.entry("envplane.graphql.max-complexity", "2000000000"),
                    Map.entry("envplane.graphql.max-loads", "100000"), Map.entry("quarkus.http.limits.max-body-size", "10M")));
            if (!bindValuesAtTrace()) {
                overrides.remove("quarkus.log.min-level");
            }
            return overrides;
        }

        /** Whether the application can log at TRACE: min-level is fixed when the application is built. */
        protected boolean bindValuesAtTrace() {
            return true;
        }
    }

    /**
     * The canary against the packaged application: built with the default min-level (DEBUG), which it refuses to
     * change at run time, so SQL bind values (TRACE) are read in the in-process run only; its stdout and stderr are
     * read here instead.
     */
    public static class PackagedCanary extends Canary {
        @Override
        protected boolean bindValuesAtTrace() {
            return false;
        }
    }

    private final List<String> canaries = new ArrayList<>();
    private final StringBuilder responses = new StringBuilder();

    private String canary(String name) {
        String canary = "canary-" + name + "-" + UUID.randomUUID();
        canaries.add(canary);
        return canary;
    }

    private static final String CREATE_CONNECTION =
            "mutation($name: String!, $input: CreateConnectionInput!) { createConnection(name: $name, input: $input) { id } }";

    private String call(String document, Map<String, Object> variables) {
        String body = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", document, "variables", variables)).post("/graphql").then().extract().asString();
        responses.append(body).append('\n');
        return body;
    }

    private void set(Environment env, Map<String, Object> input) {
        call(CredentialsGraphQLApiTest.SET, CredentialsGraphQLApiTest.setVars(env.id(), input));
    }

    @Test
    void noSecretLeavesVault() throws Exception {
        Map<String, Environment> envs = new HashMap<>();
        for (String block : List.of("postgres", "redshift", "snowflake", "bigquery", "spark", "databricks")) {
            envs.put(block, Fixtures.environmentOn(block));
        }
        String passphrase = canary("passphrase");
        String encryptedKey = Keys.encryptedPkcs8Pem(passphrase);
        canaries.add(Keys.body(encryptedKey));
        String plainKey = Keys.pkcs8Pem();
        canaries.add(Keys.body(plainKey));
        String serviceAccountKey = "{\"type\":\"service_account\",\"client_email\":\"dbt@acme.iam.gserviceaccount.com\",\"private_key\":\""
                + canary("bigquery-key") + "\"}";

        // create, with every secret field
        set(envs.get("postgres"), Map.of("postgres", Map.of("username", "dbt", "password", canary("pg"), "schema", "s")));
        set(envs.get("redshift"), Map.of("redshift", Map.of("username", "dbt", "password", canary("rs"), "schema", "s")));
        set(envs.get("snowflake"), Map.of("snowflake", Map.of("authMethod", "KEY_PAIR", "username", "DBT", "schema", "S",
                "privateKey", encryptedKey, "privateKeyPassphrase", passphrase)));
        set(envs.get("bigquery"), Map.of("bigquery", Map.of("dataset", "analytics")));
        set(envs.get("spark"), Map.of("spark", Map.of("token", canary("spark"), "schema", "s")));
        set(envs.get("databricks"), Map.of("databricks", Map.of("token", canary("dbx"), "schema", "s")));
        String bigQueryConnection = call(CREATE_CONNECTION, vars("name", Fixtures.unique("bq"),
                "input", Map.of("bigquery", Map.of("gcpProjectId", "acme-analytics", "serviceAccountKeyJson", serviceAccountKey))));

        // rotate, keep, switch method, clear
        String rotated = canary("pg-rotated");
        set(envs.get("postgres"), Map.of("postgres", Map.of("password", rotated)));
        set(envs.get("postgres"), Map.of("postgres", Map.of("threads", 8)));
        set(envs.get("snowflake"), Map.of("snowflake", Map.of("authMethod", "PASSWORD", "password", canary("sf-password"))));
        set(envs.get("snowflake"), Map.of("snowflake", Map.of("authMethod", "KEY_PAIR", "privateKey", plainKey)));

        // bad input that carries secrets
        set(envs.get("postgres"), Map.of("postgres", Map.of("password", "x".repeat(1025) + canary("too-long"))));
        set(envs.get("postgres"), Map.of("snowflake", Map.of("password", canary("wrong-block"))));
        set(envs.get("snowflake"), Map.of("snowflake", Map.of("privateKey", "-----BEGIN PRIVATE KEY-----\n" + canary("bad-pem")
                + "\n-----END PRIVATE KEY-----")));
        set(envs.get("spark"), Map.of("spark", Map.of("token", canary("cleared-and-set")), "clearSecrets", List.of("TOKEN")));
        call(CREATE_CONNECTION, vars("name", Fixtures.unique("bq"),
                "input", Map.of("bigquery", Map.of("gcpProjectId", "acme-analytics", "serviceAccountKeyJson", "{\"not\": \"" + canary("bad-bq-json") + "\""))));

        badInputInEveryShape(envs);

        // Vault sealed, then unreachable: every write fails, reads go on
        LocalServicesResource.vault().seal();
        try {
            set(envs.get("spark"), Map.of("spark", Map.of("token", canary("sealed"))));
            call("mutation($e: ID!) { deleteEnvironmentCredentials(environmentId: $e) { adapterType } }", vars("e", envs.get("spark").id()));
            readEverything();
        } finally {
            LocalServicesResource.vault().unseal();
        }
        LocalServicesResource.vaultLink().cut();
        try {
            set(envs.get("databricks"), Map.of("databricks", Map.of("token", canary("unreachable"))));
            readEverything();
        } finally {
            LocalServicesResource.vaultLink().restore();
        }

        // every query
        readEverything();
        responses.append(given().get(LocalServicesResource.managementUrl("/q/health/ready")).asString());
        responses.append(given().get(LocalServicesResource.managementUrl("/q/metrics")).asString());

        // a secret environment variable: its default and its environment value in Vault
        Environment withVariable = envs.get("postgres");
        String variableValue = canary("variable");
        String variable = JsonPath.from(call("mutation($input: CreateEnvironmentVariableInput!) { createEnvironmentVariable(input: $input) { id } }",
                vars("input", Map.of("projectId", withVariable.projectId(), "name", "DBT_ENV_SECRET_CANARY", "projectDefault", variableValue,
                        "environmentValues", List.of(Map.of("environmentId", withVariable.id(), "value", canary("variable-env")))))))
                .getString("data.createEnvironmentVariable.id");
        assertEquals(variableValue, Vault.latest("envplane/projects/" + withVariable.projectId() + "/variables/" + variable + "/default")
                .getString("data.data.value"));

        // Spark's token was cleared above: a last one, so that every warehouse holds a secret in Vault
        set(envs.get("spark"), Map.of("spark", Map.of("token", canary("spark-final"), "schema", "s")));

        // the failure paths, each with canaries in the request
        internalError(envs.get("postgres"));
        vaultRefusesTheService(envs.get("redshift"));
        checkAndSetRace(envs.get("databricks"));
        String bigQueryId = JsonPath.from(bigQueryConnection).getString("data.createConnection.id");
        String rotatedBigQueryKey = serviceAccountKey.replace("\"}", "-" + canary("bigquery-rotated") + "\"}");
        assertTrue(call("mutation($id: ID!, $input: UpdateConnectionInput!) { updateConnection(id: $id, input: $input) { id } }",
                vars("id", bigQueryId, "input", Map.of("bigquery", Map.of("serviceAccountKeyJson", rotatedBigQueryKey))))
                .contains(bigQueryId), "the BigQuery key was rotated");

        readThroughTheSchema(envs, bigQueryId);
        assertEverySecretIsInVault(envs, bigQueryId, rotatedBigQueryKey);
        // every table is scanned, the audit log's among them: it holds the calls that carried the canaries
        assertTrue(Database.count("select count(*) from audit_event where action = 'setEnvironmentCredentials' and outcome = 'FAILED'") > 0
                && Database.count("select count(*) from audit_event where 'input.postgres.password' = any(changed_fields)") > 0,
                "the audit log recorded the calls with secrets, allowed and failed");
        List<String> wrappingTokens = deliverEverySecret(envs);
        assertTrue(Database.count("select count(*) from audit_event where action = 'deliverSecrets' and outcome = 'ALLOWED'") >= envs.size(),
                "the audit log recorded every delivery (the scan below proves it holds no token)");
        assertNoCanaryIn("database rows before any deletion", String.join("\n", Database.everyValue()));

        // then deletions: credentials, environment, project
        call("mutation($e: ID!) { deleteEnvironmentCredentials(environmentId: $e) { adapterType } }", vars("e", envs.get("redshift").id()));
        call("mutation($e: ID!) { deleteEnvironment(id: $e) { environments { id } } }", vars("e", envs.get("spark").id()));
        call("mutation($p: ID!) { deleteProject(id: $p, force: true) { projects { id } } }", vars("p", envs.get("databricks").projectId()));

        assertTrue(bigQueryConnection.contains("\"id\""), "the BigQuery connection was created: " + bigQueryConnection);
        assertNoCanaryIn("GraphQL responses", responses.toString());
        assertNoCanaryIn("database rows", String.join("\n", Database.everyValue()));
        String log = LocalServicesResource.applicationLog();
        assertTrue(log.contains("Vault unreachable during") && log.contains("DEBUG"),
                "the application log was captured at DEBUG (else this proof would be empty)");
        assertTrue(log.contains("\"loggerName\":\"io.netty") || log.contains("io.vertx.core"),
                "the log holds DEBUG lines of every logger, not only envplane's");
        if (bindValuesAtTrace()) {
            assertTrue(log.lines().anyMatch(line -> line.contains("TRACE") && line.contains("binding parameter")),
                    "the log holds the SQL bind values at TRACE (else a secret bound as a parameter would go unseen)");
        }
        assertNoCanaryIn("the application log", log);
        // a wrapping token opens secrets once: only its caller may ever see it
        String rows = String.join("\n", Database.everyValue());
        for (String token : wrappingTokens) {
            assertTrue(!log.contains(token) && !rows.contains(token), "a wrapping token of deliverSecrets is in the log or the database");
        }
    }

    /**
     * deliverSecrets for every environment (a BigQuery key file, a key pair, passwords, tokens), and once with Vault
     * sealed: the answers hold wrapping tokens, never values, and the tokens are returned to the caller only.
     */
    private List<String> deliverEverySecret(Map<String, Environment> envs) {
        String deliver = "mutation($e: ID!) { deliverSecrets(environmentId: $e, ttlSeconds: 60) { secrets { path wrappingToken accessor keys } } }";
        List<String> tokens = new ArrayList<>();
        for (Environment env : envs.values()) {
            String answer = call(deliver, vars("e", env.id()));
            List<String> delivered = JsonPath.from(answer).getList("data.deliverSecrets.secrets.wrappingToken");
            assertTrue(delivered != null && !delivered.isEmpty(), "the target's secrets were delivered: " + answer);
            tokens.addAll(delivered);
        }
        LocalServicesResource.vault().seal();
        try {
            String answer = call(deliver, vars("e", envs.get("snowflake").id()));
            assertEquals("SECRET_STORE_UNAVAILABLE", JsonPath.from(answer).getString("errors[0].extensions.code"), answer);
        } finally {
            LocalServicesResource.vault().unseal();
        }
        return tokens;
    }

    /**
     * Secrets written inline in the document and in variables, next to a misspelt field, a wrong type or a null,
     * and in the wrong type themselves: graphql-java prints argument values into its messages, so every one of these
     * errors must come back without them.
     */
    private void badInputInEveryShape(Map<String, Environment> envs) {
        Map<String, List<String>> secretFields = Map.of(
                "postgres", List.of("password"), "redshift", List.of("password"),
                "snowflake", List.of("password", "privateKey", "privateKeyPassphrase"),
                "spark", List.of("token"), "databricks", List.of("token"));
        String setInline = "mutation { setEnvironmentCredentials(environmentId: \"%s\", input: {%s: {%s}}) { __typename } }";
        secretFields.forEach((block, fields) -> {
            String env = envs.get(block).id();
            for (String field : fields) {
                String name = block + "-" + field;
                for (String shape : List.of("%s: \"%s\", pasword: \"x\"", "%s: \"%s\", threads: \"many\"", "%s: \"%s\", threads: null, schema: 7",
                        "%s: {nested: \"%s\"}", "%s: [\"%s\"]", "%s: %s")) {
                    String value = shape.endsWith(": %s") ? String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())) : canary(name + "-inline");
                    canaries.add(value);
                    call(setInline.formatted(env, block, shape.formatted(field, value)), Map.of());
                }
                Map<String, Object> misspelt = new HashMap<>(Map.of(field, canary(name + "-var"), "pasword", canary(name + "-misspelt")));
                set(envs.get(block), Map.of(block, misspelt));
                set(envs.get(block), Map.of(block, Map.of(field, canary(name + "-var"), "threads", "many")));
                set(envs.get(block), Map.of(block, Map.of(field, List.of(canary(name + "-as-list")))));
                set(envs.get(block), Map.of(block, Map.of(field, Map.of("nested", canary(name + "-as-object")))));
                Map<String, Object> withNull = new HashMap<>(Map.of(field, canary(name + "-var")));
                withNull.put("username", null);
                withNull.put("threads", null);
                set(envs.get(block), Map.of(block, withNull, "clearSecrets", List.of(canary(name + "-as-enum"))));
            }
        });
        set(envs.get("snowflake"), Map.of("snowflake", Map.of("authMethod", canary("auth-method-as-enum"), "password", canary("sf-enum"))));
        call("mutation { setEnvironmentCredentials(environmentId: \"%s\", input: {snowflake: {authMethod: %s, password: \"%s\"}}) { __typename } }"
                .formatted(envs.get("snowflake").id(), "Canary" + UUID.randomUUID().toString().replace("-", ""), canary("sf-inline-enum")), Map.of());
        String createInline = "mutation { createConnection(input: {name: \"%s\", bigquery: {gcpProjectId: \"p\", serviceAccountKeyJson: %s%s}}) { id } }";
        for (String extra : List.of(", gcpProjectld: \"typo\"", ", location: 5", ", gcpProjectId: null")) {
            call(createInline.formatted(Fixtures.unique("bq"), "\"" + canary("bq-inline") + "\"", extra), Map.of());
        }
        call(createInline.formatted(Fixtures.unique("bq"), "{key: \"" + canary("bq-inline-object") + "\"}", ""), Map.of());
        call("mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }",
                vars("input", Map.of("name", Fixtures.unique("bq"), "bigquery", Map.of("gcpProjectId", "p",
                        "serviceAccountKeyJson", canary("bq-var"), "serviceAccountKeyJsn", canary("bq-misspelt")))));
        call("mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }",
                vars("input", Map.of("name", Fixtures.unique("bq"), "bigquery", Map.of("gcpProjectId", 5,
                        "serviceAccountKeyJson", List.of(canary("bq-as-list"))))));
    }

    /** A database failure after the Vault write: INTERNAL, with the request's secrets nowhere but (then destroyed) Vault. */
    private void internalError(Environment env) {
        try (Connection db = LocalServicesResource.database().connect()) {
            db.createStatement().execute("""
                    create or replace function canary_refuses() returns trigger language plpgsql as $$
                    begin if new.username = 'db-refuses-this' then raise exception 'refused by the canary test'; end if; return new; end $$;
                    create trigger canary_refuses before insert or update on environment_credentials
                        for each row execute function canary_refuses();""");
            String answer = call(CredentialsGraphQLApiTest.SET, CredentialsGraphQLApiTest.setVars(env.id(),
                    Map.of("postgres", Map.of("username", "db-refuses-this", "password", canary("internal"), "schema", "s"))));
            assertEquals("INTERNAL", JsonPath.from(answer).getString("errors[0].extensions.code"), answer);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            try (Connection db = LocalServicesResource.database().connect()) {
                db.createStatement().execute("drop trigger if exists canary_refuses on environment_credentials; "
                        + "drop function if exists canary_refuses()");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Vault answers the service 403 on this environment's secret. */
    private void vaultRefusesTheService(Environment env) {
        Vault.denyToTheService("secret/data/" + env.vaultPath());
        try {
            String answer = call(CredentialsGraphQLApiTest.SET, CredentialsGraphQLApiTest.setVars(env.id(),
                    Map.of("redshift", Map.of("password", canary("refused")))));
            assertTrue(JsonPath.from(answer).getString("errors[0].extensions.code") != null, "Vault's 403 is an error: " + answer);
        } finally {
            Vault.restoreServicePolicy();
        }
    }

    /** Writers racing on one secret: the losers' check-and-set fails, and their secrets go nowhere. */
    private void checkAndSetRace(Environment env) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<String>> racers = new ArrayList<>();
                for (int racer = 0; racer < 4; racer++) {
                    String token = canary("race");
                    racers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return call(CredentialsGraphQLApiTest.SET, CredentialsGraphQLApiTest.setVars(env.id(),
                                Map.of("databricks", Map.of("token", token))));
                    }));
                }
                for (Future<String> racer : racers) {
                    racer.get(60, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every output field reachable from the roots, whatever fields the schema has today. */
    private void readThroughTheSchema(Map<String, Environment> envs, String bigQueryId) {
        SchemaWalk schema = SchemaWalk.introspect();
        assertEquals(List.of(), schema.fieldsNamedLikeSecretValues(), "output fields named like a secret's value");
        for (Environment env : envs.values()) {
            String project = JsonPath.from(call("query($id: ID!) { project(id: $id) { name } }", vars("id", env.projectId())))
                    .getString("data.project.name");
            readAll("query($id: ID!) { environment(id: $id) " + schema.selectionOf("Environment", 5) + " }", vars("id", env.id()), env.id());
            readAll("query($id: ID!) { connection(id: $id) " + schema.selectionOf("Connection", 5) + " }", vars("id", env.connectionId()),
                    env.connectionId());
            readAll("query($n: String!) { projectByName(name: $n) " + schema.selectionOf("Project", 5) + " }", vars("n", project), env.id());
            readAll("query($p: ProjectRef!, $e: EnvironmentRef!) { deploymentTarget(project: $p, environment: $e) "
                    + schema.selectionOf("DeploymentTarget", 5) + " }", vars("p", Map.of("id", env.projectId()), "e", Map.of("id", env.id())),
                    env.id());
        }
        readAll("query($id: ID!) { connection(id: $id) " + schema.selectionOf("Connection", 5) + " }", vars("id", bigQueryId), "serviceAccountKeySet");
    }

    private void readAll(String document, Map<String, Object> variables, String mustContain) {
        String answer = call(document, variables);
        assertTrue(answer.contains(mustContain) && !answer.contains("\"errors\""), "the walk read " + mustContain + ": " + answer);
    }

    /** The proof is only worth something if each canary really is in Vault, where the README says. */
    private void assertEverySecretIsInVault(Map<String, Environment> envs, String bigQueryId, String bigQueryKey) {
        Map<String, List<String>> secretFields = Map.of("postgres", List.of("password"), "redshift", List.of("password"),
                "snowflake", List.of("privateKey"), "spark", List.of("token"), "databricks", List.of("token"));
        secretFields.forEach((block, fields) -> {
            // the version the database points at (a compensated write leaves a destroyed newest version above it)
            int version = (int) Database.count("select coalesce(max(secret_version), -1) from environment_credentials "
                    + "where environment_id = ?::uuid", envs.get(block).id());
            assertTrue(version > 0, block + " has credentials with a secret");
            JsonPath stored = Vault.version(envs.get(block).vaultPath(), version);
            for (String field : fields) {
                String value = stored.getString("data.data." + field);
                assertTrue(value != null && canaries.stream().anyMatch(value::contains), block + "." + field + " holds a canary in Vault");
            }
        });
        assertEquals(bigQueryKey, Vault.latest(Vault.connectionPath(bigQueryId)).getString("data.data.serviceAccountKeyJson"));
    }

    private void readEverything() {
        call("""
                { projects(first: 100) { edges { node { id environments { id connection { __typename id name
                  ... on BigQueryConnection { serviceAccountKeySet secretVersion } }
                  credentials { %s } } } } }
                  connections(first: 100) { totalCount edges { node { __typename id name } } } }""".formatted(CredentialsGraphQLApiTest.FIELDS),
                Map.of());
    }

    /** Whether this run's application logs SQL bind values at TRACE (see {@link PackagedCanary}). */
    protected boolean bindValuesAtTrace() {
        return true;
    }

    private void assertNoCanaryIn(String where, String text) {
        for (String canary : canaries) {
            assertTrue(!text.contains(canary), "a secret (" + canary.substring(0, Math.min(20, canary.length())) + "...) was found in " + where);
        }
    }
}
