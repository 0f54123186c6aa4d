package dev.envplane.target;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import dev.envplane.environment.DeploymentType;
import io.smallrye.graphql.api.OneOf;

@Input("EnvironmentRef")
@OneOf
@Description("An environment of the project: by id, by name, or by deployment type (PRODUCTION and STAGING have at most "
        + "one holder; GENERAL works when the project has exactly one). Exactly one of them.")
public record EnvironmentRef(@Id String id, String name, DeploymentType deploymentType) {
}
