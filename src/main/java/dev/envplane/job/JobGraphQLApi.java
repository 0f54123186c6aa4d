package dev.envplane.job;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.access.Permissions;
import dev.envplane.api.Batches;
import dev.envplane.api.GivenFields;
import dev.envplane.api.Ids;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.PageRequest;
import dev.envplane.api.SessionBoundary;
import dev.envplane.environment.Environment;
import dev.envplane.environment.EnvironmentService;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Job queries and mutations, plus Environment.jobs and Job.environment (one statement per level). */
@GraphQLApi
@MapsErrors
@SessionBoundary
public class JobGraphQLApi {

    private final JobService service;
    private final EnvironmentService environments;
    private final Context graphql;

    JobGraphQLApi(JobService service, EnvironmentService environments, Context graphql) {
        this.service = service;
        this.environments = environments;
        this.graphql = graphql;
    }

    @Query("job")
    @PermissionsAllowed(Permissions.READ)
    @Description("A job by id, or null.")
    public Uni<Job> job(@NonNull @Id String id) {
        return service.findById(Ids.parse("id", id));
    }

    @Query("jobs")
    @PermissionsAllowed(Permissions.READ)
    @Description("Jobs ordered by name, a page at a time (first: 0 to 100, default 20), filtered by project, environment "
            + "and trigger (every filter given must hold).")
    public Uni<@NonNull JobConnection> jobs(Integer first, String after, @Id String projectId, @Id String environmentId,
            JobTrigger trigger) {
        PageRequest page = PageRequest.of(first, after);
        JobFilter filter = new JobFilter(projectId == null ? null : Ids.parse("projectId", projectId),
                environmentId == null ? null : Ids.parse("environmentId", environmentId), trigger);
        return service.page(filter, page).map(rows -> new JobConnection(rows, page, filter));
    }

    @Description("How many jobs match the filters, across all pages.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull Integer> totalCount(@Source JobConnection connection) {
        return Batches.loadEach(graphql, "JobConnection.totalCount", connection.filter(),
                filter -> service.count(filter).map(Long::intValue));
    }

    @Mutation("createJob")
    @PermissionsAllowed(Permissions.CREATE_JOB)
    @Description("Creates a job in a deployment environment.")
    public Uni<@NonNull Job> createJob(@NonNull CreateJobInput input) {
        return service.create(input);
    }

    @Mutation("updateJob")
    @PermissionsAllowed(Permissions.WRITE_JOB)
    @Description("Changes the fields given. With expectedVersion, refuses (STALE_VERSION) if someone changed the job since.")
    public Uni<@NonNull Job> updateJob(@NonNull @Id String id, @NonNull UpdateJobInput input, Integer expectedVersion) {
        return service.update(Ids.parse("id", id), input, GivenFields.of(graphql, "input"), expectedVersion);
    }

    @Mutation("moveJobs")
    @PermissionsAllowed(Permissions.MOVE_JOBS)
    @Description("Moves jobs of one environment to another deployment environment of the same project and adapter, all "
            + "or none; returns them as moved. Move jobs before deleting an environment to keep them.")
    public Uni<@NonNull List<@NonNull Job>> moveJobs(@NonNull @Id String fromEnvironmentId, @NonNull @Id String toEnvironmentId,
            @NonNull @Description("The ids of the jobs to move.") List<@NonNull String> jobIds) {
        List<java.util.UUID> ids = new java.util.ArrayList<>(jobIds.size());
        for (int i = 0; i < jobIds.size(); i++) {
            ids.add(Ids.parse("jobIds[" + i + "]", jobIds.get(i)));
        }
        return service.move(Ids.parse("fromEnvironmentId", fromEnvironmentId), Ids.parse("toEnvironmentId", toEnvironmentId), ids);
    }

    @Mutation("deleteJob")
    @PermissionsAllowed(Permissions.WRITE_JOB)
    @Description("Deletes a job and returns it as it was.")
    public Uni<@NonNull Job> deleteJob(@NonNull @Id String id) {
        return service.delete(Ids.parse("id", id));
    }

    @Description("The jobs that run in this environment, ordered by name.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull List<@NonNull Job>> jobs(@Source Environment environment) {
        return Batches.loadList(graphql, "Environment.jobs", environment.getId(), service::findByEnvironments);
    }

    @Description("The environment this job runs in.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull Environment> environment(@Source Job job) {
        return Batches.load(graphql, "Job.environment", job.getEnvironmentId(), ids -> environments.findByIds(ids)
                .map(list -> list.stream().collect(java.util.stream.Collectors.toMap(Environment::getId, e -> e))));
    }
}
