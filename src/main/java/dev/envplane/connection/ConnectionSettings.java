package dev.envplane.connection;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import dev.envplane.api.ValidationException;
import dev.envplane.secrets.Secret;
import dev.envplane.validation.Fields;

/**
 * The rules of each warehouse's settings. Errors name the input path ("postgres.port"). On create every required
 * field must be there and defaults apply; on update only the fields given are checked and changed. No message ever
 * repeats the service-account key.
 */
final class ConnectionSettings {

    static final String SERVICE_ACCOUNT_KEY = "serviceAccountKeyJson";

    private static final int MAX_HOST = 253;
    private static final int MAX_TEXT = 255;
    private static final int MAX_KEY_JSON = 32_768;
    private static final Pattern HOSTNAME = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*]?");
    private static final Pattern SNOWFLAKE_ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    private static final Pattern GCP_PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{5,29}");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");

    /** The warehouse block of an input: which warehouse, its field name in the input, and its value. */
    record Block(Warehouse warehouse, String field, Object input) {
    }

    private ConnectionSettings() {
    }

    static Block exactlyOne(CreateConnectionInput input) {
        Block block = atMostOne(blocks(input.postgres(), input.redshift(), input.snowflake(), input.bigquery(), input.spark(),
                input.databricks()));
        if (block == null) {
            throw new ValidationException("input", "Give exactly one warehouse block: " + blockNames());
        }
        return block;
    }

    /** Null when the update changes no warehouse setting. */
    static Block atMostOne(UpdateConnectionInput input) {
        return atMostOne(blocks(input.postgres(), input.redshift(), input.snowflake(), input.bigquery(), input.spark(),
                input.databricks()));
    }

    static String blockName(Warehouse warehouse) {
        return warehouse.name().toLowerCase();
    }

    private static List<Block> blocks(Object... byWarehouse) {
        List<Block> given = new ArrayList<>();
        for (Warehouse warehouse : Warehouse.values()) {
            Object block = byWarehouse[warehouse.ordinal()];
            if (block != null) {
                given.add(new Block(warehouse, blockName(warehouse), block));
            }
        }
        return given;
    }

    private static Block atMostOne(List<Block> given) {
        if (given.size() > 1) {
            throw new ValidationException("input", "Give only one warehouse block, not " + given.size() + " ("
                    + String.join(", ", given.stream().map(Block::field).toList()) + ")");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    private static String blockNames() {
        return String.join(", ", java.util.Arrays.stream(Warehouse.values()).map(ConnectionSettings::blockName).toList());
    }

    /**
     * Checks the block and writes its settings to the connection. Returns the service-account key to store when the
     * block carries one (BigQuery), else null.
     */
    static Secret apply(WarehouseConnection connection, Block block, boolean create) {
        String b = block.field();
        switch (block.warehouse()) {
            case POSTGRES -> {
                PostgresConnectionInput in = (PostgresConnectionInput) block.input();
                if (create || in.host() != null) connection.setHost(host(b + ".host", in.host()));
                if (create || in.port() != null) connection.setPort(port(b + ".port", in.port(), 5432));
                if (create || in.dbname() != null) connection.setDbname(text(b + ".dbname", in.dbname(), MAX_TEXT));
                if (create || in.sslMode() != null) connection.setSslMode(in.sslMode() == null ? SslMode.PREFER : in.sslMode());
            }
            case REDSHIFT -> {
                RedshiftConnectionInput in = (RedshiftConnectionInput) block.input();
                if (create || in.host() != null) connection.setHost(host(b + ".host", in.host()));
                if (create || in.port() != null) connection.setPort(port(b + ".port", in.port(), 5439));
                if (create || in.dbname() != null) connection.setDbname(text(b + ".dbname", in.dbname(), MAX_TEXT));
            }
            case SNOWFLAKE -> {
                SnowflakeConnectionInput in = (SnowflakeConnectionInput) block.input();
                if (create || in.account() != null) connection.setAccount(matching(b + ".account", in.account(), SNOWFLAKE_ACCOUNT,
                        "letters, digits, dots, underscores and hyphens (at most 255)"));
                if (create || in.database() != null) connection.setDatabaseName(text(b + ".database", in.database(), MAX_TEXT));
                if (create || in.warehouse() != null) connection.setWarehouseName(text(b + ".warehouse", in.warehouse(), MAX_TEXT));
                if (create || in.role() != null) connection.setRoleName(optional(b + ".role", in.role(), MAX_TEXT));
                if (create || in.clientSessionKeepAlive() != null) connection.setClientSessionKeepAlive(Boolean.TRUE.equals(in.clientSessionKeepAlive()));
            }
            case BIGQUERY -> {
                BigQueryConnectionInput in = (BigQueryConnectionInput) block.input();
                Secret key = Secret.of(in.serviceAccountKeyJson());
                if (create || in.gcpProjectId() != null) connection.setGcpProjectId(matching(b + ".gcpProjectId", in.gcpProjectId(),
                        GCP_PROJECT_ID, "6 to 30 lowercase letters, digits and hyphens, starting with a letter"));
                if (create || in.location() != null) connection.setLocation(optional(b + ".location", in.location(), 64));
                if (create || key != null) {
                    return serviceAccountKey(b + "." + SERVICE_ACCOUNT_KEY, key);
                }
            }
            case SPARK -> {
                SparkConnectionInput in = (SparkConnectionInput) block.input();
                if (create || in.host() != null) connection.setHost(host(b + ".host", in.host()));
                if (create || in.port() != null) connection.setPort(port(b + ".port", in.port(), 443));
                if (create || in.cluster() != null) connection.setCluster(text(b + ".cluster", in.cluster(), MAX_TEXT));
                if (create || in.method() != null) connection.setMethod(Fields.required(b + ".method", in.method()));
            }
            case DATABRICKS -> {
                DatabricksConnectionInput in = (DatabricksConnectionInput) block.input();
                if (create || in.host() != null) connection.setHost(host(b + ".host", in.host()));
                if (create || in.httpPath() != null) connection.setHttpPath(httpPath(b + ".httpPath", in.httpPath()));
                if (create || in.catalog() != null) connection.setCatalog(optional(b + ".catalog", in.catalog(), MAX_TEXT));
            }
        }
        return null;
    }

    /** A host name or an IP address: no scheme, port, path, user or spaces. */
    static String host(String field, String value) {
        String host = Fields.requiredTrimmed(field, value, 1, MAX_HOST);
        if (!HOSTNAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            throw new ValidationException(field, field + " must be a host name or IP address, without scheme, port, path or spaces");
        }
        return host;
    }

    private static int port(String field, Integer value, int fallback) {
        return value == null ? fallback : Fields.range(field, value, 1, 65535);
    }

    private static String text(String field, String value, int max) {
        return Fields.requiredTrimmed(field, value, 1, max);
    }

    /** Empty or blank means "none". */
    private static String optional(String field, String value, int max) {
        String trimmed = Fields.trimmed(field, value, 0, max);
        return trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }

    private static String matching(String field, String value, Pattern pattern, String rule) {
        String trimmed = Fields.required(field, value).strip();
        if (!pattern.matcher(trimmed).matches()) {
            throw new ValidationException(field, field + " must be " + rule);
        }
        return trimmed;
    }

    private static String httpPath(String field, String value) {
        String path = text(field, value, 500);
        if (!path.startsWith("/") || !NO_WHITESPACE.matcher(path).matches()) {
            throw new ValidationException(field, field + " must start with / and contain no spaces");
        }
        return path;
    }

    /**
     * A Google service-account key file: a JSON object with "type": "service_account", "client_email" and
     * "private_key". The messages describe what is wrong without ever repeating any of the value.
     */
    static Secret serviceAccountKey(String field, Secret key) {
        if (key == null) {
            throw new ValidationException(field, field + " is required");
        }
        if (key.length() > MAX_KEY_JSON) {
            throw new ValidationException(field, field + " must be at most " + MAX_KEY_JSON + " characters");
        }
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(key.reveal()))) {
            JsonStructure parsed = reader.read();
            if (!(parsed instanceof JsonObject o)) {
                throw new ValidationException(field, field + " must be a JSON object (a service-account key file)");
            }
            object = o;
        } catch (JsonException | IllegalStateException unparseable) {
            // The parser's message may quote the input: it is dropped on purpose.
            throw new ValidationException(field, field + " is not valid JSON; paste the service-account key file as it is");
        }
        if (!"service_account".equals(string(object, "type"))) {
            throw new ValidationException(field, field + " must be a service-account key: its \"type\" must be \"service_account\"");
        }
        for (String required : List.of("client_email", "private_key")) {
            String value = string(object, required);
            if (value == null || value.isBlank()) {
                throw new ValidationException(field, field + " must contain \"" + required + "\"");
            }
        }
        return key;
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }
}
