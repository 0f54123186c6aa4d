package dev.envplane.target;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.api.Batches;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.SessionBoundary;
import dev.envplane.environment.Environment;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** What integrations come for: where and how dbt runs for the staging or production environment of a project. */
@GraphQLApi
@MapsErrors
@SessionBoundary
public class DeploymentTargetGraphQLApi {

    private final DeploymentTargetService service;
    private final DeferralService deferrals;
    private final Context graphql;

    DeploymentTargetGraphQLApi(DeploymentTargetService service, DeferralService deferrals, Context graphql) {
        this.service = service;
        this.deferrals = deferrals;
        this.graphql = graphql;
    }

    @Query("deploymentTarget")
    @Description("The ready-to-run target of one environment of a project, e.g. project: {name: \"analytics\"}, "
            + "environment: {deploymentType: STAGING}. NOT_FOUND names the environments the project has.")
    public Uni<@NonNull DeploymentTarget> deploymentTarget(@NonNull ProjectRef project, @NonNull EnvironmentRef environment) {
        return service.find(project, environment);
    }

    @Description("The environment this target defers to, resolved now, with the dbt flags; null when the environment does not "
            + "defer. NOT_FOUND on deferTo names what the deferral misses (e.g. the project has no STAGING environment yet).")
    public Uni<Deferral> deferTo(@Source DeploymentTarget target,
            @Name("favorState") @DefaultValue("false") @Description("Add --favor-state.") Boolean favorState) {
        return Batches.load(graphql, "DeploymentTarget.deferTo", new DeferralService.Key(target.environment(), Boolean.TRUE.equals(favorState)),
                deferrals::resolve).map(outcome -> {
                    if (outcome != null && outcome.failure() != null) {
                        throw outcome.failure();
                    }
                    return outcome == null ? null : outcome.deferral();
                });
    }

    @Description("This environment's ready-to-run target (the same object deploymentTarget returns).")
    public Uni<@NonNull DeploymentTarget> target(@Source Environment environment) {
        return Batches.load(graphql, "Environment.target", environment.getId(), service::resolve);
    }
}
