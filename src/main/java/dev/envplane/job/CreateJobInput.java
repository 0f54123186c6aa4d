package dev.envplane.job;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.envplane.environment.DeferToInput;

@Input("CreateJobInput")
@Description("A new job. triggers defaults to [MANUAL]; schedule is required with SCHEDULE and refused without it.")
public record CreateJobInput(@NonNull @Id String environmentId, @NonNull String name, @NonNull List<@NonNull String> steps,
        List<JobTrigger> triggers, String schedule, String targetNameOverride, Integer threads, Boolean generateDocs,
        Boolean runSourceFreshness,
        @Description("Defer to an environment of the project (its own included): dbt --defer --state.") DeferToInput deferTo) {
}
