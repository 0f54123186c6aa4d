package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Vault's matching of a request parameter's value against a policy's allowed or denied values. */
final class ParameterValues {

    private ParameterValues() {
    }

    /** Every element of an array (or of a comma-separated string) must be allowed. */
    static boolean inAllowedList(JsonNode value, List<JsonNode> allowed) {
        if (allowed.isEmpty() || inList(value, allowed)) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!inList(element, allowed)) {
                    return false;
                }
            }
            return true;
        }
        if (value.isTextual()) {
            return commaSeparated(value.asText()).allMatch(part -> inList(text(part), allowed));
        }
        return false;
    }

    /** One denied element of an array (or of a comma-separated string) denies the request. */
    static boolean inDeniedList(JsonNode value, List<JsonNode> denied) {
        if (denied.isEmpty() || inList(value, denied)) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (inList(element, denied)) {
                    return true;
                }
            }
            return false;
        }
        if (value.isTextual()) {
            return commaSeparated(value.asText()).anyMatch(part -> inList(text(part), denied));
        }
        return false;
    }

    /**
     * Strings match with Vault's globs ({@code *} at the start and/or the end); other values must be equal.
     * A value holding a JSON number never matches: Vault decodes request numbers as json.Number, which equals
     * no policy value (not even inside an object).
     */
    private static boolean inList(JsonNode value, List<JsonNode> list) {
        for (JsonNode element : list) {
            if (element.isNull() || value.isNull()) {
                if (element.isNull() && value.isNull()) {
                    return true;
                }
            } else if (element.isTextual()) {
                if (value.isTextual() && globMatches(element.asText(), value.asText())) {
                    return true;
                }
            } else if (!containsNumber(value) && element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsNumber(JsonNode value) {
        if (value.isNumber()) {
            return true;
        }
        for (JsonNode child : value) {
            if (containsNumber(child)) {
                return true;
            }
        }
        return false;
    }

    /** strutil.GlobbedStringsMatch. */
    static boolean globMatches(String pattern, String value) {
        if (pattern.length() < 2) {
            return value.equals(pattern);
        }
        boolean prefix = pattern.startsWith("*");
        boolean suffix = pattern.endsWith("*");
        if (prefix && suffix) {
            return value.contains(pattern.substring(1, pattern.length() - 1));
        }
        if (prefix) {
            return value.endsWith(pattern.substring(1));
        }
        if (suffix) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return value.equals(pattern);
    }

    private static Stream<String> commaSeparated(String value) {
        // mapstructure's string-to-slice hook: "" is no element at all, "a,,b" has an empty one.
        return value.isEmpty() ? Stream.empty() : Arrays.stream(value.split(",", -1)).map(String::trim);
    }

    private static JsonNode text(String value) {
        return Json.MAPPER.getNodeFactory().textNode(value);
    }
}
