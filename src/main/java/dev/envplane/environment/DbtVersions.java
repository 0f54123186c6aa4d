package dev.envplane.environment;

import java.util.Set;
import java.util.regex.Pattern;

import dev.envplane.api.ValidationException;

/** The dbt versions an environment may track: a release track, or a minor version such as 1.9 or 1.9.0-latest. */
final class DbtVersions {

    static final String DEFAULT = "latest";
    private static final Set<String> TRACKS = Set.of("latest", "compatible", "extended", "fallback");
    private static final Pattern MINOR = Pattern.compile("[0-9]{1,3}\\.[0-9]{1,3}(\\.0-latest)?");

    private DbtVersions() {
    }

    static String check(String version) {
        if (version == null) {
            return DEFAULT;
        }
        if (TRACKS.contains(version) || MINOR.matcher(version).matches()) {
            return version;
        }
        throw new ValidationException("dbtVersion",
                "dbtVersion must be latest, compatible, extended, fallback, X.Y or X.Y.0-latest (got '" + shorten(version) + "')");
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
