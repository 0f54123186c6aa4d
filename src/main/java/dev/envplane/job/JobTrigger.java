package dev.envplane.job;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** What starts a job's run. GIT_PUSH and PULL_REQUEST make it a CI job. */
@Enum("JobTrigger")
@Description("What starts a run: its cron schedule, a git push or a pull request (CI jobs), or a person or API call.")
public enum JobTrigger {
    SCHEDULE,
    GIT_PUSH,
    PULL_REQUEST,
    MANUAL
}
