package dev.envplane.job;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.envplane.environment.DeferToInput;

@Input("UpdateJobInput")
@Description("Changes the fields given; an explicit null clears schedule, targetNameOverride or threads. To change a "
        + "job's environment use moveJobs.")
public record UpdateJobInput(String name, List<String> steps, List<JobTrigger> triggers, String schedule,
        String targetNameOverride, Integer threads, Boolean generateDocs, Boolean runSourceFreshness,
        @Description("Replaces the deferral; deferTo: null stops deferring.") DeferToInput deferTo) {
}
