package dev.envplane.target;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an environment variable's value comes from.")
public enum VariableSource {
    @Description("Set by envplane like dbt Cloud does: DBT_ENV, DBT_CLOUD_ENVIRONMENT_NAME, DBT_CLOUD_ENVIRONMENT_TYPE.")
    BUILT_IN,
    @Description("The project's default value.")
    PROJECT_DEFAULT,
    @Description("The environment's own value, which wins over the project default.")
    ENVIRONMENT,
    @Description("The job's own value (a job's target only), which wins over the environment's and the project default.")
    JOB
}
