package dev.envplane.local.vault;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Everything the server knows, in one object so it can be persisted (encrypted) as a whole. */
final class VaultState {

    public String rootToken;
    /** Base64 of the 32-byte unseal key. */
    public String unsealKey;
    public String clusterId = UUID.randomUUID().toString();
    public String clusterName = "vault-cluster-" + UUID.randomUUID().toString().substring(0, 8);
    public Map<String, KvMountState> kvMounts = new TreeMap<>();
    public Map<String, AppRoleMountState> approleMounts = new TreeMap<>();
    public Map<String, String> policies = new TreeMap<>();
    public Map<String, TokenEntry> tokens = new TreeMap<>();
    /** Responses waiting for their single-use wrapping token, by that token. */
    public Map<String, WrappedResponse> wrapped = new TreeMap<>();
}
