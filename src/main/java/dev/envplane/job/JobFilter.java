package dev.envplane.job;

import java.util.UUID;

import io.quarkus.panache.common.Parameters;

/** The filters of the jobs query; every one given must hold. */
record JobFilter(UUID projectId, UUID environmentId, JobTrigger trigger) {

    void appendTo(StringBuilder where, Parameters params) {
        if (projectId != null) {
            where.append(" and projectId = :projectId");
            params.and("projectId", projectId);
        }
        if (environmentId != null) {
            where.append(" and environmentId = :environmentId");
            params.and("environmentId", environmentId);
        }
        if (trigger != null) {
            // one boolean column per trigger: the column name comes from the enum, never from input text
            where.append(" and ").append(switch (trigger) {
                case SCHEDULE -> "triggerSchedule";
                case GIT_PUSH -> "triggerGitPush";
                case PULL_REQUEST -> "triggerPullRequest";
                case MANUAL -> "triggerManual";
            }).append(" = true");
        }
    }
}
