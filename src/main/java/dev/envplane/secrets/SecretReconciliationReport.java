package dev.envplane.secrets;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SecretReconciliation")
@Description("Vault compared with the database. Secrets written in the last few minutes (possibly in flight) are left "
        + "out; secrets already queued for destruction count as pending, not unreferenced.")
public record SecretReconciliationReport(
        @Description("Secret paths under the envplane prefix that were looked at.") int checkedPaths,
        @NonNull @Description("Paths no row references: left behind. repairSecrets queues them for destruction.")
        List<@NonNull String> unreferencedPaths,
        @NonNull @Description("Live versions other than the one a row references. repairSecrets queues them for destruction.")
        List<@NonNull SecretVersionRef> unreferencedVersions,
        @NonNull @Description("Versions a row references that Vault does not have: those rows answer SECRET_STORE_INCONSISTENT "
                + "until their secrets are set again. Not repairable automatically.")
        List<@NonNull SecretVersionRef> missingVersions,
        @Description("Destroys waiting in the outbox.") long pendingDestroys) {
}
