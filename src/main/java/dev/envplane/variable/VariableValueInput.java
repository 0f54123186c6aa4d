package dev.envplane.variable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("EnvironmentVariableValueInput")
@Description("One value to set or clear: of the variable named name, in environmentId or for jobId (at most one of the two), "
        + "or the project default when both are left out.")
public record VariableValueInput(
        @NonNull @Description("An existing variable of the project.") String name,
        @Id @Description("An environment of the project; leave it and jobId out for the project default.") String environmentId,
        @Id @Description("A job of the project: its value wins over its environment's and the project default.") String jobId,
        @Description("The new value (1 to 10,000 characters), or null to clear it.") String value) {
}
