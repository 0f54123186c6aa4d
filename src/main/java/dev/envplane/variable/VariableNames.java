package dev.envplane.variable;

import java.util.regex.Pattern;

import dev.envplane.api.ValidationException;

/** The naming rule of environment variables, as dbt Cloud has it. */
final class VariableNames {

    static final String SECRET_PREFIX = "DBT_ENV_SECRET_";
    static final int MAX_LENGTH = 255;
    private static final Pattern NAME = Pattern.compile("DBT_[A-Za-z0-9_]+");

    private VariableNames() {
    }

    /** The name as given (no trimming: a name is an identifier), or VALIDATION on {@code field}. */
    static String check(String field, String name) {
        if (name == null) {
            throw new ValidationException(field, field + " is required");
        }
        if (name.length() > MAX_LENGTH || !NAME.matcher(name).matches()) {
            throw new ValidationException(field, field + " must start with DBT_ followed by letters, digits or underscores, at most "
                    + MAX_LENGTH + " characters in all");
        }
        if (name.equals(SECRET_PREFIX) || name.equals("DBT_ENV_CUSTOM_ENV_")) {
            throw new ValidationException(field, field + " needs a name after the prefix " + name);
        }
        return name;
    }

    static boolean isSecret(String name) {
        return name.startsWith(SECRET_PREFIX);
    }
}
