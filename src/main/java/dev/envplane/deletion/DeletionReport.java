package dev.envplane.deletion;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("DeletionReport")
@Description("What a deletion removed or, with dryRun, would remove (nothing changed then). A dry run and the real "
        + "deletion right after it report the same. Lists are sorted (by name, then id).")
public record DeletionReport(
        @Description("True: nothing was deleted, in the database or in Vault.") boolean dryRun,
        @NonNull List<@NonNull DeletedItem> projects,
        @NonNull List<@NonNull DeletedItem> environments,
        @NonNull @Description("Jobs of the deleted environments (move them first to keep them: moveJobs).")
        List<@NonNull DeletedItem> jobs,
        @NonNull @Description("Environment variables of a deleted project (with all their values).")
        List<@NonNull DeletedItem> variables,
        @Id @NonNull @Description("Ids of the environments whose credentials are deleted.") List<@NonNull String> credentials,
        @Id @NonNull @Description("Ids of the deleted environment variable values.") List<@NonNull String> variableValues,
        @NonNull @Description("Vault paths queued for destruction (the outbox destroys them after commit).")
        List<@NonNull String> vaultPaths) {
}
