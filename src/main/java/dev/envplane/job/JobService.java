package dev.envplane.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;

import dev.envplane.api.NotFoundException;
import dev.envplane.api.PageRequest;
import dev.envplane.api.ValidationException;
import dev.envplane.deletion.Deletion;
import dev.envplane.environment.Environment;
import dev.envplane.environment.EnvironmentDeletionHook;
import dev.envplane.environment.EnvironmentService;
import dev.envplane.environment.EnvironmentType;
import dev.envplane.validation.Fields;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Jobs: their rules, and their removal with the environment they run in. */
@ApplicationScoped
public class JobService implements EnvironmentDeletionHook {

    static final int MAX_STEPS = 30;
    private static final Pattern TARGET_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");

    private final JobRepository jobs;
    private final EnvironmentService environments;
    private final Instance<JobDeletionHook> deletionHooks;

    JobService(JobRepository jobs, EnvironmentService environments, Instance<JobDeletionHook> deletionHooks) {
        this.jobs = jobs;
        this.environments = environments;
        this.deletionHooks = deletionHooks;
    }

    public Uni<List<Job>> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : jobs.findByIds(ids);
    }

    /**
     * The jobs, share-locked until the caller's transaction ends: what the caller attaches to them (variable values)
     * cannot race their deletion, which locks them exclusively first and then sees what was attached.
     */
    public Uni<List<Job>> lockForAttaching(Collection<UUID> ids) {
        return jobs.lockByIds(ids, LockModeType.PESSIMISTIC_READ);
    }

    public Uni<Job> findById(UUID id) {
        return jobs.findById(id);
    }

    Uni<Job> require(UUID id, String field) {
        return jobs.findById(id).onItem().ifNull().failWith(() -> NotFoundException.of(field, "Job", id));
    }

    Uni<List<Job>> page(JobFilter filter, PageRequest page) {
        return jobs.page(filter, page);
    }

    Uni<Long> count(JobFilter filter) {
        return jobs.count(filter);
    }

    /** Every listed environment's jobs ordered by name, grouped by environment id. */
    public Uni<Map<UUID, List<Job>>> findByEnvironments(Collection<UUID> environmentIds) {
        return jobs.findByEnvironments(environmentIds).map(list -> list.stream().collect(Collectors.groupingBy(Job::getEnvironmentId)));
    }

    Uni<Job> create(CreateJobInput input) {
        UUID environmentId = dev.envplane.api.Ids.parse("environmentId", input.environmentId());
        return deploymentEnvironment(environmentId, "environmentId").chain(environment -> {
            Job job = new Job(environment.getProjectId(), environment.getId());
            job.setName(Fields.requiredTrimmed("name", input.name(), 1, 255));
            job.setSteps(steps(input.steps()));
            List<JobTrigger> triggers = input.triggers() == null ? List.of(JobTrigger.MANUAL) : input.triggers();
            applySchedule(job, triggers, input.schedule());
            job.setTargetNameOverride(targetName(input.targetNameOverride()));
            job.setThreads(threads(input.threads()));
            job.setGenerateDocs(Boolean.TRUE.equals(input.generateDocs()));
            job.setRunSourceFreshness(Boolean.TRUE.equals(input.runSourceFreshness()));
            Uni<Void> deferral = input.deferTo() == null ? Uni.createFrom().voidItem()
                    : environments.jobDeferral(job.getProjectId(), input.deferTo()).invoke(job::setDeferTo).replaceWithVoid();
            return deferral.chain(() -> jobs.persist(job));
        });
    }

    Uni<Job> update(UUID id, UpdateJobInput input, Set<String> given, Integer expectedVersion) {
        return require(id, "id").invoke(job -> {
            job.requireVersion(expectedVersion, "Job '" + job.getName() + "'");
            if (given.contains("name")) {
                job.setName(Fields.requiredTrimmed("name", input.name(), 1, 255));
            }
            if (given.contains("steps")) {
                job.setSteps(steps(Fields.required("steps", input.steps())));
            }
            if (given.contains("triggers") || given.contains("schedule")) {
                List<JobTrigger> triggers = given.contains("triggers") ? Fields.required("triggers", input.triggers()) : job.getTriggers();
                applySchedule(job, triggers, given.contains("schedule") ? input.schedule() : job.getSchedule());
            }
            if (given.contains("targetNameOverride")) {
                job.setTargetNameOverride(targetName(input.targetNameOverride()));
            }
            if (given.contains("threads")) {
                job.setThreads(threads(input.threads()));
            }
            if (given.contains("generateDocs")) {
                job.setGenerateDocs(Fields.required("generateDocs", input.generateDocs()));
            }
            if (given.contains("runSourceFreshness")) {
                job.setRunSourceFreshness(Fields.required("runSourceFreshness", input.runSourceFreshness()));
            }
        }).call(job -> !given.contains("deferTo") ? Uni.createFrom().voidItem() : input.deferTo() == null
                ? Uni.createFrom().voidItem().invoke(() -> job.setDeferTo(null))
                : environments.jobDeferral(job.getProjectId(), input.deferTo()).invoke(job::setDeferTo).replaceWithVoid())
                .call(jobs::flush);
    }

    /**
     * Moves jobs to another deployment environment of the same project and adapter (dbt Cloud users move jobs before
     * deleting an environment to keep them). Every job must be in {@code fromEnvironmentId}; all move or none.
     */
    Uni<List<Job>> move(UUID fromId, UUID toId, List<UUID> jobIds) {
        if (fromId.equals(toId)) {
            throw new ValidationException("toEnvironmentId", "toEnvironmentId must be another environment than fromEnvironmentId");
        }
        if (jobIds.isEmpty()) {
            throw new ValidationException("jobIds", "jobIds must name at least one job");
        }
        return environments.require(fromId, "fromEnvironmentId").chain(from -> deploymentEnvironment(toId, "toEnvironmentId")
                .invoke(to -> {
                    if (!to.getProjectId().equals(from.getProjectId())) {
                        throw new ValidationException("toEnvironmentId", "Jobs move within their project; '" + to.getName()
                                + "' belongs to another project");
                    }
                    if (from.getAdapterType() != null && to.getAdapterType() != null && from.getAdapterType() != to.getAdapterType()) {
                        throw new ValidationException("toEnvironmentId", "'" + to.getName() + "' runs on " + to.getAdapterType()
                                + ", not " + from.getAdapterType() + " as '" + from.getName() + "'");
                    }
                })
                .chain(to -> jobs.findByIds(jobIds).map(found -> {
                    Map<UUID, Job> byId = found.stream().collect(Collectors.toMap(Job::getId, job -> job));
                    List<Job> moved = new ArrayList<>(jobIds.size());
                    for (int i = 0; i < jobIds.size(); i++) {
                        Job job = byId.get(jobIds.get(i));
                        if (job == null || !job.getEnvironmentId().equals(fromId)) {
                            throw new NotFoundException("jobIds[" + i + "]", "Job " + jobIds.get(i) + " is not a job of '"
                                    + from.getName() + "'");
                        }
                        job.moveTo(to.getId());
                        if (!moved.contains(job)) {
                            moved.add(job);
                        }
                    }
                    return moved;
                }))
                .call(jobs::flush));
    }

    /** Deletes the job with what hangs off it (its variable values; their Vault paths are queued). */
    Uni<Job> delete(UUID id) {
        return jobs.lockByIds(List.of(id), LockModeType.PESSIMISTIC_WRITE)
                .map(found -> found.stream().findFirst().orElseThrow(() -> NotFoundException.of("id", "Job", id)))
                .call(job -> runDeletionHooks(List.of(job), new Deletion(false)))
                .call(jobs::delete);
    }

    /** Deleting an environment deletes its jobs (as dbt Cloud does), in the deletion's transaction. */
    @Override
    public Uni<Void> beforeDelete(Environment environment, Deletion deletion) {
        return jobs.lockByEnvironment(environment.getId()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            found.forEach(job -> deletion.job(job.getId(), job.getName()));
            return runDeletionHooks(found, deletion).chain(() -> deletion.dryRun() ? Uni.createFrom().voidItem()
                    : jobs.delete("environmentId", environment.getId()).replaceWithVoid());
        });
    }

    private Uni<Void> runDeletionHooks(List<Job> found, Deletion deletion) {
        return Multi.createFrom().iterable(deletionHooks).onItem().transformToUniAndConcatenate(hook -> hook.beforeDelete(found, deletion))
                .collect().last().replaceWithVoid();
    }

    private Uni<Environment> deploymentEnvironment(UUID id, String field) {
        return environments.require(id, field).invoke(environment -> {
            if (environment.getType() != EnvironmentType.DEPLOYMENT) {
                throw new ValidationException(field, "Jobs run in deployment environments; '" + environment.getName()
                        + "' is a development environment");
            }
        });
    }

    private static List<String> steps(List<String> given) {
        if (given.isEmpty() || given.size() > MAX_STEPS) {
            throw new ValidationException("steps", "steps must hold 1 to " + MAX_STEPS + " dbt commands");
        }
        List<String> parsed = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            // null steps are refused by the parser on their own index
            parsed.add(DbtCommands.parse("steps[" + i + "]", given.get(i)));
        }
        return parsed;
    }

    /** A schedule exactly when SCHEDULE is a trigger; at least one trigger. */
    private static void applySchedule(Job job, List<JobTrigger> triggers, String schedule) {
        if (triggers.isEmpty() || triggers.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValidationException("triggers", "triggers must name at least one of SCHEDULE, GIT_PUSH, PULL_REQUEST, MANUAL");
        }
        Set<JobTrigger> set = EnumSet.copyOf(triggers);
        if (set.contains(JobTrigger.SCHEDULE) && schedule == null) {
            throw new ValidationException("schedule", "schedule is required with the SCHEDULE trigger");
        }
        if (!set.contains(JobTrigger.SCHEDULE) && schedule != null) {
            throw new ValidationException("schedule", "schedule is only allowed with the SCHEDULE trigger");
        }
        job.setTriggers(set);
        job.setSchedule(schedule == null ? null : CronSchedules.check("schedule", schedule));
    }

    private static String targetName(String name) {
        if (name != null && !TARGET_NAME.matcher(name).matches()) {
            throw new ValidationException("targetNameOverride", "targetNameOverride must be 1 to 64 letters, digits, "
                    + "underscores or hyphens, not starting with a hyphen");
        }
        return name;
    }

    private static Integer threads(Integer threads) {
        return threads == null ? null : Fields.range("threads", threads, 1, 64);
    }
}
