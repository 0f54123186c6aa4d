package dev.envplane.target;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a profile value comes from.")
public enum ProfileFieldSource {
    @Description("The warehouse connection.")
    CONNECTION,
    @Description("The environment's override of its connection.")
    OVERRIDE,
    @Description("The environment's deployment credentials.")
    CREDENTIALS,
    @Description("The job's own setting (its threads), in a job's target.")
    JOB,
    @Description("The environment's extended attributes.")
    EXTENDED_ATTRIBUTES,
    @Description("A fixed value of the adapter (type, method).")
    DEFAULT
}
