package dev.envplane.local.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A service token as the token store keeps it (persisted, so plain fields). */
final class TokenEntry {

    public String id;
    public String accessor;
    public List<String> policies = new ArrayList<>();
    public Map<String, String> meta;
    public String displayName;
    /** The login or create path that issued the token, as Vault reports it. */
    public String path;
    /** Null for orphans: revoking a parent revokes its non-orphan children. */
    public String parentId;
    public long issueTimeMillis;
    public long creationTtlSeconds;
    /** 0 = never expires (root tokens). */
    public long expireTimeMillis;
    /** 0 = no cap beyond the system maximum. */
    public long explicitMaxTtlSeconds;
    public boolean renewable;
    /** 0 = unlimited; otherwise the uses left. */
    public int numUses;

    boolean isRoot() {
        return policies.contains(PolicyStore.ROOT);
    }

    boolean isOrphan() {
        return parentId == null;
    }

    long ttlSeconds(long nowMillis) {
        if (expireTimeMillis == 0) {
            return 0;
        }
        return Math.max(0, (expireTimeMillis - nowMillis + 999) / 1000);
    }
}
