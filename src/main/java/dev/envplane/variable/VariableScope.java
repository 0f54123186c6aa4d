package dev.envplane.variable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** Where a value applies, declared lowest precedence first: a JOB value wins over an ENVIRONMENT one, which wins over the default. */
@Enum("EnvironmentVariableScope")
@Description("Where a value applies: the project default, one environment (which overrides the default), or one job "
        + "(which overrides both).")
public enum VariableScope {
    PROJECT_DEFAULT,
    ENVIRONMENT,
    JOB;

    /** Whether a value of this scope wins over one of {@code other} when both apply. */
    boolean outranks(VariableScope other) {
        return ordinal() > other.ordinal();
    }
}
