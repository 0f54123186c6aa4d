package dev.envplane.target;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.environment.Environment;

@Type("Deferral")
@Description("The environment a target defers to, resolved now, and what a runner passes to dbt.")
public record Deferral(
        @NonNull @Description("The environment the deferral resolved to.") Environment environment,
        @NonNull @Description("Where that environment's state (manifest.json) is: envplane.deferral.state-location with its id.")
        String stateLocation,
        @NonNull @Description("The dbt flags: --defer --state <stateLocation>, plus --favor-state when asked.") List<@NonNull String> flags) {
}
