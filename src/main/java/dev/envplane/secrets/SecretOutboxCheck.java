package dev.envplane.secrets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the destroy backlog in the readiness detail. Always UP: a backlog (Vault down a while) is for operators to
 * see and alert on, not a reason to stop serving reads.
 */
@Readiness
@ApplicationScoped
class SecretOutboxCheck implements HealthCheck {

    private final SecretOutboxWorker worker;

    SecretOutboxCheck(SecretOutboxWorker worker) {
        this.worker = worker;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("secret-outbox").up()
                .withData("pending", worker.pending())
                .withData("oldestAgeSeconds", worker.oldestAgeSeconds())
                .build();
    }
}
