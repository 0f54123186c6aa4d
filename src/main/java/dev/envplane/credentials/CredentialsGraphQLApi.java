package dev.envplane.credentials;

import dev.envplane.access.Permissions;
import io.quarkus.security.PermissionsAllowed;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import dev.envplane.api.Batches;
import dev.envplane.api.Ids;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.SessionBoundary;
import dev.envplane.environment.Environment;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@MapsErrors
@SessionBoundary
public class CredentialsGraphQLApi {

    private final CredentialsService service;
    private final Context graphql;

    CredentialsGraphQLApi(CredentialsService service, Context graphql) {
        this.service = service;
        this.graphql = graphql;
    }

    @PermissionsAllowed(Permissions.WRITE_CREDENTIALS)
    @Mutation("setEnvironmentCredentials")
    @Description("Creates or changes an environment's deployment credentials; secrets go to Vault only. Fields left out keep "
            + "their value.")
    public Uni<@NonNull Credentials> setEnvironmentCredentials(@NonNull @Id String environmentId, @NonNull CredentialsInput input,
            @Description("Secrets to remove (they must not be given in input at the same time).") List<CredentialSecret> clearSecrets) {
        return service.set(Ids.parse("environmentId", environmentId), input, clearSecrets);
    }

    @PermissionsAllowed(Permissions.WRITE_CREDENTIALS)
    @Mutation("deleteEnvironmentCredentials")
    @Description("Removes the credentials and destroys every version of their secrets in Vault; returns them as they were.")
    public Uni<@NonNull Credentials> deleteEnvironmentCredentials(@NonNull @Id String environmentId) {
        return service.delete(Ids.parse("environmentId", environmentId));
    }

    @Description("The deployment credentials, or null when none are set.")
    @PermissionsAllowed(Permissions.READ)
    public Uni<Credentials> credentials(@Source Environment environment) {
        return Batches.load(graphql, "Environment.credentials", environment.getId(), service::findByEnvironments);
    }
}
