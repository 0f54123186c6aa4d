package dev.envplane.local.vault;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How to start a {@link VaultServer}.
 *
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 * @param dataDirectory where the encrypted state lives; {@code null} keeps everything in memory
 * @param rootToken     the root token to use; {@code null} generates one (or reuses the persisted one)
 * @param kvMount       mount path of the KV v2 engine enabled at start ({@code null} means "secret")
 * @param clock         the time every TTL, expiry and timestamp is read from ({@code null}: the system clock);
 *                      tests pass one they move forward themselves instead of sleeping
 */
public record VaultServerConfig(int port, Path dataDirectory, String rootToken, String kvMount, Clock clock) {

    public static final String DEFAULT_KV_MOUNT = "secret";

    public VaultServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        rootToken = rootToken == null || rootToken.isBlank() ? null : rootToken.trim();
        kvMount = kvMount == null || kvMount.isBlank() ? DEFAULT_KV_MOUNT : Paths.trimSlashes(kvMount);
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public VaultServerConfig(int port, Path dataDirectory, String rootToken, String kvMount) {
        this(port, dataDirectory, rootToken, kvMount, null);
    }

    public VaultServerConfig withClock(Clock clock) {
        return new VaultServerConfig(port, dataDirectory, rootToken, kvMount, clock);
    }

    /** Random port, no persistence, random root token, KV v2 at "secret". */
    public static VaultServerConfig inMemory() {
        return new VaultServerConfig(0, null, null, DEFAULT_KV_MOUNT);
    }
}
