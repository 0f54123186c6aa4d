package dev.envplane.secrets;

import java.time.Duration;
import java.time.Instant;

/**
 * What Vault answers to a wrapped read ({@code wrap_info}): a single-use token that unwraps the answer once, its
 * accessor (to look it up or revoke it without using it), and when Vault created it. The wrapped values stay in
 * Vault; envplane never holds them.
 */
public record WrappingToken(String token, String accessor, Instant createdAt, Duration ttl) {

    public Instant expiresAt() {
        return createdAt.plus(ttl);
    }
}
