package dev.envplane.local.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses Vault policy text: the HCL form ({@code path "secret/*" { capabilities = ["read"] }}, with #, //
 * and block comments) and the JSON form ({@code {"path":{"secret/*":{"capabilities":["read"]}}}}).
 * Only path rules matter here; parameter constraints and other keys are parsed and ignored.
 */
final class PolicyParser {

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

    private static void collectRules(Object document, List<AclPolicy.Rule> rules) {
        for (Entry entry : entries(document, "policy")) {
            if (!entry.key().equals("path")) {
                continue;
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
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (Entry entry : entries(body, "path \"" + pattern + "\"")) {
            switch (entry.key()) {
                case "capabilities" -> {
                    if (!(entry.value() instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
                        throw new PolicyParseException("path \"" + pattern + "\": capabilities must be a list of strings");
                    }
                    list.forEach(value -> capabilities.add(Capability.parse((String) value)));
                }
                case "policy" -> capabilities.addAll(legacyPolicy(pattern, String.valueOf(entry.value())));
                default -> {
                    // allowed_parameters, required_parameters, min_wrapping_ttl...: not enforced here.
                }
            }
        }
        String normalized = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        return new AclPolicy.Rule(normalized, capabilities);
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
        return node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
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
        return parseBareWord();
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
