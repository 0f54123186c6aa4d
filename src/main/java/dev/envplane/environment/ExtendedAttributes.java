package dev.envplane.environment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import dev.envplane.adapter.Adapter;
import dev.envplane.api.ValidationException;

/**
 * An environment's extended attributes: a YAML mapping of dbt profile keys that override the resolved target, as in
 * dbt Cloud, but checked. Keys must be ones the adapter's profile knows; a secret key takes only a reference to a
 * secret environment variable of the project ({{ env_var('DBT_ENV_SECRET_...') }}), never a literal. Messages name
 * keys, lines and columns, never a value.
 */
public final class ExtendedAttributes {

    static final String FIELD = "extendedAttributes";
    private static final int MAX_LENGTH = 16_384;
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\{\\{\\s*env_var\\(\\s*['\"](DBT_ENV_SECRET_[A-Za-z0-9_]+)['\"]\\s*\\)\\s*}}");

    private ExtendedAttributes() {
    }

    /** The mapping in {@code yaml}, checked against the adapter and the project's secret variables. */
    static Map<String, Object> check(String yaml, Adapter adapter, Set<String> secretVariables) {
        if (yaml.length() > MAX_LENGTH) {
            throw new ValidationException(FIELD, FIELD + " must be at most " + MAX_LENGTH + " characters");
        }
        Map<String, Object> attributes = parse(yaml);
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            String key = attribute.getKey();
            if (!adapter.extendedAttributeKeys().contains(key)) {
                throw new ValidationException(FIELD + "." + key, "'" + key + "' is not a key of the " + adapter.block()
                        + " profile; known keys: " + String.join(", ", adapter.extendedAttributeKeys()));
            }
            if (adapter.isSecretProfileKey(key)) {
                Matcher reference = attribute.getValue() instanceof String text ? SECRET_REFERENCE.matcher(text.strip()) : null;
                if (reference == null || !reference.matches()) {
                    throw new ValidationException(FIELD + "." + key, key + " is a secret: write {{ env_var('DBT_ENV_SECRET_...') }} "
                            + "naming a secret environment variable of the project, never a literal value");
                }
                if (!secretVariables.contains(reference.group(1))) {
                    throw new ValidationException(FIELD + "." + key, key + " references " + reference.group(1)
                            + ", which is not a secret environment variable of this project");
                }
            }
        }
        return attributes;
    }

    /** Parses stored attributes (checked when they were set); empty or null means none. */
    public static Map<String, Object> parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return Map.of();
        }
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException malformed) {
            // getProblem() only: the full message quotes the offending line, which may hold a secret.
            throw new ValidationException(FIELD, FIELD + " is not valid YAML at line " + (malformed.getProblemMark().getLine() + 1)
                    + ", column " + (malformed.getProblemMark().getColumn() + 1) + ": " + malformed.getProblem());
        } catch (YAMLException malformed) {
            throw new ValidationException(FIELD, FIELD + " is not valid YAML");
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> mapping)) {
            throw new ValidationException(FIELD, FIELD + " must be a YAML mapping of profile keys (key: value lines)");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        mapping.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new ValidationException(FIELD, FIELD + " keys must be text");
            }
            attributes.put(name, value);
        });
        return attributes;
    }
}
