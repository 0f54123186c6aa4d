package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One version of a KV v2 secret (persisted, so plain fields). */
final class KvVersion {

    public String createdTime;
    /** "" while live; a soft delete, or delete_version_after, sets it (possibly in the future). */
    public String deletionTime = "";
    public boolean destroyed;
    /** Null once destroyed. */
    public ObjectNode data;

    boolean isDeleted(Instant now) {
        return !deletionTime.isEmpty() && !Instant.parse(deletionTime).isAfter(now);
    }

    boolean isLive(Instant now) {
        return !destroyed && !isDeleted(now);
    }
}
