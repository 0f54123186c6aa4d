package dev.envplane.secrets;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.envplane.database.TransactionHooks;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2ReadSecretMetadataResultData;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2ReadSecretMetadataVersion;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Compares every secret under the envplane prefix with what the rows reference, for the rare cases the protocol
 * cannot close by itself (the process died between a Vault write and its commit, or someone changed Vault by hand).
 */
@ApplicationScoped
class SecretReconciliation {

    private final SecretStore store;
    private final SecretOutbox outbox;
    private final SecretOutboxWorker worker;
    private final Instance<SecretOwners> owners;
    private final Duration grace;

    SecretReconciliation(SecretStore store, SecretOutbox outbox, SecretOutboxWorker worker, Instance<SecretOwners> owners,
            @ConfigProperty(name = "envplane.secrets.reconciliation-grace", defaultValue = "10m") Duration grace) {
        this.store = store;
        this.outbox = outbox;
        this.worker = worker;
        this.owners = owners;
        this.grace = grace;
    }

    Uni<SecretReconciliationReport> check() {
        Instant settled = Instant.now().minus(grace);
        return references().chain(referenced -> outbox.all().chain(queued -> listed().chain(paths -> Multi.createFrom().iterable(paths)
                .onItem().transformToUniAndConcatenate(path -> store.metadata(path).map(metadata -> Map.entry(path, metadata)))
                .collect().asList()
                .map(found -> compare(referenced, queued, found, settled)))));
    }

    /** Queues what {@link #check()} found unreferenced for destruction, in the caller's transaction. */
    Uni<SecretReconciliationReport> repair() {
        return check().call(report -> Multi.createFrom().iterable(report.unreferencedPaths())
                .onItem().transformToUniAndConcatenate(path -> outbox.enqueue(path, null, "reconciliation"))
                .collect().last()
                .chain(() -> Multi.createFrom().iterable(report.unreferencedVersions())
                        .onItem().transformToUniAndConcatenate(ref -> outbox.enqueue(ref.path(), ref.version(), "reconciliation"))
                        .collect().last())
                .invoke(() -> TransactionHooks.current().onCommit(worker::wake)));
    }

    private Uni<Map<String, Integer>> references() {
        return Multi.createFrom().iterable(owners).onItem().transformToUniAndConcatenate(SecretOwners::secretReferences)
                .collect().in(HashMap<String, Integer>::new, (byPath, list) -> list.forEach(ref -> byPath.put(ref.path(), ref.version())));
    }

    private Uni<List<String>> listed() {
        return Multi.createFrom().iterable(store.roots()).onItem().transformToUniAndConcatenate(store::listRecursively)
                .collect().in(ArrayList<String>::new, List::addAll);
    }

    private static SecretReconciliationReport compare(Map<String, Integer> referenced, List<SecretDestroy> queued,
            List<Map.Entry<String, VaultSecretsKV2ReadSecretMetadataResultData>> found, Instant settled) {
        Set<String> queuedPaths = new HashSet<>();
        Set<SecretVersionRef> queuedVersions = new HashSet<>();
        queued.forEach(destroy -> {
            if (destroy.version == null) {
                queuedPaths.add(destroy.path);
            } else {
                queuedVersions.add(new SecretVersionRef(destroy.path, destroy.version));
            }
        });
        List<String> unreferencedPaths = new ArrayList<>();
        List<SecretVersionRef> unreferencedVersions = new ArrayList<>();
        List<SecretVersionRef> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var entry : found) {
            String path = entry.getKey();
            VaultSecretsKV2ReadSecretMetadataResultData metadata = entry.getValue();
            seen.add(path);
            Map<String, VaultSecretsKV2ReadSecretMetadataVersion> versions = metadata == null || metadata.getVersions() == null
                    ? Map.of() : metadata.getVersions();
            Integer current = referenced.get(path);
            if (current == null) {
                boolean recent = versions.values().stream().anyMatch(version -> after(version.getCreatedTime(), settled));
                if (!recent && !queuedPaths.contains(path)) {
                    unreferencedPaths.add(path);
                }
                continue;
            }
            versions.forEach((number, version) -> {
                SecretVersionRef ref = new SecretVersionRef(path, Integer.parseInt(number));
                if (ref.version() != current && isLive(version) && !after(version.getCreatedTime(), settled)
                        && !queuedVersions.contains(ref)) {
                    unreferencedVersions.add(ref);
                }
            });
            if (current > 0 && !isLive(versions.get(String.valueOf(current)))) {
                missing.add(new SecretVersionRef(path, current));
            }
        }
        referenced.forEach((path, version) -> {
            if (!seen.contains(path) && version > 0) {
                missing.add(new SecretVersionRef(path, version));
            }
        });
        return new SecretReconciliationReport(found.size(), unreferencedPaths, unreferencedVersions, missing, queued.size());
    }

    private static boolean isLive(VaultSecretsKV2ReadSecretMetadataVersion version) {
        return version != null && !Boolean.TRUE.equals(version.isDestroyed()) && version.getDeletionTime() == null;
    }

    private static boolean after(OffsetDateTime time, Instant settled) {
        return time != null && time.toInstant().isAfter(settled);
    }
}
