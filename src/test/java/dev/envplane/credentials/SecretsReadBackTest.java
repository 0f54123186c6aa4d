package dev.envplane.credentials;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.envplane.testing.Fixtures;
import dev.envplane.testing.Fixtures.Environment;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The canary read back through the schema itself: the schema is walked by introspection, and every scalar field of
 * every object reachable from {@code environment}, {@code connection}, {@code projectByName}, {@code deploymentTarget}
 * and every root query that needs no argument is selected, so an output field added later is read without anyone
 * remembering to add it here. No answer may hold a secret, and no output field may be named like a secret value.
 */
@QuarkusTest
@TestProfile(SecretsReadBackTest.IntrospectionWithoutLimits.class)
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class SecretsReadBackTest {

    /** Introspection on (as the local default has it), and limits that let one document select the whole graph. */
    public static class IntrospectionWithoutLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("envplane.graphql.introspection", "true",
                    "envplane.graphql.max-depth", "64",
                    "envplane.graphql.max-tokens", "1000000",
                    "envplane.graphql.max-aliases", "1000",
                    "envplane.graphql.max-complexity", "2000000000",
                    "envplane.graphql.max-loads", "100000",
                    "quarkus.http.limits.max-body-size", "10M");
        }
    }

    /** Names of values a client must never get back; a {@code *Set} flag says only whether one is stored. */
    private static final Pattern SECRET_VALUE_NAME = Pattern.compile(
            "(?i).*(password|passphrase|token|privatekey|keyjson|apikey|clientsecret|secretvalue|secretkey|accesskey|credential(s)?value).*");

    /** How deep below a root the generated selection goes (a type is never repeated on one path, so it ends anyway). */
    private static final int MAX_DEPTH = 7;

    private static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

    private final List<String> canaries = new ArrayList<>();
    private Map<String, Map<String, Object>> types;

    private String canary(String name) {
        String canary = "canary-" + name + "-" + UUID.randomUUID();
        canaries.add(canary);
        return canary;
    }

    @BeforeEach
    void readTheSchema() {
        JsonPath schema = execute("{ __schema { queryType { name } types { name kind possibleTypes { name } "
                + "fields(includeDeprecated: true) { name args { name defaultValue type { " + TYPE_REF + " } } type { " + TYPE_REF + " } } } } }")
                .body("errors", nullValue()).extract().jsonPath();
        types = new HashMap<>();
        for (Map<String, Object> type : schema.<Map<String, Object>> getList("data.__schema.types")) {
            types.put((String) type.get("name"), type);
        }
        assertEquals("Query", schema.getString("data.__schema.queryType.name"));
    }

    @Test
    void noOutputFieldIsNamedLikeASecretValue() {
        Set<String> reachable = new TreeSet<>();
        collectReachable("Query", reachable);
        assertTrue(reachable.containsAll(List.of("Project", "Environment", "DeploymentTarget", "BigQueryConnection", "SnowflakeCredentials")),
                "the walk reaches the types that hold secrets' flags: " + reachable);
        List<String> suspicious = new ArrayList<>();
        for (String typeName : reachable) {
            for (Map<String, Object> field : fields(typeName)) {
                String name = (String) field.get("name");
                if (SECRET_VALUE_NAME.matcher(name).matches() && !name.endsWith("Set")) {
                    suspicious.add(typeName + "." + name);
                }
            }
        }
        assertEquals(List.of(), suspicious, "output fields named like a secret value (only *Set flags may name one)");
    }

    @Test
    void everyFieldReachableFromTheRootsIsFreeOfSecrets() throws Exception {
        Map<String, Environment> envs = new LinkedHashMap<>();
        for (String block : List.of("postgres", "redshift", "snowflake", "bigquery", "spark", "databricks")) {
            envs.put(block, Fixtures.environmentOn(block));
        }
        String passphrase = canary("passphrase");
        set(envs.get("postgres"), Map.of("postgres", Map.of("username", "dbt", "password", canary("pg"), "schema", "s")));
        set(envs.get("redshift"), Map.of("redshift", Map.of("username", "dbt", "password", canary("rs"), "schema", "s")));
        String encryptedKey = dev.envplane.testing.Keys.encryptedPkcs8Pem(passphrase);
        canaries.add(dev.envplane.testing.Keys.body(encryptedKey));
        set(envs.get("snowflake"), Map.of("snowflake", Map.of("authMethod", "KEY_PAIR", "username", "DBT", "schema", "S",
                "privateKey", encryptedKey, "privateKeyPassphrase", passphrase)));
        set(envs.get("bigquery"), Map.of("bigquery", Map.of("dataset", "analytics")));
        set(envs.get("spark"), Map.of("spark", Map.of("token", canary("spark"), "schema", "s")));
        set(envs.get("databricks"), Map.of("databricks", Map.of("token", canary("dbx"), "schema", "s")));
        String key = canary("bq-key");
        String bigQuery = Fixtures.createConnection("id", Map.of("name", Fixtures.unique("bq"), "bigquery", Map.of(
                "gcpProjectId", "acme-analytics", "serviceAccountKeyJson",
                "{\"type\":\"service_account\",\"client_email\":\"dbt@acme.iam.gserviceaccount.com\",\"private_key\":\"" + key + "\"}")))
                .body("errors", nullValue()).extract().path("data.createConnection.id");
        String variableValue = canary("variable");
        Environment withVariable = envs.get("postgres");
        execute("mutation($input: CreateEnvironmentVariableInput!) { createEnvironmentVariable(input: $input) { id } }",
                vars("input", Map.of("projectId", withVariable.projectId(), "name", "DBT_ENV_SECRET_CANARY", "projectDefault", variableValue,
                        "environmentValues", List.of(Map.of("environmentId", withVariable.id(), "value", canary("variable-env"))))))
                .body("errors", nullValue());
        List<String> answers = new ArrayList<>();
        // BigQuery key rotation: a new version, and the canary in it
        String rotatedKey = canary("bq-key-rotated");
        answers.add(execute("mutation($id: ID!, $input: UpdateConnectionInput!) { updateConnection(id: $id, input: $input) { id ... on BigQueryConnection { secretVersion } } }",
                vars("id", bigQuery, "input", Map.of("bigquery", Map.of("serviceAccountKeyJson",
                        "{\"type\":\"service_account\",\"client_email\":\"dbt@acme.iam.gserviceaccount.com\",\"private_key\":\"" + rotatedKey + "\"}"))))
                .body("errors", nullValue()).body("data.updateConnection.secretVersion", org.hamcrest.Matchers.is(2)).extract().asString());
        faultPaths(envs, answers);

        // The proof is only worth something if every canary that was accepted really is in Vault, where the README says.
        assertEquals(storedCanary("pg"), Vault.latest(envs.get("postgres").vaultPath()).getString("data.data.password"));
        assertEquals(storedCanary("rs"), Vault.latest(envs.get("redshift").vaultPath()).getString("data.data.password"));
        assertEquals(passphrase, Vault.latest(envs.get("snowflake").vaultPath()).getString("data.data.privateKeyPassphrase"));
        assertTrue(Vault.latest(envs.get("snowflake").vaultPath()).getString("data.data.privateKey").contains(dev.envplane.testing.Keys.body(encryptedKey)));
        assertEquals(storedCanary("spark"), Vault.latest(envs.get("spark").vaultPath()).getString("data.data.token"));
        assertEquals(storedCanary("dbx"), Vault.latest(envs.get("databricks").vaultPath()).getString("data.data.token"));
        assertTrue(Vault.latest("envplane/connections/" + bigQuery).getString("data.data.serviceAccountKeyJson").contains(rotatedKey));
        String variable = execute("query($id: ID!) { project(id: $id) { environmentVariables { id name } } }", vars("id", withVariable.projectId()))
                .body("errors", nullValue()).extract().path("data.project.environmentVariables[0].id");
        assertEquals(variableValue, Vault.latest("envplane/projects/" + withVariable.projectId() + "/variables/" + variable + "/default")
                .getString("data.data.value"));

        for (Environment env : envs.values()) {
            String projectName = execute("query($id: ID!) { project(id: $id) { name } }", vars("id", env.projectId()))
                    .body("errors", nullValue()).extract().path("data.project.name");
            answers.add(readAll("environment", "environment(id: $id)", "$id: ID!", vars("id", env.id())));
            answers.add(readAll("connection", "connection(id: $id)", "$id: ID!", vars("id", env.connectionId())));
            answers.add(readAll("projectByName", "projectByName(name: $name)", "$name: String!", vars("name", projectName)));
            answers.add(readAll("deploymentTarget", "deploymentTarget(project: $p, environment: $e)", "$p: ProjectRef!, $e: EnvironmentRef!",
                    vars("p", Map.of("id", env.projectId()), "e", Map.of("id", env.id()))));
        }
        answers.add(readAll("connection", "connection(id: $id)", "$id: ID!", vars("id", bigQuery)));
        for (Map<String, Object> root : fields("Query")) {
            if (requiredArguments(root).isEmpty()) {
                String name = (String) root.get("name");
                answers.add(readAll(name, name, null, Map.of()));
            }
        }
        String all = String.join("\n", answers);
        assertTrue(all.contains(envs.get("snowflake").id()) && all.contains(bigQuery), "the answers hold the canaries' records");
        assertNoCanaryIn("the GraphQL answers", all);
        // every table, before any deletion (a deletion would hide a column that held a secret)
        assertNoCanaryIn("the database rows before any deletion", String.join("\n", dev.envplane.testing.Database.everyValue()));

        List<String> deletions = new ArrayList<>();
        for (Environment env : envs.values()) {
            deletions.add(execute("mutation($p: ID!) { deleteProject(id: $p, force: true) { id } }", vars("p", env.projectId()))
                    .body("errors", nullValue()).extract().asString());
        }
        deletions.add(execute("mutation($id: ID!) { deleteConnection(id: $id) { id } }", vars("id", bigQuery))
                .body("errors", nullValue()).extract().asString());
        assertNoCanaryIn("the deletions' answers", String.join("\n", deletions));
        assertNoCanaryIn("the database rows after the deletions", String.join("\n", dev.envplane.testing.Database.everyValue()));
    }

    /**
     * Where a secret could escape on a failure: Vault refusing the service (403), Vault failing (sealed: 503), and
     * two first settings of one record racing (Vault's check-and-set), each with canaries in the request.
     */
    private void faultPaths(Map<String, Environment> envs, List<String> answers) throws Exception {
        Environment refused = Fixtures.environmentOn("postgres");
        Vault.denyToTheService("secret/data/" + refused.vaultPath());
        try {
            answers.add(dev.envplane.testing.Errors.assertError(execute(CredentialsGraphQLApiTest.SET, CredentialsGraphQLApiTest.setVars(refused.id(),
                    Map.of("postgres", Map.of("username", "dbt", "password", canary("vault-403"), "schema", "s")))),
                    "SECRET_STORE_UNAVAILABLE", null).extract().asString());
        } finally {
            Vault.restoreServicePolicy();
        }
        LocalServicesResource.vault().seal();
        try {
            answers.add(dev.envplane.testing.Errors.assertError(execute(CredentialsGraphQLApiTest.SET, CredentialsGraphQLApiTest.setVars(
                    envs.get("spark").id(), Map.of("spark", Map.of("token", canary("vault-sealed"))))),
                    "SECRET_STORE_UNAVAILABLE", null).extract().asString());
        } finally {
            LocalServicesResource.vault().unseal();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            boolean conflicted = false;
            for (int round = 0; round < 10 && !conflicted; round++) {
                Environment racing = Fixtures.environmentOn("postgres");
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<String>> racers = new ArrayList<>();
                for (String password : List.of(canary("racer-a"), canary("racer-b"))) {
                    racers.add(pool.submit(() -> {
                        start.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        return execute(CredentialsGraphQLApiTest.SET, CredentialsGraphQLApiTest.setVars(racing.id(),
                                Map.of("postgres", Map.of("username", "dbt", "password", password, "schema", "s")))).extract().asString();
                    }));
                }
                for (java.util.concurrent.Future<String> racer : racers) {
                    String answer = racer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    conflicted |= answer.contains("\"CONFLICT\"");
                    answers.add(answer);
                }
            }
            assertTrue(conflicted, "no round of racing first settings ended in a check-and-set CONFLICT");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The one canary made under {@code name} (the canaries of a name are unique per test). */
    private String storedCanary(String name) {
        return canaries.stream().filter(canary -> canary.startsWith("canary-" + name + "-")).reduce((a, b) -> {
            throw new AssertionError("two canaries named " + name);
        }).orElseThrow();
    }

    private void assertNoCanaryIn(String where, String text) {
        for (String canary : canaries) {
            assertFalse(text.contains(canary), "a secret (" + canary.substring(0, 20) + "...) was found in " + where);
        }
    }

    private void set(Environment env, Map<String, Object> input) {
        execute(CredentialsGraphQLApiTest.SET, CredentialsGraphQLApiTest.setVars(env.id(), input)).body("errors", nullValue());
    }

    /** Selects everything below one root field; the answer must carry the root's data. */
    private String readAll(String rootName, String call, String variables, Map<String, Object> values) {
        Map<String, Object> root = fields("Query").stream().filter(field -> field.get("name").equals(rootName)).findFirst().orElseThrow();
        String selection = selection(namedType(root), new ArrayList<>(List.of("Query")));
        String document = (variables == null ? "query" : "query(" + variables + ")") + " { " + call
                + (selection.isEmpty() ? "" : " { " + selection + " }") + " }";
        JsonPath answer = execute(document, values).extract().jsonPath();
        assertNotNull(answer.get("data." + rootName), () -> rootName + " answered nothing: " + answer.prettify());
        return answer.prettify();
    }

    /** Every field of the type (and of each possible type of an interface or union) that needs no argument. */
    private String selection(String typeName, List<String> path) {
        Map<String, Object> type = types.get(typeName);
        String kind = (String) type.get("kind");
        if (kind.equals("SCALAR") || kind.equals("ENUM")) {
            return "";
        }
        if (path.contains(typeName) || path.size() > MAX_DEPTH) {
            return null;
        }
        path.add(typeName);
        StringBuilder selection = new StringBuilder("__typename");
        if (kind.equals("INTERFACE") || kind.equals("UNION")) {
            for (Map<String, Object> possible : this.<Map<String, Object>> list(type.get("possibleTypes"))) {
                String inner = objectFields((String) possible.get("name"), path);
                selection.append(" ... on ").append(possible.get("name")).append(" { ").append(inner).append(" }");
            }
        } else {
            selection.append(' ').append(objectFields(typeName, path));
        }
        path.remove(path.size() - 1);
        return selection.toString();
    }

    private String objectFields(String typeName, List<String> path) {
        StringBuilder selection = new StringBuilder("__typename");
        for (Map<String, Object> field : fields(typeName)) {
            if (!requiredArguments(field).isEmpty()) {
                continue;
            }
            String inner = selection(namedType(field), path);
            if (inner == null) {
                continue;
            }
            selection.append(' ').append(field.get("name"));
            if (!inner.isEmpty()) {
                selection.append(" { ").append(inner).append(" }");
            }
        }
        return selection.toString();
    }

    private void collectReachable(String typeName, Set<String> reachable) {
        Map<String, Object> type = types.get(typeName);
        String kind = (String) type.get("kind");
        if (kind.equals("SCALAR") || kind.equals("ENUM") || !reachable.add(typeName)) {
            return;
        }
        for (Map<String, Object> possible : this.<Map<String, Object>> list(type.get("possibleTypes"))) {
            collectReachable((String) possible.get("name"), reachable);
        }
        for (Map<String, Object> field : fields(typeName)) {
            collectReachable(namedType(field), reachable);
        }
    }

    private List<Map<String, Object>> fields(String typeName) {
        return list(types.get(typeName).get("fields"));
    }

    private List<String> requiredArguments(Map<String, Object> field) {
        List<String> required = new ArrayList<>();
        for (Map<String, Object> argument : this.<Map<String, Object>> list(field.get("args"))) {
            Map<?, ?> type = (Map<?, ?>) argument.get("type");
            if ("NON_NULL".equals(type.get("kind")) && argument.get("defaultValue") == null) {
                required.add((String) argument.get("name"));
            }
        }
        return required;
    }

    private static String namedType(Map<String, Object> field) {
        Map<?, ?> type = (Map<?, ?>) field.get("type");
        while (type.get("name") == null) {
            type = (Map<?, ?>) type.get("ofType");
        }
        return (String) type.get("name");
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(Object value) {
        return value == null ? List.of() : (List<T>) value;
    }
}
