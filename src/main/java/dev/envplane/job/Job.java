package dev.envplane.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.database.Tracked;
import dev.envplane.environment.DeferTo;
import dev.envplane.environment.DeploymentType;

/** A dbt job: ordered dbt commands run in one deployment environment. Also its GraphQL output type. */
@Entity
@Table(name = "job")
@Type("Job")
@Description("A dbt job: ordered dbt commands that run in one deployment environment when one of its triggers fires.")
public class Job extends Tracked {

    /** Steps are stored one per line: a parsed command never contains a line break. */
    private static final String STEP_SEPARATOR = "\n";

    @jakarta.persistence.Id
    private UUID id;
    @Column(name = "project_id", updatable = false)
    private UUID projectId;
    @Column(name = "environment_id")
    private UUID environmentId;
    private String name;
    private String steps;
    @Column(name = "trigger_schedule")
    private boolean triggerSchedule;
    @Column(name = "trigger_git_push")
    private boolean triggerGitPush;
    @Column(name = "trigger_pull_request")
    private boolean triggerPullRequest;
    @Column(name = "trigger_manual")
    private boolean triggerManual;
    private String schedule;
    @Column(name = "target_name_override")
    private String targetNameOverride;
    private Integer threads;
    @Column(name = "generate_docs")
    private boolean generateDocs;
    @Column(name = "run_source_freshness")
    private boolean runSourceFreshness;
    @Column(name = "defer_to_environment_id")
    private UUID deferToEnvironmentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "defer_to_deployment_type")
    private DeploymentType deferToDeploymentType;

    protected Job() {
    }

    Job(UUID projectId, UUID environmentId) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.environmentId = environmentId;
    }

    @Id
    @NonNull
    public UUID getId() {
        return id;
    }

    @Ignore
    public UUID getProjectId() {
        return projectId;
    }

    @Ignore
    public UUID getEnvironmentId() {
        return environmentId;
    }

    void moveTo(UUID environmentId) {
        this.environmentId = environmentId;
    }

    @NonNull
    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    @NonNull
    @Description("The dbt commands in the order they run, as parsed (one space between arguments, quotes where needed).")
    public List<@NonNull String> getSteps() {
        return List.of(steps.split(STEP_SEPARATOR));
    }

    void setSteps(List<String> parsed) {
        this.steps = String.join(STEP_SEPARATOR, parsed);
    }

    @NonNull
    @Description("What starts a run, in a fixed order.")
    public List<@NonNull JobTrigger> getTriggers() {
        List<JobTrigger> triggers = new ArrayList<>();
        if (triggerSchedule) {
            triggers.add(JobTrigger.SCHEDULE);
        }
        if (triggerGitPush) {
            triggers.add(JobTrigger.GIT_PUSH);
        }
        if (triggerPullRequest) {
            triggers.add(JobTrigger.PULL_REQUEST);
        }
        if (triggerManual) {
            triggers.add(JobTrigger.MANUAL);
        }
        return triggers;
    }

    void setTriggers(Set<JobTrigger> triggers) {
        Set<JobTrigger> given = triggers.isEmpty() ? EnumSet.noneOf(JobTrigger.class) : EnumSet.copyOf(triggers);
        triggerSchedule = given.contains(JobTrigger.SCHEDULE);
        triggerGitPush = given.contains(JobTrigger.GIT_PUSH);
        triggerPullRequest = given.contains(JobTrigger.PULL_REQUEST);
        triggerManual = given.contains(JobTrigger.MANUAL);
    }

    @Description("The cron schedule (5 fields: minute hour day-of-month month day-of-week, UTC), present exactly when "
            + "SCHEDULE is a trigger.")
    public String getSchedule() {
        return schedule;
    }

    void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    @Description("The schedule in words, e.g. \"every hour at minute 0\"; null without a schedule.")
    public String getScheduleDescription() {
        return schedule == null ? null : CronSchedules.describe(schedule);
    }

    @Description("The next five times the schedule fires, in UTC, from now; empty without a schedule.")
    public @NonNull List<@NonNull Instant> getNextRuns() {
        return schedule == null ? List.of() : CronSchedules.nextRuns(schedule, 5);
    }

    @Description("Replaces the environment's dbt target.name for this job's runs; null keeps the environment's.")
    public String getTargetNameOverride() {
        return targetNameOverride;
    }

    void setTargetNameOverride(String targetNameOverride) {
        this.targetNameOverride = targetNameOverride;
    }

    @Description("dbt threads for this job's runs (1 to 64); null keeps the credentials' setting.")
    public Integer getThreads() {
        return threads;
    }

    void setThreads(Integer threads) {
        this.threads = threads;
    }

    @Description("Whether a run also generates the documentation (dbt docs generate).")
    public boolean isGenerateDocs() {
        return generateDocs;
    }

    void setGenerateDocs(boolean generateDocs) {
        this.generateDocs = generateDocs;
    }

    @Description("Whether a run first checks source freshness (dbt source freshness).")
    public boolean isRunSourceFreshness() {
        return runSourceFreshness;
    }

    void setRunSourceFreshness(boolean runSourceFreshness) {
        this.runSourceFreshness = runSourceFreshness;
    }

    @Description("The environment whose state this job's runs defer to, as set; null when it does not defer. Job.deferral "
            + "resolves it.")
    public DeferTo getDeferTo() {
        return deferToEnvironmentId == null && deferToDeploymentType == null ? null : new DeferTo(deferToEnvironmentId, deferToDeploymentType);
    }

    void setDeferTo(DeferTo deferTo) {
        this.deferToEnvironmentId = deferTo == null ? null : deferTo.environmentId();
        this.deferToDeploymentType = deferTo == null ? null : deferTo.deploymentType();
    }
}
