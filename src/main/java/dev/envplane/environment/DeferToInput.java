package dev.envplane.environment;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import io.smallrye.graphql.api.OneOf;

@Input("DeferToInput")
@OneOf
@Description("The environment of the same project whose state (manifest) dbt defers to: by id, or, better, by deployment "
        + "type (resolved each time the target is read, so it follows the environment holding that place). Exactly one.")
public record DeferToInput(@Id String environmentId, DeploymentType deploymentType) {
}
