package dev.envplane.mesh;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.envplane.environment.DeploymentType;

@Input("UpstreamInput")
public record UpstreamInput(
        @NonNull @Id String projectId,
        @Description("Let a STAGING environment read the upstream's PRODUCTION when it has no STAGING one; default false.")
        Boolean stagingMayReadProduction,
        @Description("What a GENERAL environment reads: PRODUCTION (default) or STAGING.") DeploymentType generalReads) {
}
