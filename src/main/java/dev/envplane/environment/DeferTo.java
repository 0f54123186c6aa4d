package dev.envplane.environment;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;

@Type("DeferTo")
@Description("The deferral as set: one of environmentId or deploymentType. DeploymentTarget.deferTo resolves it.")
public record DeferTo(@Id UUID environmentId, DeploymentType deploymentType) {

    /** Whether {@code candidate} (of the same project) is the environment this deferral names. */
    public boolean names(Environment candidate) {
        return environmentId != null ? environmentId.equals(candidate.getId()) : deploymentType == candidate.getDeploymentType();
    }

    /** For messages: "environment <id>" or "the STAGING environment". */
    public String describe() {
        return environmentId != null ? "environment " + environmentId : "the " + deploymentType + " environment";
    }
}
