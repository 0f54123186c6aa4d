package dev.envplane.database;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import dev.envplane.api.StaleVersionException;

/** What every stored record has: when it was created and last changed, and a version for optimistic locking. */
@MappedSuperclass
public abstract class Tracked {

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @UpdateTimestamp
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private int version;

    @NonNull
    public Instant getCreatedAt() {
        return createdAt;
    }

    @NonNull
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Refuses the change (STALE_VERSION) when the caller saw another version than the stored one. */
    public void requireVersion(Integer expected, String what) {
        if (expected != null && expected != version) {
            throw new StaleVersionException(what + " is at version " + version + ", not " + expected + "; read it again and retry");
        }
    }

    @Description("Increases with every change; updates that take expectedVersion refuse a stale one (STALE_VERSION).")
    public int getVersion() {
        return version;
    }
}
