package dev.envplane.environment;

import java.util.List;
import java.util.regex.Pattern;

import dev.envplane.api.ValidationException;

/**
 * The dbt versions an environment may run, as dbt Cloud accepts them: a release track (dbt Core or Fusion), or a
 * pinned minor version such as 1.9, 1.9.0-latest or 1.10.0-pre.
 */
final class DbtVersions {

    static final String DEFAULT = "latest";
    static final List<String> TRACKS = List.of("latest", "compatible", "extended", "fallback", "versionless",
            "latest-fusion", "fusion-latest", "fusion-compatible", "fusion-extended", "fusion-fallback");
    private static final Pattern MINOR = Pattern.compile("[0-9]{1,3}\\.[0-9]{1,3}(\\.0-(latest|pre))?");

    private DbtVersions() {
    }

    static String check(String version) {
        if (version == null) {
            return DEFAULT;
        }
        if (TRACKS.contains(version) || MINOR.matcher(version).matches()) {
            return version;
        }
        throw new ValidationException("dbtVersion", "dbtVersion must be one of " + String.join(", ", TRACKS)
                + ", or a minor version X.Y, X.Y.0-latest or X.Y.0-pre");
    }
}
