package dev.envplane.adapter;

import java.io.StringReader;
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

/** The field checks adapter definitions use. Each names the input path it concerns and never repeats a secret. */
public final class Checks {

    private static final int MAX_HOST = 253;
    private static final int MAX_KEY_JSON = 32_768;
    private static final Pattern HOSTNAME = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*]?");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");

    private Checks() {
    }

    /** A host name or an IP address: no scheme, port, path, user or spaces. */
    public static Object host(String path, Object value) {
        String host = Fields.requiredTrimmed(path, (String) value, 1, MAX_HOST);
        if (!HOSTNAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            throw new ValidationException(path, path + " must be a host name or IP address, without scheme, port, path or spaces");
        }
        return host;
    }

    public static Object port(String path, Object value) {
        return Fields.range(path, (Integer) value, 1, 65535);
    }

    /** Trimmed, between min and max characters. */
    public static Check text(int min, int max) {
        return (path, value) -> Fields.trimmed(path, (String) value, min, max);
    }

    /** Trimmed, at most max characters; empty or blank means "none" and clears the field. */
    public static Check optional(int max) {
        return (path, value) -> {
            String trimmed = Fields.trimmed(path, (String) value, 0, max);
            return trimmed.isEmpty() ? null : trimmed;
        };
    }

    public static Check range(int min, int max) {
        return (path, value) -> Fields.range(path, (Integer) value, min, max);
    }

    public static Check matching(Pattern pattern, String rule) {
        return (path, value) -> {
            String trimmed = ((String) value).strip();
            if (!pattern.matcher(trimmed).matches()) {
                throw new ValidationException(path, path + " must be " + rule);
            }
            return trimmed;
        };
    }

    public static Object httpPath(String path, Object value) {
        String httpPath = Fields.trimmed(path, (String) value, 1, 500);
        if (!httpPath.startsWith("/") || !NO_WHITESPACE.matcher(httpPath).matches()) {
            throw new ValidationException(path, path + " must start with / and contain no spaces");
        }
        return httpPath;
    }

    /**
     * A Google service-account key file: a JSON object with "type": "service_account", "client_email" and
     * "private_key". The messages describe what is wrong without ever repeating any of the value.
     */
    public static Object serviceAccountKey(String path, Object value) {
        Secret key = (Secret) value;
        if (key.length() > MAX_KEY_JSON) {
            throw new ValidationException(path, path + " must be at most " + MAX_KEY_JSON + " characters");
        }
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(key.reveal()))) {
            JsonStructure parsed = reader.read();
            if (!(parsed instanceof JsonObject o)) {
                throw new ValidationException(path, path + " must be a JSON object (a service-account key file)");
            }
            object = o;
        } catch (JsonException | IllegalStateException unparseable) {
            // The parser's message may quote the input: it is dropped on purpose.
            throw new ValidationException(path, path + " is not valid JSON; paste the service-account key file as it is");
        }
        if (!"service_account".equals(string(object, "type"))) {
            throw new ValidationException(path, path + " must be a service-account key: its \"type\" must be \"service_account\"");
        }
        for (String required : List.of("client_email", "private_key")) {
            String field = string(object, required);
            if (field == null || field.isBlank()) {
                throw new ValidationException(path, path + " must contain \"" + required + "\"");
            }
        }
        return key;
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }
}
