package dev.envplane.secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The outbox table of Vault destroys. Runs in the caller's transaction. */
@ApplicationScoped
class SecretOutbox implements PanacheRepositoryBase<SecretDestroy, Long> {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    Uni<Void> enqueue(String path, Integer version, String reason) {
        return persist(new SecretDestroy(path, version, reason)).replaceWithVoid();
    }

    /**
     * Takes back the whole-path destroys queued for {@code path}, because the path is being written again (credentials
     * deleted and set anew). A row the worker is destroying right now is waited for: then there is nothing to take back.
     */
    Uni<Boolean> reclaimPath(String path) {
        return getSession().chain(session -> session.createNativeQuery("delete from secret_outbox where path = :path and version is null")
                .setParameter("path", path).executeUpdate()).map(deleted -> deleted > 0);
    }

    /** Due rows, locked for this transaction; rows another replica holds are skipped, not waited for. */
    Uni<List<SecretDestroy>> claimDue(int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                "select * from secret_outbox where next_attempt_at <= now() order by id limit :limit for update skip locked",
                SecretDestroy.class).setParameter("limit", limit).getResultList());
    }

    /** Doubles the wait after every failure, up to five minutes. */
    static void failed(SecretDestroy destroy, String failure) {
        destroy.attempts++;
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(destroy.attempts, 16));
        destroy.nextAttemptAt = Instant.now().plusSeconds(seconds);
        destroy.lastFailure = failure;
    }

    Uni<Backlog> backlog() {
        return getSession().chain(session -> session.createNativeQuery(
                "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from secret_outbox", Object[].class)
                .getSingleResult())
                .map(row -> new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    Uni<List<SecretDestroy>> all() {
        return listAll();
    }

    /** How much is waiting, and for how long the oldest has been (0 when nothing is). */
    record Backlog(long pending, long oldestAgeSeconds) {
    }
}
