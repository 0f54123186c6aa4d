package dev.envplane.delivery;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import dev.envplane.access.Permissions;
import dev.envplane.api.Ids;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.NoStore;
import dev.envplane.api.SessionBoundary;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** Secrets for a runner, delivered through Vault (README "Secrets for a runner"). */
@GraphQLApi
@MapsErrors
@SessionBoundary
public class SecretDeliveryGraphQLApi {

    private final SecretDeliveryService service;

    SecretDeliveryGraphQLApi(SecretDeliveryService service) {
        this.service = service;
    }

    @NoStore
    @PermissionsAllowed(Permissions.DELIVER_SECRETS)
    @Mutation("deliverSecrets")
    @Description("Single-use Vault wrapping tokens for every secret the environment's target reads; the runner unwraps them on "
            + "Vault. For admins and integrations scoped to the environment. The response carries Cache-Control: no-store.")
    public Uni<@NonNull DeliveredSecrets> deliverSecrets(@NonNull @Id String environmentId,
            @DefaultValue("300") @Description("How long the tokens live, 30 to 3600 seconds.") int ttlSeconds) {
        return service.deliver(Ids.parse("environmentId", environmentId), ttlSeconds);
    }
}
