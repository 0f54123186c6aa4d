package dev.envplane.secrets;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.envplane.database.Sessions;
import dev.envplane.operations.BackgroundWork;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Destroys what the outbox holds: on a timer, and right after a transaction that queued something commits. Each
 * round locks the due rows it takes ({@code FOR UPDATE SKIP LOCKED}), so any number of replicas can run it; nothing
 * is kept in memory but the numbers it reports. A failed destroy waits longer before each retry.
 */
@ApplicationScoped
public class SecretOutboxWorker {

    private static final Logger LOG = Logger.getLogger(SecretOutboxWorker.class);
    private static final int BATCH = 20;

    private final Vertx vertx;
    private final SecretStore store;
    private final SecretOutbox outbox;
    private final Duration interval;
    private final BackgroundWork background;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private long timer = -1;

    SecretOutboxWorker(Vertx vertx, SecretStore store, SecretOutbox outbox, MeterRegistry metrics, BackgroundWork background,
            @ConfigProperty(name = "envplane.secrets.outbox-interval", defaultValue = "5s") Duration interval) {
        this.vertx = vertx;
        this.background = background;
        this.store = store;
        this.outbox = outbox;
        this.interval = interval;
        Gauge.builder("envplane.secrets.outbox.pending", pending, AtomicLong::get)
                .description("Vault paths or versions waiting to be destroyed").register(metrics);
        Gauge.builder("envplane.secrets.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest waiting destroy has waited").register(metrics);
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(interval.toMillis(), ignored -> wake());
    }

    /** The drain (BackgroundWork) lets the round under way finish and starts no new one; the timer just stops. */
    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
    }

    /** Starts a round unless one is under way or the service is draining. */
    public void wake() {
        if (background.draining() || !running.compareAndSet(false, true)) {
            return;
        }
        vertx.runOnContext(ignored -> background.unit(() -> Sessions.transaction(this::round)).subscribe().with(done -> {
            running.set(false);
            if (done.orElse(0) == BATCH) {
                wake();
            }
        }, failure -> {
            running.set(false);
            LOG.warnf("Secret outbox round failed: %s", failure.getClass().getSimpleName());
        }));
    }

    long pending() {
        return pending.get();
    }

    long oldestAgeSeconds() {
        return oldestAgeSeconds.get();
    }

    /** One round in one transaction: how many due rows it took (a full batch means more may be waiting). */
    private Uni<Integer> round() {
        return outbox.claimDue(BATCH)
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::destroy)
                        .collect().asList().replaceWith(due.size()))
                .call(() -> outbox.backlog().invoke(backlog -> {
                    pending.set(backlog.pending());
                    oldestAgeSeconds.set(backlog.oldestAgeSeconds());
                }));
    }

    private Uni<Void> destroy(SecretDestroy destroy) {
        Uni<Void> call = destroy.version == null ? store.destroyAll(destroy.path) : store.destroyVersion(destroy.path, destroy.version);
        return call.chain(() -> outbox.delete(destroy))
                .onFailure().recoverWithItem(failure -> {
                    SecretOutbox.failed(destroy, failure.getClass().getSimpleName());
                    return null;
                });
    }
}
