package dev.envplane.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The test Vault's time: the system clock plus an offset a test moves forward to outlive a TTL instead of sleeping,
 * and takes back afterwards. It follows real time otherwise, because every test of the run shares that Vault (the
 * service's token, secrets' creation times).
 */
public final class VaultClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves Vault's time forward; {@link #reset} takes it back to real time. */
    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the Vault clock is UTC only");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
