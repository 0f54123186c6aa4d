package dev.envplane.variable;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A variable with the values it has, built from its rows (no further loading). */
@Type("EnvironmentVariable")
@Description("An environment variable of a project: its project default, its per-environment and its per-job values.")
public class EnvironmentVariableView {

    private final EnvironmentVariable variable;
    private final List<VariableValue> values;

    /** {@code values}: the variable's rows; cleared secrets are left out. */
    EnvironmentVariableView(EnvironmentVariable variable, List<VariableValue> values) {
        this.variable = variable;
        this.values = values.stream().filter(VariableValue::isSet)
                .sorted(Comparator.comparing(VariableValue::environmentId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(VariableValue::jobId, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    UUID projectId() {
        return variable.projectId();
    }

    @Id
    @NonNull
    public UUID getId() {
        return variable.id();
    }

    @NonNull
    public String getName() {
        return variable.name();
    }

    @Description("True for DBT_ENV_SECRET_* names: values live in Vault only and are never returned.")
    public boolean isSecret() {
        return variable.secret();
    }

    @Description("The value every environment gets unless it has its own; null when there is none.")
    public VariableValueView getProjectDefault() {
        return values.stream().filter(value -> value.scope() == VariableScope.PROJECT_DEFAULT).findFirst()
                .map(value -> new VariableValueView(value, variable.secret())).orElse(null);
    }

    @NonNull
    @Description("The values of single environments, ordered by environment id.")
    public List<@NonNull VariableValueView> getEnvironmentValues() {
        return values.stream().filter(value -> value.scope() == VariableScope.ENVIRONMENT)
                .map(value -> new VariableValueView(value, variable.secret())).toList();
    }

    @NonNull
    @Description("The values of single jobs, ordered by job id; they override the environment's value and the project default.")
    public List<@NonNull VariableValueView> getJobValues() {
        return values.stream().filter(value -> value.scope() == VariableScope.JOB)
                .map(value -> new VariableValueView(value, variable.secret())).toList();
    }

    @NonNull
    public Instant getCreatedAt() {
        return variable.getCreatedAt();
    }
}
