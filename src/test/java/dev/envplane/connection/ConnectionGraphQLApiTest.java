package dev.envplane.connection;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.Errors.assertSchemaRefusal;
import static dev.envplane.testing.Fixtures.unique;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.envplane.testing.Database;
import dev.envplane.testing.Eventually;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Vault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
public class ConnectionGraphQLApiTest {

    static final String FIELDS = """
            id name adapterType createdAt updatedAt version
            ... on PostgresConnection { host port dbname sslMode }
            ... on RedshiftConnection { host port dbname }
            ... on SnowflakeConnection { account database warehouse role clientSessionKeepAlive }
            ... on BigQueryConnection { gcpProjectId location serviceAccountKeySet secretVersion secretsUpdatedAt }
            ... on SparkConnection { host port cluster method }
            ... on DatabricksConnection { host httpPath catalog }
            __typename""";
    static final String UPDATE = "mutation($id: ID!, $input: UpdateConnectionInput!, $v: Int) "
            + "{ updateConnection(id: $id, input: $input, expectedVersion: $v) { " + FIELDS + " } }";
    static final String DELETE = "mutation($id: ID!) { deleteConnection(id: $id) { " + FIELDS + " } }";
    static final String GET = "query($id: ID!) { connection(id: $id) { " + FIELDS + " } }";
    static final String PAGE = """
            query($first: Int, $after: String, $adapterType: AdapterType) {
              connections(first: $first, after: $after, adapterType: $adapterType) {
                totalCount edges { cursor node { id name adapterType } } pageInfo { hasNextPage endCursor }
              }
            }""";

    /** Creates a connection with the given block (name made unique) and returns the response. */
    static ValidatableResponse create(String name, String block, Map<String, ?> settings) {
        return Fixtures.createConnection(FIELDS, Map.of("name", name, block, settings));
    }

    static String createId(String name, String block, Map<String, ?> settings) {
        return create(name, block, settings).body("errors", nullValue()).extract().path("data.createConnection.id");
    }

    static String postgres(String name) {
        return createId(name, "postgres", Map.of("host", "db.example.com", "dbname", "analytics"));
    }

    /** A service-account key file whose private key holds {@code canary}, so its trail can be followed. */
    static String serviceAccountKey(String canary) {
        return "{\"type\":\"service_account\",\"project_id\":\"acme-analytics\",\"private_key_id\":\"abc123\","
                + "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n" + canary + "\\n-----END PRIVATE KEY-----\\n\","
                + "\"client_email\":\"dbt@acme-analytics.iam.gserviceaccount.com\",\"client_id\":\"1234567890\"}";
    }

    /** Connections of this name: a test checks only its own rows (other tests may write at the same time). */
    static long connectionsNamed(Object name) {
        return Database.count("select count(*) from warehouse_connection where name = ?", name);
    }

    static Response vault(String apiPath) {
        return Vault.get(apiPath);
    }

    static String vaultPath(String connectionId) {
        return Vault.connectionPath(connectionId);
    }

    @Test
    void createsAndReadsBackEachWarehouse() {
        String pg = createId(unique("pg"), "postgres", Map.of("host", "10.0.0.7", "port", 6543, "dbname", "analytics", "sslMode", "VERIFY_FULL"));
        execute(GET, vars("id", pg)).body("errors", nullValue())
                .body("data.connection.__typename", equalTo("PostgresConnection"))
                .body("data.connection.adapterType", equalTo("POSTGRES"))
                .body("data.connection.host", equalTo("10.0.0.7"))
                .body("data.connection.port", is(6543))
                .body("data.connection.dbname", equalTo("analytics"))
                .body("data.connection.sslMode", equalTo("VERIFY_FULL"))
                .body("data.connection.version", is(0))
                .body("data.connection.createdAt", notNullValue())
                .body("data.connection.updatedAt", notNullValue());

        String rs = createId(unique("rs"), "redshift", Map.of("host", "acme.abc123.us-east-1.redshift.amazonaws.com", "port", 5440, "dbname", "dev"));
        execute(GET, vars("id", rs)).body("errors", nullValue())
                .body("data.connection.__typename", equalTo("RedshiftConnection"))
                .body("data.connection.adapterType", equalTo("REDSHIFT"))
                .body("data.connection.host", equalTo("acme.abc123.us-east-1.redshift.amazonaws.com"))
                .body("data.connection.port", is(5440))
                .body("data.connection.dbname", equalTo("dev"));

        String sf = createId(unique("sf"), "snowflake", Map.of("account", "xy12345.eu-central-1", "database", "ANALYTICS",
                "warehouse", "TRANSFORMING", "role", "TRANSFORMER", "clientSessionKeepAlive", true));
        execute(GET, vars("id", sf)).body("errors", nullValue())
                .body("data.connection.__typename", equalTo("SnowflakeConnection"))
                .body("data.connection.adapterType", equalTo("SNOWFLAKE"))
                .body("data.connection.account", equalTo("xy12345.eu-central-1"))
                .body("data.connection.database", equalTo("ANALYTICS"))
                .body("data.connection.warehouse", equalTo("TRANSFORMING"))
                .body("data.connection.role", equalTo("TRANSFORMER"))
                .body("data.connection.clientSessionKeepAlive", is(true));

        String bq = createId(unique("bq"), "bigquery", Map.of("gcpProjectId", "acme-analytics", "location", "EU",
                "serviceAccountKeyJson", serviceAccountKey("canary-" + UUID.randomUUID())));
        execute(GET, vars("id", bq)).body("errors", nullValue())
                .body("data.connection.__typename", equalTo("BigQueryConnection"))
                .body("data.connection.adapterType", equalTo("BIGQUERY"))
                .body("data.connection.gcpProjectId", equalTo("acme-analytics"))
                .body("data.connection.location", equalTo("EU"))
                .body("data.connection.serviceAccountKeySet", is(true))
                .body("data.connection.secretVersion", is(1))
                .body("data.connection.secretsUpdatedAt", notNullValue());

        String sp = createId(unique("spark"), "spark", Map.of("host", "spark.example.com", "port", 10001, "cluster", "etl", "method", "THRIFT"));
        execute(GET, vars("id", sp)).body("errors", nullValue())
                .body("data.connection.__typename", equalTo("SparkConnection"))
                .body("data.connection.adapterType", equalTo("SPARK"))
                .body("data.connection.host", equalTo("spark.example.com"))
                .body("data.connection.port", is(10001))
                .body("data.connection.cluster", equalTo("etl"))
                .body("data.connection.method", equalTo("THRIFT"));

        String db = createId(unique("dbx"), "databricks", Map.of("host", "adb-1234567890.12.azuredatabricks.net",
                "httpPath", "/sql/1.0/warehouses/abc123", "catalog", "main"));
        execute(GET, vars("id", db)).body("errors", nullValue())
                .body("data.connection.__typename", equalTo("DatabricksConnection"))
                .body("data.connection.adapterType", equalTo("DATABRICKS"))
                .body("data.connection.host", equalTo("adb-1234567890.12.azuredatabricks.net"))
                .body("data.connection.httpPath", equalTo("/sql/1.0/warehouses/abc123"))
                .body("data.connection.catalog", equalTo("main"));
    }

    @Test
    void appliesDefaultsAndTrimsTheName() {
        String name = unique("defaults");
        create("  " + name + "  ", "postgres", Map.of("host", "db.example.com", "dbname", "analytics")).body("errors", nullValue())
                .body("data.createConnection.name", equalTo(name))
                .body("data.createConnection.port", is(5432))
                .body("data.createConnection.sslMode", equalTo("PREFER"));
        create(unique("defaults"), "redshift", Map.of("host", "rs.example.com", "dbname", "dev")).body("errors", nullValue())
                .body("data.createConnection.port", is(5439));
        create(unique("defaults"), "spark", Map.of("host", "spark.example.com", "cluster", "etl", "method", "HTTP")).body("errors", nullValue())
                .body("data.createConnection.port", is(443));
        create(unique("defaults"), "snowflake", Map.of("account", "xy12345", "database", "DB", "warehouse", "WH")).body("errors", nullValue())
                .body("data.createConnection.clientSessionKeepAlive", is(false))
                .body("data.createConnection.role", nullValue());
        create(unique("defaults"), "databricks", Map.of("host", "dbc.example.com", "httpPath", "/sql/1")).body("errors", nullValue())
                .body("data.createConnection.catalog", nullValue());
        create(unique("defaults"), "bigquery", Map.of("gcpProjectId", "acme-analytics", "serviceAccountKeyJson", serviceAccountKey("k")))
                .body("errors", nullValue())
                .body("data.createConnection.location", nullValue());
    }

    static Stream<Arguments> invalidInputs() {
        Map<String, Object> pg = Map.of("host", "db.example.com", "dbname", "analytics");
        return Stream.of(
                Arguments.of(Map.of("name", "", "postgres", pg), "name"),
                Arguments.of(Map.of("name", "   ", "postgres", pg), "name"),
                Arguments.of(Map.of("name", "x".repeat(101), "postgres", pg), "name"),
                Arguments.of(block("postgres", "dbname", "analytics"), "postgres.host"),
                Arguments.of(block("postgres", "host", "https://db.example.com", "dbname", "a"), "postgres.host"),
                Arguments.of(block("postgres", "host", "db.example.com/analytics", "dbname", "a"), "postgres.host"),
                Arguments.of(block("postgres", "host", "db.example.com:5432", "dbname", "a"), "postgres.host"),
                Arguments.of(block("postgres", "host", "db example.com", "dbname", "a"), "postgres.host"),
                Arguments.of(block("postgres", "host", "user@db.example.com", "dbname", "a"), "postgres.host"),
                Arguments.of(block("postgres", "host", String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(63)),
                        "dbname", "a"), "postgres.host"),
                Arguments.of(block("postgres", "host", "db.example.com", "dbname", "a", "port", 0), "postgres.port"),
                Arguments.of(block("postgres", "host", "db.example.com", "dbname", "a", "port", 65536), "postgres.port"),
                Arguments.of(block("postgres", "host", "db.example.com"), "postgres.dbname"),
                Arguments.of(block("postgres", "host", "db.example.com", "dbname", "  "), "postgres.dbname"),
                Arguments.of(block("redshift", "host", "rs.example.com"), "redshift.dbname"),
                Arguments.of(block("redshift", "dbname", "dev"), "redshift.host"),
                Arguments.of(block("redshift", "host", "rs.example.com", "dbname", "dev", "port", -1), "redshift.port"),
                Arguments.of(block("snowflake", "database", "DB", "warehouse", "WH"), "snowflake.account"),
                Arguments.of(block("snowflake", "account", "acme account!", "database", "DB", "warehouse", "WH"), "snowflake.account"),
                Arguments.of(block("snowflake", "account", "xy12345", "warehouse", "WH"), "snowflake.database"),
                Arguments.of(block("snowflake", "account", "xy12345", "database", "DB"), "snowflake.warehouse"),
                Arguments.of(block("bigquery", "serviceAccountKeyJson", serviceAccountKey("k")), "bigquery.gcpProjectId"),
                Arguments.of(block("bigquery", "gcpProjectId", "Acme-analytics", "serviceAccountKeyJson", serviceAccountKey("k")), "bigquery.gcpProjectId"),
                Arguments.of(block("bigquery", "gcpProjectId", "acme", "serviceAccountKeyJson", serviceAccountKey("k")), "bigquery.gcpProjectId"),
                Arguments.of(block("bigquery", "gcpProjectId", "1acme-analytics", "serviceAccountKeyJson", serviceAccountKey("k")), "bigquery.gcpProjectId"),
                Arguments.of(block("bigquery", "gcpProjectId", "a" + "b".repeat(30), "serviceAccountKeyJson", serviceAccountKey("k")), "bigquery.gcpProjectId"),
                Arguments.of(block("bigquery", "gcpProjectId", "acme-analytics"), "bigquery.serviceAccountKeyJson"),
                Arguments.of(block("spark", "port", 443, "cluster", "etl", "method", "HTTP"), "spark.host"),
                Arguments.of(block("spark", "host", "spark.example.com", "method", "HTTP"), "spark.cluster"),
                Arguments.of(block("spark", "host", "spark.example.com", "cluster", "etl"), "spark.method"),
                Arguments.of(block("spark", "host", "spark.example.com", "cluster", "etl", "method", "ODBC", "port", 70000), "spark.port"),
                Arguments.of(block("databricks", "httpPath", "/sql/1"), "databricks.host"),
                Arguments.of(block("databricks", "host", "http://dbc.example.com", "httpPath", "/sql/1"), "databricks.host"),
                Arguments.of(block("databricks", "host", "dbc.example.com"), "databricks.httpPath"),
                Arguments.of(block("databricks", "host", "dbc.example.com", "httpPath", "sql/1.0/warehouses/x"), "databricks.httpPath"),
                Arguments.of(block("databricks", "host", "dbc.example.com", "httpPath", "/sql/1.0 /x"), "databricks.httpPath"));
    }

    @Test
    void theSchemaAsksForExactlyOneAdapterBlock() {
        String oneOf = "Exactly one key must be specified for OneOf type 'CreateConnectionInput'.";
        String none = unique("none");
        String two = unique("two");
        assertSchemaRefusal(Fixtures.createConnection(FIELDS, Map.of("name", none)), oneOf);
        assertSchemaRefusal(Fixtures.createConnection(FIELDS, Map.of("name", two, "postgres",
                Map.of("host", "db.example.com", "dbname", "a"), "redshift", Map.of("host", "rs.example.com", "dbname", "dev"))), oneOf);
        assertEquals(0, connectionsNamed(none) + connectionsNamed(two));
    }

    static Map<String, Object> block(String block, Object... namesAndValues) {
        Map<String, Object> settings = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            settings.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Map.of("name", unique("invalid"), block, settings);
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void refusesInvalidInputOnItsFieldAndWritesNothing(Map<String, Object> input, String field) {
        assertError(Fixtures.createConnection(FIELDS, input), "VALIDATION", field)
                .body("data", nullValue());
        assertEquals(0, connectionsNamed(input.get("name")));
    }

    @ParameterizedTest
    @MethodSource("badServiceAccountKeys")
    void refusesABadServiceAccountKeyWithoutRepeatingIt(String key) {
        String name = unique("badkey");
        ValidatableResponse response = create(name, "bigquery", Map.of("gcpProjectId", "acme-analytics", "serviceAccountKeyJson", key));
        assertError(response, "VALIDATION", "bigquery.serviceAccountKeyJson");
        String body = response.extract().asString();
        assertFalse(body.contains("canary-bad"), "the error repeats the key: " + body);
        assertEquals(0, connectionsNamed(name));
    }

    static Stream<String> badServiceAccountKeys() {
        return Stream.of(
                "canary-bad not json at all",
                "{\"type\": \"service_account\", \"private_key\": \"canary-bad", // truncated
                "[\"canary-bad\"]",
                "\"canary-bad\"",
                "{\"type\":\"authorized_user\",\"client_email\":\"a@b.c\",\"private_key\":\"canary-bad\"}",
                "{\"type\":\"service_account\",\"private_key\":\"canary-bad\"}",
                "{\"type\":\"service_account\",\"client_email\":\"a@b.c\",\"private_key_id\":\"canary-bad\"}",
                "{\"type\":\"service_account\",\"client_email\":\"a@b.c\",\"private_key\":\"\",\"x\":\"canary-bad\"}");
    }

    @Test
    void refusesADuplicateNameWithConflict() {
        String name = unique("dup");
        postgres(name);
        assertError(create(name, "redshift", Map.of("host", "rs.example.com", "dbname", "dev")), "CONFLICT", "name")
                .body("errors[0].message", containsString(name));
        assertEquals(1, Database.count("select count(*) from warehouse_connection where name = ?", name));

        String other = postgres(unique("other"));
        assertError(execute(UPDATE, vars("id", other, "input", Map.of("name", "  " + name), "v", null)), "CONFLICT", "name");
        assertEquals(1, Database.count("select count(*) from warehouse_connection where name = ?", name));
    }

    @Test
    void pagesThroughConnectionsWithCursorsCountsAndAWarehouseFilter() {
        String prefix = unique("page");
        List<String> redshifts = new ArrayList<>();
        List<String> postgreses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            redshifts.add(createId(prefix + "-rs-" + i, "redshift", Map.of("host", "rs.example.com", "dbname", "dev")));
            postgreses.add(postgres(prefix + "-pg-" + i));
        }

        List<Map<String, String>> all = walk(null, 3);
        assertEquals(all.size(), new HashSet<>(all.stream().map(node -> node.get("id")).toList()).size(), "a row was seen twice");
        List<String> mine = all.stream().map(node -> node.get("name")).filter(n -> n.startsWith(prefix)).toList();
        assertEquals(List.of(prefix + "-pg-0", prefix + "-pg-1", prefix + "-pg-2", prefix + "-pg-3",
                prefix + "-rs-0", prefix + "-rs-1", prefix + "-rs-2", prefix + "-rs-3"), mine);

        List<Map<String, String>> onlyRedshift = walk("REDSHIFT", 1);
        List<String> ids = onlyRedshift.stream().map(node -> node.get("id")).toList();
        assertTrue(ids.containsAll(redshifts), "every Redshift connection is listed");
        assertTrue(postgreses.stream().noneMatch(ids::contains), "no Postgres connection is listed");
        assertTrue(onlyRedshift.stream().allMatch(node -> node.get("adapterType").equals("REDSHIFT")));

        execute(PAGE, vars("first", 0, "after", null, "adapterType", "REDSHIFT")).body("errors", nullValue())
                .body("data.connections.edges", org.hamcrest.Matchers.empty())
                .body("data.connections.pageInfo.hasNextPage", is(true))
                .body("data.connections.totalCount", org.hamcrest.Matchers.greaterThanOrEqualTo(redshifts.size()));
        long redshiftRows = Database.count("select count(*) from warehouse_connection where warehouse = 'REDSHIFT'");
        execute(PAGE, vars("first", 0, "after", null, "adapterType", "REDSHIFT")).body("errors", nullValue())
                .body("data.connections.totalCount", org.hamcrest.Matchers.lessThanOrEqualTo((int) redshiftRows));
    }

    /** Pages through every connection (of one warehouse), checking totalCount on each page and that pages really page. */
    private List<Map<String, String>> walk(String warehouse, int size) {
        List<Map<String, String>> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            ValidatableResponse page = execute(PAGE, vars("first", size, "after", after, "adapterType", warehouse)).body("errors", nullValue());
            List<Map<String, String>> nodes = page.extract().path("data.connections.edges.node");
            assertTrue(nodes.size() <= size);
            if (warehouse != null) {
                page.body("data.connections.edges.node.adapterType", everyItem(equalTo(warehouse)));
            }
            seen.addAll(nodes);
            // totalCount counts every connection, other tests' too: within this walk it never falls below what was seen
            Integer count = page.extract().path("data.connections.totalCount");
            assertTrue(count >= seen.size(), "totalCount " + count + " below the " + seen.size() + " rows seen");
            more = page.extract().path("data.connections.pageInfo.hasNextPage");
            after = page.extract().path("data.connections.pageInfo.endCursor");
            List<String> cursors = page.extract().path("data.connections.edges.cursor");
            if (!cursors.isEmpty()) {
                assertEquals(cursors.get(cursors.size() - 1), after);
            }
            pages++;
        }
        assertTrue(pages >= 3, "expected several pages, got " + pages);
        return seen;
    }

    @Test
    void refusesBadPageArguments() {
        assertError(execute("{ connections(first: 101) { totalCount } }"), "VALIDATION", "first");
        assertError(execute("{ connections(first: -1) { totalCount } }"), "VALIDATION", "first");
        assertError(execute("{ connections(after: \"garbage!\") { totalCount } }"), "VALIDATION", "after");
    }

    @Test
    void updateKeepsTheFieldsLeftOut() {
        String name = unique("keep");
        String id = createId(name, "postgres", Map.of("host", "db.example.com", "port", 6543, "dbname", "analytics", "sslMode", "REQUIRE"));
        execute(UPDATE, vars("id", id, "input", Map.of("postgres", Map.of("dbname", "marts")), "v", null)).body("errors", nullValue())
                .body("data.updateConnection.name", equalTo(name))
                .body("data.updateConnection.host", equalTo("db.example.com"))
                .body("data.updateConnection.port", is(6543))
                .body("data.updateConnection.dbname", equalTo("marts"))
                .body("data.updateConnection.sslMode", equalTo("REQUIRE"))
                .body("data.updateConnection.version", is(1));
        String renamed = unique("renamed");
        execute(UPDATE, vars("id", id, "input", Map.of("name", renamed), "v", 1)).body("errors", nullValue())
                .body("data.updateConnection.name", equalTo(renamed))
                .body("data.updateConnection.dbname", equalTo("marts"))
                .body("data.updateConnection.version", is(2));
        execute(GET, vars("id", id))
                .body("data.connection.name", equalTo(renamed))
                .body("data.connection.host", equalTo("db.example.com"))
                .body("data.connection.port", is(6543))
                .body("data.connection.dbname", equalTo("marts"))
                .body("data.connection.sslMode", equalTo("REQUIRE"));

        String sf = createId(unique("sf-keep"), "snowflake", Map.of("account", "xy12345", "database", "DB", "warehouse", "WH", "role", "R"));
        execute(UPDATE, vars("id", sf, "input", Map.of("snowflake", Map.of("warehouse", "BIG_WH", "role", "")), "v", null)).body("errors", nullValue())
                .body("data.updateConnection.account", equalTo("xy12345"))
                .body("data.updateConnection.database", equalTo("DB"))
                .body("data.updateConnection.warehouse", equalTo("BIG_WH"))
                .body("data.updateConnection.role", nullValue());
    }

    @Test
    void updateValidatesTheFieldsGiven() {
        String id = postgres(unique("upd-invalid"));
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("postgres", Map.of("port", 0)), "v", null)), "VALIDATION", "postgres.port");
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("postgres", Map.of("host", "http://x")), "v", null)), "VALIDATION", "postgres.host");
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("postgres", Map.of("dbname", "")), "v", null)), "VALIDATION", "postgres.dbname");
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("name", " "), "v", null)), "VALIDATION", "name");
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("postgres", Map.of(), "redshift", Map.of()), "v", null)), "VALIDATION", "input");
        assertEquals(0, Database.count("select version from warehouse_connection where id = ?::uuid", id));
        assertEquals(1, Database.count("select count(*) from warehouse_connection where id = ?::uuid and port = 5432 and host = 'db.example.com'", id));
    }

    @Test
    void refusesToChangeTheWarehouse() {
        String id = postgres(unique("same-warehouse"));
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("snowflake", Map.of("account", "xy12345")), "v", null)),
                "VALIDATION", "snowflake")
                .body("errors[0].message", containsString("never changes"))
                .body("errors[0].message", containsString("create a new connection"));
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("name", unique("x"), "redshift", Map.of("port", 5439)), "v", null)),
                "VALIDATION", "redshift");
        assertEquals(1, Database.count("select count(*) from warehouse_connection where id = ?::uuid and warehouse = 'POSTGRES' "
                + "and version = 0 and account is null", id));
    }

    @Test
    void refusesAStaleExpectedVersion() {
        String id = postgres(unique("stale"));
        execute(UPDATE, vars("id", id, "input", Map.of("postgres", Map.of("dbname", "one")), "v", 0)).body("errors", nullValue())
                .body("data.updateConnection.version", is(1));
        assertError(execute(UPDATE, vars("id", id, "input", Map.of("postgres", Map.of("dbname", "two")), "v", 0)), "STALE_VERSION", "expectedVersion");
        execute(GET, vars("id", id)).body("data.connection.dbname", equalTo("one")).body("data.connection.version", is(1));
    }

    @Test
    void deletesAConnectionAndReturnsItAsItWas() {
        String name = unique("delete");
        String id = createId(name, "spark", Map.of("host", "spark.example.com", "cluster", "etl", "method", "ODBC"));
        execute(DELETE, vars("id", id)).body("errors", nullValue())
                .body("data.deleteConnection.id", equalTo(id))
                .body("data.deleteConnection.name", equalTo(name))
                .body("data.deleteConnection.cluster", equalTo("etl"))
                .body("data.deleteConnection.method", equalTo("ODBC"));
        assertEquals(0, Database.count("select count(*) from warehouse_connection where id = ?::uuid", id));
        execute(GET, vars("id", id)).body("errors", nullValue()).body("data.connection", nullValue());
        assertError(execute(DELETE, vars("id", id)), "NOT_FOUND", "id");
    }

    @Test
    void reportsUnknownAndMalformedIds() {
        String unknown = UUID.randomUUID().toString();
        execute(GET, vars("id", unknown)).body("errors", nullValue()).body("data.connection", nullValue());
        assertError(execute(UPDATE, vars("id", unknown, "input", Map.of("name", unique("x")), "v", null)), "NOT_FOUND", "id");
        assertError(execute(DELETE, vars("id", unknown)), "NOT_FOUND", "id");
        assertError(execute(GET, vars("id", "not-a-uuid")), "VALIDATION", "id");
        assertError(execute(DELETE, vars("id", "not-a-uuid")), "VALIDATION", "id");
    }

    @Test
    void refusesToDeleteAConnectionThatEnvironmentsUse() {
        String name = unique("in-use");
        String id = postgres(name);
        String projectName = unique("proj");
        String project = Fixtures.project(projectName);
        String environment = execute("mutation($p: ID!, $c: ID) { createEnvironment(input: {projectId: $p, name: \"ci\", type: DEPLOYMENT, "
                + "connectionId: $c}) { id } }", vars("p", project, "c", id))
                .body("errors", nullValue()).extract().path("data.createEnvironment.id");

        assertError(execute(DELETE, vars("id", id)), "CONFLICT", "id")
                .body("errors[0].message", containsString(projectName + " / ci"));
        assertEquals(1, Database.count("select count(*) from warehouse_connection where id = ?::uuid", id));

        execute("mutation($id: ID!) { deleteEnvironment(id: $id) { environments { id } } }", vars("id", environment)).body("errors", nullValue());
        execute(DELETE, vars("id", id)).body("errors", nullValue()).body("data.deleteConnection.name", equalTo(name));
        assertEquals(0, Database.count("select count(*) from warehouse_connection where id = ?::uuid", id));
    }

    @Test
    void anEnvironmentLinkedConcurrentlyStopsTheDeletion() throws Exception {
        String id = postgres(unique("racing"));
        String projectName = unique("race");
        try (java.sql.Connection jdbc = LocalServicesResource.database().connect()) {
            // Another transaction links an environment and has not committed yet when the deletion starts.
            jdbc.setAutoCommit(false);
            UUID project = UUID.randomUUID();
            try (var insert = jdbc.prepareStatement("insert into project (id, name, default_branch, created_at, updated_at, version) "
                    + "values (?, ?, 'main', now(), now(), 0)")) {
                insert.setObject(1, project);
                insert.setString(2, projectName);
                insert.executeUpdate();
            }
            try (var insert = jdbc.prepareStatement("insert into environment (id, project_id, name, type, deployment_type, dbt_version, "
                    + "use_custom_branch, created_at, updated_at, version, connection_id, adapter_type) "
                    + "values (?, ?, 'ci', 'DEPLOYMENT', 'GENERAL', 'latest', false, now(), now(), 0, ?, "
                    + "(select warehouse from warehouse_connection where id = ?))")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, project);
                insert.setObject(3, UUID.fromString(id));
                insert.setObject(4, UUID.fromString(id));
                insert.executeUpdate();
            }
            CompletableFuture<ValidatableResponse> deletion = CompletableFuture.supplyAsync(() -> execute(DELETE, vars("id", id)));
            waitUntilAQueryWaitsForALock();
            jdbc.commit();
            assertError(deletion.get(30, TimeUnit.SECONDS), "CONFLICT", "id");
        }
        assertEquals(1, Database.count("select count(*) from warehouse_connection where id = ?::uuid", id));
        assertEquals(1, Database.count("select count(*) from environment where connection_id = ?::uuid", id));
    }

    private static void waitUntilAQueryWaitsForALock() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Database.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'") > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the deletion never waited for the linking transaction");
    }

    @Test
    void aBigQueryConnectionWithATakenNameLeavesNothingInVault() {
        String name = unique("bq-taken");
        postgres(name);
        List<String> before = connectionSecrets();
        String canary = "canary-" + UUID.randomUUID();
        assertError(create(name, "bigquery", Map.of("gcpProjectId", "acme-analytics", "serviceAccountKeyJson", serviceAccountKey(canary))),
                "CONFLICT", "name");
        assertEquals(before, connectionSecrets());
        assertEquals(1, Database.count("select count(*) from warehouse_connection where name = ?", name));
    }

    /** The connection ids that have anything (even destroyed versions) in Vault. */
    static List<String> connectionSecrets() {
        Response list = vault("secret/metadata/envplane/connections?list=true");
        if (list.statusCode() == 404) {
            return List.of();
        }
        list.then().statusCode(200);
        List<String> keys = new ArrayList<>(list.jsonPath().getList("data.keys", String.class));
        keys.sort(null);
        return keys;
    }

    @Test
    void keepsTheServiceAccountKeyOnlyInVaultAndRotatesIt() throws Exception {
        int logMark = LocalServicesResource.logMark();
        String canary = "canary-" + UUID.randomUUID();
        String key = serviceAccountKey(canary);
        ValidatableResponse created = create(unique("bq-secret"), "bigquery", Map.of("gcpProjectId", "acme-analytics",
                "serviceAccountKeyJson", key))
                .body("errors", nullValue())
                .body("data.createConnection.serviceAccountKeySet", is(true))
                .body("data.createConnection.secretVersion", is(1))
                .body("data.createConnection.secretsUpdatedAt", notNullValue());
        assertFalse(created.extract().asString().contains(canary), "the response holds the key");
        String id = created.extract().path("data.createConnection.id");

        // In Vault, exactly as given; nowhere in the database or the application's log.
        vault("secret/data/" + vaultPath(id)).then().statusCode(200)
                .body("data.data.serviceAccountKeyJson", equalTo(key))
                .body("data.metadata.version", is(1));
        assertTrue(Database.everyValue().stream().noneMatch(value -> value.contains(canary)), "the database holds the key");
        assertTrue(Database.everyValue().contains("warehouse_connection.secret_path=" + vaultPath(id)),
                "the database points at the secret");
        assertFalse(LocalServicesResource.capturedLogSince(logMark).contains(canary), "the application logged the key");
        assertFalse(execute(GET, vars("id", id)).extract().asString().contains(canary));

        // Rotation: a new Vault version, which the connection now points at.
        String rotatedCanary = "canary-" + UUID.randomUUID();
        String rotated = serviceAccountKey(rotatedCanary);
        ValidatableResponse rotation = execute(UPDATE, vars("id", id, "input", Map.of("bigquery", Map.of("serviceAccountKeyJson", rotated)), "v", 0))
                .body("errors", nullValue())
                .body("data.updateConnection.secretVersion", is(2))
                .body("data.updateConnection.serviceAccountKeySet", is(true))
                .body("data.updateConnection.version", is(1));
        assertFalse(rotation.extract().asString().contains(rotatedCanary));
        vault("secret/data/" + vaultPath(id)).then().statusCode(200)
                .body("data.data.serviceAccountKeyJson", equalTo(rotated))
                .body("data.metadata.version", is(2));
        assertTrue(Database.everyValue().stream().noneMatch(value -> value.contains(rotatedCanary) || value.contains(canary)));

        // An update without the key keeps it: no new version.
        execute(UPDATE, vars("id", id, "input", Map.of("bigquery", Map.of("location", "US")), "v", null))
                .body("errors", nullValue())
                .body("data.updateConnection.location", equalTo("US"))
                .body("data.updateConnection.gcpProjectId", equalTo("acme-analytics"))
                .body("data.updateConnection.serviceAccountKeySet", is(true))
                .body("data.updateConnection.secretVersion", is(2));
        vault("secret/data/" + vaultPath(id)).then().statusCode(200)
                .body("data.data.serviceAccountKeyJson", equalTo(rotated))
                .body("data.metadata.version", is(2));

        // A bad key on update: refused without repeating it, and nothing changes.
        ValidatableResponse bad = execute(UPDATE, vars("id", id, "input", Map.of("bigquery",
                Map.of("serviceAccountKeyJson", "{\"canary-bad-update\": 1}")), "v", null));
        assertError(bad, "VALIDATION", "bigquery.serviceAccountKeyJson");
        assertFalse(bad.extract().asString().contains("canary-bad-update"));
        vault("secret/data/" + vaultPath(id)).then().body("data.metadata.version", is(2));

        // Deletion destroys every version and the metadata.
        ValidatableResponse deleted = execute(DELETE, vars("id", id)).body("errors", nullValue())
                .body("data.deleteConnection.id", equalTo(id))
                .body("data.deleteConnection.secretVersion", is(2));
        assertFalse(deleted.extract().asString().contains(rotatedCanary));
        Eventually.until("the key destroyed after the deletion", () -> vault("secret/metadata/" + vaultPath(id)).statusCode() == 404);
        assertEquals(404, vault("secret/data/" + vaultPath(id) + "?version=1").statusCode());
        assertEquals(0, Database.count("select count(*) from warehouse_connection where id = ?::uuid", id));
        String log = LocalServicesResource.capturedLogSince(logMark);
        assertFalse(log.contains(rotatedCanary) || log.contains(canary), "the application logged the key");
    }

    @Test
    void aVaultOutageDelaysTheKeysDestructionButNotTheDeletion() {
        String id = createId(unique("bq-vault-down"), "bigquery", Map.of("gcpProjectId", "acme-analytics",
                "serviceAccountKeyJson", serviceAccountKey("canary-" + UUID.randomUUID())));
        LocalServicesResource.vaultLink().cut();
        try {
            execute(DELETE, vars("id", id)).body("errors", nullValue()).body("data.deleteConnection.id", equalTo(id));
            assertEquals(0, Database.count("select count(*) from warehouse_connection where id = ?::uuid", id));
            assertEquals(1, Database.count("select count(*) from secret_outbox where path = ?", vaultPath(id)));
            vault("secret/data/" + vaultPath(id)).then().statusCode(200).body("data.metadata.version", is(1));
        } finally {
            LocalServicesResource.vaultLink().restore();
        }
        Eventually.until("the key destroyed once Vault is reachable again", () -> vault("secret/metadata/" + vaultPath(id)).statusCode() == 404
                && Database.count("select count(*) from secret_outbox where path = ?", vaultPath(id)) == 0);
    }

    // the schema document's shape: api/IntrospectionOnTest (the document is served only with introspection on)

    @Test
    void aVaultFailureDuringCreationWritesNothing() {
        String name = unique("bq-vault-down");
        LocalServicesResource.vaultLink().cut();
        try {
            assertError(create(name, "bigquery", Map.of("gcpProjectId", "acme-analytics",
                    "serviceAccountKeyJson", serviceAccountKey("canary-" + UUID.randomUUID()))), "SECRET_STORE_UNAVAILABLE", null);
        } finally {
            LocalServicesResource.vaultLink().restore();
        }
        assertEquals(0, Database.count("select count(*) from warehouse_connection where name = ?", name));
    }
}
