package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The enabled KV v2 secrets engines and AppRole auth methods, found by longest mount prefix. */
final class MountTable {

    static final String DEFAULT_APPROLE_MOUNT = "approle";
    private static final Set<String> RESERVED = Set.of("sys", "auth", "cubbyhole", "identity", "token");

    record Match<T>(String mount, T backend, String rest) {
    }

    private final VaultState state;
    private final TokenStore tokens;
    private final Clock clock;
    private final Map<String, KvV2Engine> kvEngines = new TreeMap<>();
    private final Map<String, AppRoleAuth> appRoles = new TreeMap<>();

    MountTable(VaultState state, TokenStore tokens, Clock clock) {
        this.state = state;
        this.tokens = tokens;
        this.clock = clock;
        state.kvMounts.forEach((mount, kv) -> kvEngines.put(mount, new KvV2Engine(kv, clock)));
        state.approleMounts.forEach((mount, approle) -> appRoles.put(mount, new AppRoleAuth(mount, approle, tokens, clock)));
    }

    Optional<Match<KvV2Engine>> kv(String path) {
        return longestMatch(kvEngines, path);
    }

    /** {@code path} is relative to "auth/". */
    Optional<Match<AppRoleAuth>> appRole(String path) {
        return longestMatch(appRoles, path);
    }

    /** Enabling an already enabled engine of the same type is accepted, so setup scripts can re-run. */
    void enableKv(String mount) {
        if (kvEngines.containsKey(mount)) {
            return;
        }
        checkFree(mount, kvEngines.keySet());
        KvMountState kv = new KvMountState();
        state.kvMounts.put(mount, kv);
        kvEngines.put(mount, new KvV2Engine(kv, clock));
    }

    void disableKv(String mount) {
        state.kvMounts.remove(mount);
        kvEngines.remove(mount);
    }

    void enableAppRole(String mount) {
        if (mount.equals("token")) {
            throw VaultException.badRequest("token credential backend cannot be instantiated");
        }
        if (appRoles.containsKey(mount)) {
            return;
        }
        for (String existing : appRoles.keySet()) {
            if (mount.startsWith(existing + "/") || existing.startsWith(mount + "/")) {
                throw VaultException.badRequest("path is already in use at auth/" + existing + "/");
            }
        }
        AppRoleMountState approle = new AppRoleMountState();
        state.approleMounts.put(mount, approle);
        appRoles.put(mount, new AppRoleAuth(mount, approle, tokens, clock));
    }

    void disableAuth(String mount) {
        if (mount.equals("token")) {
            throw VaultException.badRequest("token credential backend cannot be disabled");
        }
        AppRoleAuth removed = appRoles.remove(mount);
        state.approleMounts.remove(mount);
        if (removed != null) {
            // Vault revokes the tokens a disabled auth method issued.
            tokens.revokeIssuedBy("auth/" + mount + "/login");
        }
    }

    /** sys/mounts: the secret engines, keyed "path/". */
    ObjectNode secretMounts() {
        ObjectNode mounts = Json.object();
        mounts.set("cubbyhole/", mountEntry("cubbyhole", "per-token private secret storage", "cubbyhole_0", null, true));
        state.kvMounts.forEach((mount, kv) -> mounts.set(mount + "/", kvEntry(kv)));
        mounts.set("identity/", mountEntry("identity", "identity store", "identity_0", null, false));
        mounts.set("sys/", mountEntry("system", "system endpoints used for control, policy and debugging",
                "system_0", null, false));
        return mounts;
    }

    /** sys/auth: the auth methods, keyed "path/". */
    ObjectNode authMounts() {
        ObjectNode mounts = Json.object();
        state.approleMounts.forEach((mount, approle) ->
                mounts.set(mount + "/", mountEntry("approle", approle.description, approle.accessor, approle.uuid, false)));
        mounts.set("token/", mountEntry("token", "token based credentials", "auth_token_0", null, false));
        return mounts;
    }

    /** sys/internal/ui/mounts/{path}: the mount a path belongs to, which the `vault kv` CLI asks first. */
    Optional<ObjectNode> describeSecretMount(String path) {
        return kv(path).map(match -> {
            ObjectNode entry = kvEntry(state.kvMounts.get(match.mount()));
            entry.put("path", match.mount() + "/");
            return entry;
        });
    }

    private ObjectNode kvEntry(KvMountState kv) {
        ObjectNode entry = mountEntry("kv", kv.description, kv.accessor, kv.uuid, false);
        entry.putObject("options").put("version", "2");
        return entry;
    }

    private static ObjectNode mountEntry(String type, String description, String accessor, String uuid, boolean local) {
        ObjectNode entry = Json.object();
        entry.put("accessor", accessor);
        ObjectNode config = entry.putObject("config");
        config.put("default_lease_ttl", 0);
        config.put("force_no_cache", false);
        config.put("max_lease_ttl", 0);
        entry.put("description", description);
        entry.put("external_entropy_access", false);
        entry.put("local", local);
        entry.putNull("options");
        entry.put("plugin_version", "");
        entry.put("running_plugin_version", "v1.17.0+builtin.vault");
        entry.put("running_sha256", "");
        entry.put("seal_wrap", false);
        entry.put("type", type);
        entry.put("uuid", uuid == null ? "" : uuid);
        return entry;
    }

    private static void checkFree(String mount, Set<String> existing) {
        String first = mount.split("/", 2)[0];
        if (mount.isEmpty() || RESERVED.contains(first)) {
            throw VaultException.badRequest("cannot mount at reserved path \"" + mount + "/\"");
        }
        for (String other : existing) {
            if (mount.startsWith(other + "/") || other.startsWith(mount + "/")) {
                throw VaultException.badRequest("path is already in use at " + other + "/");
            }
        }
    }

    private static <T> Optional<Match<T>> longestMatch(Map<String, T> backends, String path) {
        Match<T> best = null;
        for (Map.Entry<String, T> entry : backends.entrySet()) {
            String rest = Paths.below(path, entry.getKey());
            if (rest != null && (best == null || entry.getKey().length() > best.mount().length())) {
                best = new Match<>(entry.getKey(), entry.getValue(), rest);
            }
        }
        return Optional.ofNullable(best);
    }
}
