package dev.envplane.variable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** Where a value applies. Precedence, highest first: ENVIRONMENT, PROJECT_DEFAULT (a JOB scope comes with jobs). */
@Enum("EnvironmentVariableScope")
@Description("Where a value applies: the project default, or one environment (which overrides the default).")
public enum VariableScope {
    PROJECT_DEFAULT,
    ENVIRONMENT
}
