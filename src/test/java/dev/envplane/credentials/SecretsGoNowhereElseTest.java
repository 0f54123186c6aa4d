package dev.envplane.credentials;

import static dev.envplane.testing.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Database;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.Fixtures.Environment;
import dev.envplane.testing.Keys;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The proof that secrets go to Vault and nowhere else. Every secret field of every warehouse gets a unique canary;
 * then every query, mutation and error path runs (Vault sealed and unreachable included) with DEBUG logging on.
 * No canary may appear in any database row, in the application's log, or in any GraphQL response or error.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class SecretsGoNowhereElseTest {

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
    void noSecretLeavesVault() {
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

        // every table before any deletion (a deletion would remove the rows that could hold a leak)
        assertNoCanaryIn("database rows before the deletions", String.join("\n", Database.everyValue()));

        // then deletions: credentials, environment, project
        call("mutation($e: ID!) { deleteEnvironmentCredentials(environmentId: $e) { adapterType } }", vars("e", envs.get("redshift").id()));
        call("mutation($e: ID!) { deleteEnvironment(id: $e) { id } }", vars("e", envs.get("spark").id()));
        call("mutation($p: ID!) { deleteProject(id: $p, force: true) { id } }", vars("p", envs.get("databricks").projectId()));

        assertTrue(bigQueryConnection.contains("\"id\""), "the BigQuery connection was created: " + bigQueryConnection);
        // the proof is only worth something if the canaries really are in Vault
        assertEquals(rotated, Vault.latest(envs.get("postgres").vaultPath()).getString("data.data.password"));
        assertTrue(Vault.latest(envs.get("snowflake").vaultPath()).getString("data.data.privateKey").contains(Keys.body(plainKey)));
        assertNoCanaryIn("GraphQL responses", responses.toString());
        assertNoCanaryIn("database rows", String.join("\n", Database.everyValue()));
        String log = LocalServicesResource.applicationLog();
        assertTrue(log.contains("Vault unreachable during") && log.contains("DEBUG"),
                "the application log was captured at DEBUG (else this proof would be empty)");
        assertNoCanaryIn("the application log", log);
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

    private void readEverything() {
        call("""
                { projects(first: 100) { edges { node { id environments { id connection { __typename id name
                  ... on BigQueryConnection { serviceAccountKeySet secretVersion } }
                  credentials { %s } } } } }
                  connections(first: 100) { totalCount edges { node { __typename id name } } } }""".formatted(CredentialsGraphQLApiTest.FIELDS),
                Map.of());
    }

    private void assertNoCanaryIn(String where, String text) {
        for (String canary : canaries) {
            assertTrue(!text.contains(canary), "a secret (" + canary.substring(0, Math.min(20, canary.length())) + "...) was found in " + where);
        }
    }
}
