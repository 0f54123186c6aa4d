package dev.envplane.target;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where deferred environments' state lives; the template's {environmentId} becomes the deferred environment's id. */
@ConfigMapping(prefix = "envplane.deferral")
public interface DeferralSettings {

    String ENVIRONMENT_ID = "{environmentId}";

    @WithDefault("/dbt-state/{environmentId}")
    String stateLocation();

    default String stateLocationOf(Object environmentId) {
        return stateLocation().replace(ENVIRONMENT_ID, environmentId.toString());
    }
}
