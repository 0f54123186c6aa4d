package dev.envplane.local.vault;

import java.util.Map;
import java.util.TreeMap;

/** The metadata and versions of one KV v2 key (persisted, so plain fields). */
final class KvSecret {

    public String createdTime;
    public String updatedTime;
    public long currentVersion;
    /** 0 until versions have been pruned, as in Vault. */
    public long oldestVersion;
    /** 0 = use the mount's setting. */
    public int maxVersions;
    public boolean casRequired;
    public long deleteVersionAfterSeconds;
    public Map<String, String> customMetadata;
    public TreeMap<Long, KvVersion> versions = new TreeMap<>();
}
