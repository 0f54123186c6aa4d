package dev.envplane.variable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("EnvironmentVariableValueInput")
@Description("One value to set or clear: of the variable named name, in environmentId (or the project default when it is left out).")
public record VariableValueInput(
        @NonNull @Description("An existing variable of the project.") String name,
        @Id @Description("An environment of the project; leave it out for the project default.") String environmentId,
        @Description("The new value (1 to 10,000 characters), or null to clear it.") String value) {
}
