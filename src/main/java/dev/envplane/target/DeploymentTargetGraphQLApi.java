package dev.envplane.target;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.access.Permissions;
import dev.envplane.api.Batches;
import dev.envplane.api.MapsErrors;
import dev.envplane.environment.Environment;
import dev.envplane.job.Job;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/**
 * What integrations come for: where and how dbt runs for the staging or production environment of a project. Every
 * field here loads through {@link Batches}, deploymentTarget too: the aliases of one request (staging and production,
 * say) share one batch, in a read session of its own, so this class needs no {@code @SessionBoundary}.
 */
@GraphQLApi
@MapsErrors
public class DeploymentTargetGraphQLApi {

    private final DeploymentTargetService service;
    private final DeferralService deferrals;
    private final Context graphql;

    DeploymentTargetGraphQLApi(DeploymentTargetService service, DeferralService deferrals, Context graphql) {
        this.service = service;
        this.deferrals = deferrals;
        this.graphql = graphql;
    }

    @PermissionsAllowed(Permissions.READ_TARGET)
    @Query("deploymentTarget")
    @Description("The ready-to-run target of one environment of a project, e.g. project: {name: \"analytics\"}, "
            + "environment: {deploymentType: STAGING}. NOT_FOUND names the environments the project has. With job, the target "
            + "of that job of the environment: its own variable values win (NOT_FOUND on job when it does not run there). "
            + "Null with an error when not found, so other aliases of the request (staging and production, say) are still answered.")
    public Uni<DeploymentTarget> deploymentTarget(@NonNull ProjectRef project, @NonNull EnvironmentRef environment, @Id String job) {
        return Batches.load(graphql, "Query.deploymentTarget", new DeploymentTargetService.TargetQuery(project, environment, job), service::find)
                .map(DeploymentTargetService.Found::orThrow);
    }

    @Description("The environment this target defers to, resolved now, with the dbt flags; null when the environment does not "
            + "defer. NOT_FOUND on deferTo names what the deferral misses (e.g. the project has no STAGING environment yet).")
    @PermissionsAllowed(Permissions.READ_TARGET_DETAILS)
    public Uni<Deferral> deferTo(@Source DeploymentTarget target,
            @Name("favorState") @DefaultValue("false") @Description("Add --favor-state.") Boolean favorState) {
        return resolved("DeploymentTarget.deferTo", DeferralService.Key.of(target.environment(), Boolean.TRUE.equals(favorState)));
    }

    @Description("The environment this job's runs defer to, resolved now, with the dbt flags; null when the job does not "
            + "defer. NOT_FOUND on deferTo names what the deferral misses.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<Deferral> deferral(@Source Job job, @Name("favorState") @DefaultValue("false") @Description("Add --favor-state.") Boolean favorState) {
        return resolved("Job.deferral", new DeferralService.Key(job.getProjectId(), null, "Job '" + job.getName() + "'", job.getDeferTo(),
                Boolean.TRUE.equals(favorState)));
    }

    private Uni<Deferral> resolved(String field, DeferralService.Key key) {
        if (key.deferTo() == null) {
            return Uni.createFrom().nullItem();
        }
        return Batches.load(graphql, field, key, deferrals::resolve).map(outcome -> {
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.deferral();
        });
    }

    @Description("This job's ready-to-run target: its environment's, with the job's own variable values winning "
            + "(the same object deploymentTarget(..., job:) returns).")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull DeploymentTarget> target(@Source Job job) {
        return Batches.load(graphql, "Job.target", job.getId(), service::resolveJobs);
    }

    @Description("This environment's ready-to-run target (the same object deploymentTarget returns).")
    @PermissionsAllowed(Permissions.READ)
    public Uni<@NonNull DeploymentTarget> target(@Source Environment environment) {
        return Batches.load(graphql, "Environment.target", environment.getId(), service::resolve);
    }
}
