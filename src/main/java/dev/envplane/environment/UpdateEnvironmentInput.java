package dev.envplane.environment;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("UpdateEnvironmentInput")
@Description("Fields left out keep their value. type cannot change. useCustomBranch: false clears the custom branch.")
public record UpdateEnvironmentInput(
        String name,
        @Description("Only accepted when equal to the current type: an environment's type never changes.") EnvironmentType type,
        DeploymentType deploymentType,
        String dbtVersion,
        String targetName,
        Boolean useCustomBranch,
        String customBranch,
        @Id @Description("The warehouse connection this environment runs against.") String connectionId,
        ConnectionOverridesInput connectionOverrides,
        @Description("Replaces the extended attributes; an empty string clears them.") String extendedAttributes,
        @Description("Replaces the deferral; deferTo: null stops deferring, leaving it out keeps it.") DeferToInput deferTo) {
}
