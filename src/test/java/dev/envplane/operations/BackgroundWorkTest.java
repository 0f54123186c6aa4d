package dev.envplane.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;

/** The contract background workers rely on during the drain. */
class BackgroundWorkTest {

    private final BackgroundWork work = new BackgroundWork(Duration.ofSeconds(5));

    @Test
    void runsUnitsUntilTheDrainStartsThenStartsNoNewOne() {
        assertEquals(Optional.of("done"), work.unit(() -> Uni.createFrom().item("done")).await().indefinitely());

        work.onDrainStarts(new ShutdownDelayInitiatedEvent());

        AtomicBoolean called = new AtomicBoolean();
        Optional<String> skipped = work.unit(() -> {
            called.set(true);
            return Uni.createFrom().item("too late");
        }).await().indefinitely();
        assertTrue(work.draining());
        assertEquals(Optional.empty(), skipped);
        assertFalse(called.get(), "no unit starts once the drain began");
    }

    @Test
    void shutdownWaitsForTheUnitUnderWay() throws Exception {
        CompletableFuture<String> vaultCall = new CompletableFuture<>();
        CompletableFuture<Optional<String>> unit = work.unit(() -> Uni.createFrom().completionStage(vaultCall)).subscribeAsCompletionStage();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> work.onShutdown(new ShutdownEvent()));
        Thread.sleep(300);
        assertFalse(shutdown.isDone(), "shutdown must not close anything while a unit runs");

        vaultCall.complete("destroyed");
        shutdown.get(2, TimeUnit.SECONDS);
        assertEquals(Optional.of("destroyed"), unit.get());
    }

    @Test
    void shutdownGivesUpAfterTheTimeout() throws Exception {
        BackgroundWork quick = new BackgroundWork(Duration.ofMillis(300));
        quick.unit(() -> Uni.createFrom().<String> nothing()).subscribe().with(ignored -> { });

        long start = System.nanoTime();
        CompletableFuture.runAsync(() -> quick.onShutdown(new ShutdownEvent())).get(3, TimeUnit.SECONDS);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 250);
    }
}
