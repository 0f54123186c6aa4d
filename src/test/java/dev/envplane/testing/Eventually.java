package dev.envplane.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for what happens after a commit (the secret outbox worker), polling with a bound instead of sleeping a fixed
 * time: fast when it is fast, and a clear failure rather than a hang when it never happens.
 */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + LIMIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what);
            }
        }
    }
}
