package dev.envplane.secrets;

import dev.envplane.access.Permissions;
import io.quarkus.security.PermissionsAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.envplane.api.MapsErrors;
import dev.envplane.api.SessionBoundary;
import io.smallrye.mutiny.Uni;

/** For administrators: does Vault hold exactly what the database references? */
@GraphQLApi
@MapsErrors
@SessionBoundary
public class SecretReconciliationGraphQLApi {

    private final SecretReconciliation reconciliation;

    SecretReconciliationGraphQLApi(SecretReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PermissionsAllowed(Permissions.ADMIN)
    @Query("secretReconciliation")
    @Description("Compares every secret under the envplane prefix in Vault with what the database references. Reads "
            + "metadata only, never a secret value.")
    public Uni<@NonNull SecretReconciliationReport> secretReconciliation() {
        return reconciliation.check();
    }

    @PermissionsAllowed(Permissions.ADMIN)
    @Mutation("repairSecrets")
    @Description("Queues every unreferenced path and version that secretReconciliation reports for destruction, and "
            + "returns that report. Referenced versions that are missing cannot be repaired: set those secrets again.")
    public Uni<@NonNull SecretReconciliationReport> repairSecrets() {
        return reconciliation.repair();
    }
}
