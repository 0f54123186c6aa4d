package dev.envplane.operations;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;

/**
 * How background work (the secret outbox worker, any periodic job) takes part in the graceful drain.
 *
 * <p>On SIGTERM Quarkus turns readiness DOWN and keeps serving for {@code quarkus.shutdown.delay}
 * ({@link ShutdownDelayInitiatedEvent}), lets requests in flight finish within {@code quarkus.shutdown.timeout},
 * fires {@link ShutdownEvent}, and only then closes the database pool and the Vault client. A worker runs each unit of
 * work (one batch: read rows, call Vault, write rows) through {@link #unit}: from the first of those events on no new
 * unit starts, and {@link ShutdownEvent} waits up to {@code envplane.shutdown.background-timeout} for the units under
 * way, so none loses its database or Vault half-way. A worker that loops may also stop early on {@link #draining()}.
 */
@Singleton
public class BackgroundWork {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class);

    private final Duration timeout;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean draining;

    @Inject
    public BackgroundWork(@ConfigProperty(name = "envplane.shutdown.background-timeout") Duration timeout) {
        this.timeout = timeout;
    }

    /** True once the application drains: start nothing new. */
    public boolean draining() {
        return draining;
    }

    /**
     * Runs one unit of background work unless the application is draining (then: an empty result, and
     * {@code work} is not called). The database and Vault stay open until the unit ends, within the timeout.
     */
    public <T> Uni<Optional<T>> unit(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (!enter()) {
                return Uni.createFrom().item(Optional.<T> empty());
            }
            return Uni.createFrom().<T> deferred(work::get).map(Optional::ofNullable).onTermination().invoke(this::exit);
        });
    }

    void onDrainStarts(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
    }

    // Before any other shutdown observer: units under way still find everything open.
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        draining = true;
        awaitIdle();
    }

    void awaitIdle() {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.errorf("%d background units still running after %s; stopping anyway", running.get(), timeout);
                    return;
                }
                try {
                    running.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean enter() {
        synchronized (running) {
            if (draining) {
                return false;
            }
            running.incrementAndGet();
            return true;
        }
    }

    private void exit() {
        synchronized (running) {
            running.decrementAndGet();
            running.notifyAll();
        }
    }
}
