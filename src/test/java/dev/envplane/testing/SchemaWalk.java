package dev.envplane.testing;

import static dev.envplane.testing.GraphQL.execute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;

/**
 * Reads the schema through introspection (the server must have it on) and writes, for a root field, a selection of
 * every field without required arguments that is reachable from it, down to a depth: a new output field is read
 * by the canary test the day it is added, without anyone remembering to add it there.
 */
public final class SchemaWalk {

    /** An output field named like a secret value rather than a flag about it ({@code privateKeySet}). */
    private static final Pattern SECRET_VALUE_NAME = Pattern.compile("(?i).*(password|token|privatekey|passphrase|keyjson|secretvalue)$");

    /**
     * Named like a secret but holding none: a Vault response-wrapping token opens the secrets once, on Vault, for the
     * runner it is handed to (deliverSecrets, a mutation: no query reaches it), and the values never pass through
     * envplane. SecretDeliveryTest proves it is single use and that no value is in any response, log line or row.
     */
    private static final List<String> NOT_SECRET_VALUES = List.of("WrappedSecret.wrappingToken");

    private static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

    private final Map<String, Map<String, Object>> types = new HashMap<>();

    private SchemaWalk() {
    }

    public static SchemaWalk introspect() {
        JsonPath schema = execute("{ __schema { types { name kind possibleTypes { name } fields { name "
                + "args { name defaultValue type { " + TYPE_REF + " } } type { " + TYPE_REF + " } } } } }")
                .extract().jsonPath();
        SchemaWalk walk = new SchemaWalk();
        List<Map<String, Object>> all = schema.getList("data.__schema.types");
        if (all == null || all.isEmpty()) {
            throw new AssertionError("Introspection answered no types: is it on? " + schema.prettify());
        }
        all.forEach(type -> walk.types.put((String) type.get("name"), type));
        return walk;
    }

    /** Output fields, on every type of the schema but GraphQL's own, whose names say they hold a secret's value. */
    @SuppressWarnings("unchecked")
    public List<String> fieldsNamedLikeSecretValues() {
        List<String> found = new ArrayList<>();
        types.forEach((name, type) -> {
            List<Map<String, Object>> fields = (List<Map<String, Object>>) type.get("fields");
            if (name.startsWith("__") || fields == null) {
                return;
            }
            fields.stream().map(field -> (String) field.get("name")).filter(field -> SECRET_VALUE_NAME.matcher(field).matches())
                    .map(field -> name + "." + field).filter(field -> !NOT_SECRET_VALUES.contains(field)).forEach(found::add);
        });
        return found;
    }

    /** The selection set of every reachable field of {@code typeName}, at most {@code depth} levels deep. */
    public String selectionOf(String typeName, int depth) {
        return selection(typeName, depth, new HashSet<>());
    }

    @SuppressWarnings("unchecked")
    private String selection(String typeName, int depth, Set<String> onPath) {
        Map<String, Object> type = types.get(typeName);
        String kind = (String) type.get("kind");
        StringBuilder out = new StringBuilder("{ __typename");
        if (kind.equals("INTERFACE") || kind.equals("UNION")) {
            for (Map<String, Object> possible : (List<Map<String, Object>>) type.get("possibleTypes")) {
                String concrete = (String) possible.get("name");
                out.append(" ... on ").append(concrete).append(' ').append(selection(concrete, depth, onPath));
            }
            return out.append(" }").toString();
        }
        onPath.add(typeName);
        for (Map<String, Object> field : (List<Map<String, Object>>) type.get("fields")) {
            if (hasRequiredArgument(field)) {
                continue;
            }
            String named = namedType((Map<String, Object>) field.get("type"));
            String namedKind = (String) types.get(named).get("kind");
            if (namedKind.equals("SCALAR") || namedKind.equals("ENUM")) {
                out.append(' ').append(field.get("name"));
            } else if (depth > 1 && !onPath.contains(named)) {
                out.append(' ').append(field.get("name")).append(' ').append(selection(named, depth - 1, onPath));
            }
        }
        onPath.remove(typeName);
        return out.append(" }").toString();
    }

    @SuppressWarnings("unchecked")
    private static boolean hasRequiredArgument(Map<String, Object> field) {
        return ((List<Map<String, Object>>) field.get("args")).stream().anyMatch(arg -> arg.get("defaultValue") == null
                && "NON_NULL".equals(((Map<String, Object>) arg.get("type")).get("kind")));
    }

    @SuppressWarnings("unchecked")
    private static String namedType(Map<String, Object> type) {
        Map<String, Object> current = type;
        while (current.get("name") == null) {
            current = (Map<String, Object>) current.get("ofType");
        }
        return (String) current.get("name");
    }
}
