package dev.envplane.testing;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;

/** Creates what a test needs through the API, as a client would. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String project() {
        return project(unique("project"));
    }

    public static String project(String name) {
        return execute("mutation($n: String!) { createProject(input: {name: $n}) { id } }", vars("n", name))
                .body("errors", nullValue()).extract().path("data.createProject.id");
    }

    /** A connection of the given adapter with valid settings; block is e.g. "snowflake". */
    public static String connection(String block) {
        Map<String, Object> settings = switch (block) {
            case "postgres" -> Map.of("host", "db.example.com", "dbname", "analytics");
            case "redshift" -> Map.of("host", "cluster.example.com", "dbname", "analytics");
            case "snowflake" -> Map.of("account", "acme-eu", "database", "ANALYTICS", "warehouse", "TRANSFORMING");
            case "bigquery" -> Map.of("gcpProjectId", "acme-analytics", "serviceAccountKeyJson",
                    "{\"type\":\"service_account\",\"client_email\":\"dbt@acme.iam.gserviceaccount.com\",\"private_key\":\"" + unique("key") + "\"}");
            case "spark" -> Map.of("host", "spark.example.com", "cluster", "main", "method", "HTTP");
            case "databricks" -> Map.of("host", "acme.cloud.databricks.com", "httpPath", "/sql/1.0/warehouses/abc");
            default -> throw new IllegalArgumentException(block);
        };
        return createConnection("id", Map.of("name", unique(block), block, settings))
                .body("errors", nullValue()).extract().path("data.createConnection.id");
    }

    /**
     * createConnection with {@code input} as a test writes it, the name beside the block ({name, snowflake: {...}}):
     * the name goes to its own argument, the rest to the @oneOf input.
     */
    public static ValidatableResponse createConnection(String fields, Map<String, ?> input) {
        Map<String, Object> blocks = new HashMap<>(input);
        Object name = blocks.remove("name");
        return execute("mutation($name: String!, $input: CreateConnectionInput!) { createConnection(name: $name, input: $input) { "
                + fields + " } }", vars("name", name, "input", blocks));
    }

    /** A deployment environment of a new project, on a new connection of the given adapter. */
    public static Environment environmentOn(String block) {
        String project = project();
        String connection = connection(block);
        String id = execute("mutation($p: ID!, $c: ID!) { createEnvironment(input: {projectId: $p, name: \"ci\", type: DEPLOYMENT, "
                + "connectionId: $c}) { id } }", vars("p", project, "c", connection))
                .body("errors", nullValue()).extract().path("data.createEnvironment.id");
        return new Environment(project, id, connection);
    }

    public record Environment(String projectId, String id, String connectionId) {
        public String vaultPath() {
            return Vault.credentialsPath(projectId, id);
        }
    }
}
