package dev.envplane.environment;

import java.util.regex.Pattern;

import dev.envplane.api.ValidationException;

/** dbt's {@code target.name}: a key of the profile's outputs, used in {@code dbt build --target <name>}. */
final class TargetNames {

    static final String DEFAULT = "default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");

    private TargetNames() {
    }

    static String check(String name) {
        if (name == null) {
            return DEFAULT;
        }
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException("targetName", "targetName must be 1 to 64 letters, digits, underscores or hyphens, "
                    + "not starting with a hyphen");
        }
        return name;
    }
}
