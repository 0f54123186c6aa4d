package dev.envplane.variable;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateEnvironmentVariableInput")
public record CreateEnvironmentVariableInput(
        @NonNull @Id String projectId,
        @NonNull @Description("DBT_ followed by letters, digits or underscores (at most 255 characters), unique in the project. "
                + "DBT_ENV_SECRET_* names are secret: their values go to Vault only and are never returned.") String name,
        @Description("The value every environment gets unless it has its own (1 to 10,000 characters).") String projectDefault,
        @Description("Values of single environments of this project; they override the project default.")
        List<EnvironmentValueInput> environmentValues) {

    @Input("EnvironmentValueInput")
    public record EnvironmentValueInput(@NonNull @Id String environmentId, @NonNull String value) {
    }
}
