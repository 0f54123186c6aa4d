package dev.envplane.secrets;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the outbox: a Vault path (or one version of it) that nothing references any more and must go. */
@Entity
@Table(name = "secret_outbox")
class SecretDestroy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String path;
    /** Null: every version and the metadata. */
    Integer version;
    String reason;
    @Column(name = "created_at", insertable = false, updatable = false)
    Instant createdAt;
    int attempts;
    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;
    @Column(name = "last_failure")
    String lastFailure;

    protected SecretDestroy() {
    }

    SecretDestroy(String path, Integer version, String reason) {
        this.path = path;
        this.version = version;
        this.reason = reason;
        this.nextAttemptAt = Instant.now();
    }
}
