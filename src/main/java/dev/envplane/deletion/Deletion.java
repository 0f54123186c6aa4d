package dev.envplane.deletion;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.envplane.secrets.SecretReference;

/**
 * One deletion's plan and record. Every feature's deletion hook names what it removes here and removes it only when
 * this is not a dry run, so a dry run's report is, by construction, what the real deletion would remove.
 */
public final class Deletion {

    private final boolean dryRun;
    // Sets: two hooks may reach the same row (a project's variable values are also its environments' values).
    private final Set<DeletedItem> projects = new HashSet<>();
    private final Set<DeletedItem> environments = new HashSet<>();
    private final Set<DeletedItem> jobs = new HashSet<>();
    private final Set<DeletedItem> variables = new HashSet<>();
    private final Set<String> credentials = new TreeSet<>();
    private final Set<String> variableValues = new TreeSet<>();
    private final Set<String> vaultPaths = new TreeSet<>();

    public Deletion(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** True when nothing may change: hooks only record. */
    public boolean dryRun() {
        return dryRun;
    }

    public void project(UUID id, String name) {
        projects.add(new DeletedItem(id.toString(), name));
    }

    public void environment(UUID id, String name) {
        environments.add(new DeletedItem(id.toString(), name));
    }

    public void job(UUID id, String name) {
        jobs.add(new DeletedItem(id.toString(), name));
    }

    public void variable(UUID id, String name) {
        variables.add(new DeletedItem(id.toString(), name));
    }

    /** An environment's credentials (they are keyed by the environment) and their Vault path. */
    public void credentials(UUID environmentId, SecretReference secrets) {
        credentials.add(environmentId.toString());
        vaultPath(secrets);
    }

    public void variableValue(UUID id, SecretReference secrets) {
        variableValues.add(id.toString());
        vaultPath(secrets);
    }

    private void vaultPath(SecretReference secrets) {
        // The same rule as SecretProtocol.destroy: a reference without a path has nothing in Vault.
        if (secrets != null && secrets.path() != null) {
            vaultPaths.add(secrets.path());
        }
    }

    /** Sorted, so a dry run and the real deletion compare equal whatever order the hooks ran in. */
    public DeletionReport report() {
        return new DeletionReport(dryRun, sorted(projects), sorted(environments), sorted(jobs), sorted(variables),
                List.copyOf(credentials), List.copyOf(variableValues), List.copyOf(vaultPaths));
    }

    private static List<DeletedItem> sorted(Set<DeletedItem> items) {
        return items.stream().sorted(Comparator.comparing(DeletedItem::name).thenComparing(DeletedItem::id)).toList();
    }
}
