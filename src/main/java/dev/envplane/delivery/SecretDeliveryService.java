package dev.envplane.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.envplane.api.ValidationException;
import dev.envplane.secrets.SecretStore;
import dev.envplane.target.DeploymentTargetService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Hands out the secrets of an environment's target as Vault response-wrapping tokens: one wrapped read per Vault path,
 * at the version the target reads. The values go from Vault to whoever unwraps, never through envplane. Runs inside
 * the caller's session.
 */
@ApplicationScoped
public class SecretDeliveryService {

    private static final Logger LOG = Logger.getLogger(SecretDeliveryService.class);
    /** Long enough for a runner to start; short enough that a token seen in transit is soon worthless. */
    static final int MIN_TTL_SECONDS = 30;
    static final int MAX_TTL_SECONDS = 3600;

    private final DeploymentTargetService targets;
    private final SecretStore store;

    SecretDeliveryService(DeploymentTargetService targets, SecretStore store) {
        this.targets = targets;
        this.store = store;
    }

    /**
     * If Vault fails half-way, the tokens made so far are never returned: no one holds them and they expire with
     * their TTL (revoking them would need a grant the service does not have).
     */
    public Uni<DeliveredSecrets> deliver(UUID environmentId, int ttlSeconds) {
        if (ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS) {
            throw new ValidationException("ttlSeconds", "ttlSeconds must be between " + MIN_TTL_SECONDS + " and " + MAX_TTL_SECONDS);
        }
        Duration ttl = Duration.ofSeconds(ttlSeconds);
        return targets.secretPaths(environmentId)
                .chain(paths -> Multi.createFrom().iterable(paths)
                        .onItem().transformToUniAndConcatenate(path -> store.wrap(path.path(), path.version(), ttl)
                                .map(token -> WrappedSecret.of(path, token)))
                        .collect().asList())
                .map(secrets -> {
                    // accessors, never tokens: an accessor cannot unwrap, and lets an operator trace a delivery in Vault's audit log
                    LOG.infof("Delivered %d wrapped secret(s) of environment %s, TTL %ds, accessors %s", secrets.size(), environmentId,
                            ttlSeconds, secrets.stream().map(WrappedSecret::accessor).toList());
                    return new DeliveredSecrets(environmentId.toString(), firstExpiry(secrets, ttl), secrets);
                });
    }

    private static Instant firstExpiry(List<WrappedSecret> secrets, Duration ttl) {
        return secrets.stream().map(WrappedSecret::expiresAt).min(Comparator.naturalOrder()).orElseGet(() -> Instant.now().plus(ttl));
    }
}
