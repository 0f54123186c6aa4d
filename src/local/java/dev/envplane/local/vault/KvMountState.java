package dev.envplane.local.vault;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** One KV v2 mount: its mount-wide config and its secrets by path (persisted, so plain fields). */
final class KvMountState {

    public String uuid = UUID.randomUUID().toString();
    public String accessor = "kv_" + TokenStore.randomAlphanumeric(8).toLowerCase();
    public String description = "key/value secret storage";
    /** 0 = Vault's default of 10. */
    public int maxVersions;
    public boolean casRequired;
    public long deleteVersionAfterSeconds;
    public Map<String, KvSecret> secrets = new TreeMap<>();
}
