package dev.envplane.local.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses Vault policy text: the HCL form ({@code path "secret/*" { capabilities = ["read"] }}, with #, //
 * and block comments) and the JSON form ({@code {"path":{"secret/*":{"capabilities":["read"]}}}}).
 * Everything Vault's open-source ACL enforces is parsed and enforced (capabilities, allowed, denied and
 * required parameters, min and max wrapping TTL); anything else is refused, never silently ignored.
 */
final class PolicyParser {

    /** Keys of a path block that Vault accepts only with features this server does not have. */
    private static final Set<String> UNSUPPORTED_PATH_KEYS = Set.of(
            "mfa_methods", "control_group", "subscribe_event_types", "list_scan_response_keys_filter_path");

    private final String text;
    private int position;

    private PolicyParser(String text) {
        this.text = text;
    }

    static AclPolicy parse(String name, String text) {
        String trimmed = text.strip();
        Object document = trimmed.startsWith("{") ? parseJson(trimmed) : new PolicyParser(trimmed).parseBody(false);
        List<AclPolicy.Rule> rules = new ArrayList<>();
        collectRules(document, rules);
        return new AclPolicy(name, text, rules);
    }

    // ---- interpretation -------------------------------------------------------------------------

    /** A body is a list of entries: {@code key = value} or {@code key "label" { body }}. */
    private record Entry(String key, List<String> labels, Object value) {
    }

    /** An unquoted HCL value (a number, true or false): typed like Vault's HCL decoder types it. */
    private record Bare(String text) {
    }

    private static void collectRules(Object document, List<AclPolicy.Rule> rules) {
        for (Entry entry : entries(document, "policy")) {
            if (entry.key().equals("name")) {
                continue;
            }
            if (!entry.key().equals("path")) {
                throw new PolicyParseException("invalid key \"" + entry.key() + "\"");
            }
            if (entry.labels().size() == 1) {
                rules.add(rule(entry.labels().get(0), entry.value()));
            } else if (entry.labels().isEmpty()) {
                // path = { "a/*" = { ... } } and the JSON form: the keys of the object are the patterns.
                for (Entry pathEntry : entries(entry.value(), "path")) {
                    rules.add(rule(pathEntry.key(), pathEntry.value()));
                }
            } else {
                throw new PolicyParseException("path block needs exactly one pattern");
            }
        }
    }

    private static AclPolicy.Rule rule(String pattern, Object body) {
        String where = "path \"" + pattern + "\"";
        if (pattern.contains("+*")) {
            throw new PolicyParseException(where + ": invalid use of wildcards ('+*' is forbidden)");
        }
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        Map<String, List<JsonNode>> allowed = null;
        Map<String, List<JsonNode>> denied = null;
        List<String> required = List.of();
        long minWrappingTtl = 0;
        long maxWrappingTtl = 0;
        for (Entry entry : entries(body, where)) {
            switch (entry.key()) {
                case "capabilities" -> capabilities.addAll(strings(entry.value(), where + ": capabilities")
                        .stream().map(value -> parseCapability(where, value)).toList());
                case "policy" -> capabilities.addAll(legacyPolicy(pattern, String.valueOf(entry.value())));
                case "allowed_parameters" -> allowed = parameters(entry.value(), where + ": allowed_parameters");
                case "denied_parameters" -> denied = parameters(entry.value(), where + ": denied_parameters");
                case "required_parameters" -> required = strings(entry.value(), where + ": required_parameters");
                case "min_wrapping_ttl" -> minWrappingTtl = duration(entry.value(), where, "min_wrapping_ttl");
                case "max_wrapping_ttl" -> maxWrappingTtl = duration(entry.value(), where, "max_wrapping_ttl");
                case "comment" -> {
                    // a comment, as in Vault
                }
                default -> throw new PolicyParseException(UNSUPPORTED_PATH_KEYS.contains(entry.key())
                        ? where + ": \"" + entry.key() + "\" is not supported by this server (Vault Enterprise or events)"
                        : where + ": invalid key \"" + entry.key() + "\"");
            }
        }
        if (minWrappingTtl != 0 && maxWrappingTtl != 0 && maxWrappingTtl < minWrappingTtl) {
            throw new PolicyParseException(where + ": max_wrapping_ttl cannot be less than min_wrapping_ttl");
        }
        String normalized = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        return new AclPolicy.Rule(normalized,
                new Permissions(capabilities, allowed, denied, required, minWrappingTtl, maxWrappingTtl));
    }

    private static Capability parseCapability(String where, String name) {
        try {
            return Capability.parse(name);
        } catch (PolicyParseException e) {
            throw new PolicyParseException(where + ": " + e.getMessage());
        }
    }

    private static List<String> strings(Object value, String what) {
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw new PolicyParseException(what + " must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** {@code { "name" = [values] }}: names are matched in lower case, an empty list allows any value. */
    private static Map<String, List<JsonNode>> parameters(Object value, String what) {
        Map<String, List<JsonNode>> parameters = new LinkedHashMap<>();
        for (Entry entry : entries(value, what)) {
            Object values = entry.value();
            if (!(values instanceof List<?> list)) {
                throw new PolicyParseException(what + ": \"" + entry.key() + "\" must be a list of values");
            }
            List<JsonNode> nodes = isEntryList(list) ? List.of(toJson(list)) : list.stream().map(PolicyParser::toJson).toList();
            parameters.put(entry.key().toLowerCase(Locale.ROOT), nodes);
        }
        return parameters;
    }

    private static long duration(Object value, String where, String key) {
        String text = value instanceof Bare bare ? bare.text() : value instanceof JsonNode node ? node.asText()
                : value instanceof String string ? string : null;
        if (text == null) {
            throw new PolicyParseException(where + ": error parsing " + key + ": not a duration");
        }
        try {
            return Durations.seconds(text);
        } catch (VaultException | NumberFormatException e) {
            throw new PolicyParseException(where + ": error parsing " + key + ": invalid duration \"" + text + "\"");
        }
    }

    /** A parameter value as JSON: quoted strings stay strings, bare words become numbers or booleans. */
    private static JsonNode toJson(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String string) {
            return Json.MAPPER.getNodeFactory().textNode(string);
        }
        if (value instanceof Bare bare) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(bare.text());
                return parsed != null && (parsed.isNumber() || parsed.isBoolean()) ? parsed
                        : Json.MAPPER.getNodeFactory().textNode(bare.text());
            } catch (JsonProcessingException e) {
                return Json.MAPPER.getNodeFactory().textNode(bare.text());
            }
        }
        if (value == null) {
            return Json.MAPPER.getNodeFactory().nullNode();
        }
        List<?> list = (List<?>) value;
        if (isEntryList(list)) {
            ObjectNode object = Json.object();
            list.forEach(item -> object.set(((Entry) item).key(), toJson(((Entry) item).value())));
            return object;
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        list.forEach(item -> array.add(toJson(item)));
        return array;
    }

    /** The pre-0.9 {@code policy = "read"} shorthand, expanded as Vault expands it. */
    private static Set<Capability> legacyPolicy(String pattern, String policy) {
        return switch (policy) {
            case "deny" -> EnumSet.of(Capability.DENY);
            case "read" -> EnumSet.of(Capability.READ, Capability.LIST);
            case "write" -> EnumSet.of(Capability.CREATE, Capability.READ, Capability.UPDATE, Capability.DELETE,
                    Capability.LIST);
            case "sudo" -> EnumSet.of(Capability.CREATE, Capability.READ, Capability.UPDATE, Capability.DELETE,
                    Capability.LIST, Capability.SUDO);
            default -> throw new PolicyParseException("path \"" + pattern + "\": invalid policy \"" + policy + "\"");
        };
    }

    private static Object parseJson(String json) {
        try {
            return fromJson(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new PolicyParseException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** Converts JSON into the same shape the HCL parser produces, so one interpreter serves both. */
    private static Object fromJson(JsonNode node) {
        if (node.isObject()) {
            List<Entry> entries = new ArrayList<>();
            node.properties().forEach(field -> entries.add(new Entry(field.getKey(), List.of(),
                    fromJson(field.getValue()))));
            return entries;
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            node.forEach(item -> values.add(fromJson(item)));
            boolean allObjects = !values.isEmpty() && values.stream().allMatch(PolicyParser::isEntryList);
            // HCL-JSON allows "path": [{"a/*": {...}}, {"b": {...}}]: flatten such arrays into one object.
            return allObjects ? values.stream().flatMap(v -> ((List<?>) v).stream()).toList() : values;
        }
        return node.isNull() ? null : node.isTextual() ? node.asText() : node;
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> entries(Object value, String what) {
        if (value instanceof List<?> list && (list.isEmpty() || isEntryList(list))) {
            return (List<Entry>) list;
        }
        throw new PolicyParseException(what + ": expected a block");
    }

    private static boolean isEntryList(Object value) {
        return value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof Entry);
    }

    // ---- HCL --------------------------------------------------------------------------------------

    private List<Entry> parseBody(boolean nested) {
        List<Entry> entries = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (atEnd()) {
                if (nested) {
                    throw error("unexpected end of policy, missing '}'");
                }
                return entries;
            }
            if (peek() == '}') {
                if (!nested) {
                    throw error("unexpected '}'");
                }
                position++;
                return entries;
            }
            if (peek() == ',') {
                position++;
                continue;
            }
            String key = parseKey();
            skipSpaceAndComments();
            if (!atEnd() && (peek() == '=' || peek() == ':')) {
                position++;
                entries.add(new Entry(key, List.of(), parseValue()));
                continue;
            }
            List<String> labels = new ArrayList<>();
            while (!atEnd() && peek() != '{') {
                labels.add(parseKey());
                skipSpaceAndComments();
            }
            expect('{');
            entries.add(new Entry(key, labels, parseBody(true)));
        }
    }

    private Object parseValue() {
        skipSpaceAndComments();
        if (atEnd()) {
            throw error("expected a value");
        }
        char c = peek();
        if (c == '"') {
            return parseString();
        }
        if (c == '[') {
            position++;
            List<Object> values = new ArrayList<>();
            while (true) {
                skipSpaceAndComments();
                if (atEnd()) {
                    throw error("unterminated list");
                }
                if (peek() == ']') {
                    position++;
                    return values;
                }
                if (peek() == ',') {
                    position++;
                    continue;
                }
                values.add(parseValue());
            }
        }
        if (c == '{') {
            position++;
            return parseBody(true);
        }
        if (c == '<' && text.startsWith("<<", position)) {
            return parseHeredoc();
        }
        return new Bare(parseBareWord());
    }

    private String parseKey() {
        skipSpaceAndComments();
        if (atEnd()) {
            throw error("expected a name");
        }
        return peek() == '"' ? parseString() : parseBareWord();
    }

    private String parseBareWord() {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || "_-.".indexOf(peek()) >= 0)) {
            position++;
        }
        if (start == position) {
            throw error("unexpected character '" + peek() + "'");
        }
        return text.substring(start, position);
    }

    private String parseString() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\n') {
                throw error("newline in string");
            }
            if (c == '\\') {
                if (atEnd()) {
                    throw error("unterminated string");
                }
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'u' -> {
                        if (position + 4 > text.length()) {
                            throw error("bad unicode escape");
                        }
                        value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                        position += 4;
                    }
                    default -> value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
    }

    private String parseHeredoc() {
        position += 2;
        if (!atEnd() && peek() == '-') {
            position++;
        }
        String marker = parseBareWord();
        int bodyStart = text.indexOf('\n', position) + 1;
        int end = text.indexOf("\n" + marker, bodyStart - 1);
        if (bodyStart == 0 || end < 0) {
            throw error("unterminated heredoc");
        }
        position = end + 1 + marker.length();
        return text.substring(bodyStart, Math.max(bodyStart, end));
    }

    private void skipSpaceAndComments() {
        while (!atEnd()) {
            char c = peek();
            if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '#' || text.startsWith("//", position)) {
                while (!atEnd() && peek() != '\n') {
                    position++;
                }
            } else if (text.startsWith("/*", position)) {
                int end = text.indexOf("*/", position + 2);
                if (end < 0) {
                    throw error("unterminated comment");
                }
                position = end + 2;
            } else {
                return;
            }
        }
    }

    private void expect(char c) {
        skipSpaceAndComments();
        if (atEnd() || peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }

    private PolicyParseException error(String message) {
        int line = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new PolicyParseException("line " + line + ": " + message);
    }
}
