package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** The sys/ backend: health, seal, policies, mounts, auth methods and capabilities. */
final class SystemEndpoints {

    static final String VERSION = "1.17.0-envplane";
    static final String BUILD_DATE = "2024-06-10T10:11:34Z";

    /** The only paths that answer while sealed, and need no token. */
    static final Set<String> SEALED_PATHS = Set.of("sys/health", "sys/seal-status", "sys/unseal");

    private final VaultState state;
    private final SealState seal;
    private final PolicyStore policies;
    private final MountTable mounts;
    private final Clock clock;
    private final boolean persistent;

    SystemEndpoints(VaultState state, SealState seal, PolicyStore policies, MountTable mounts, Clock clock,
                    boolean persistent) {
        this.state = state;
        this.seal = seal;
        this.policies = policies;
        this.mounts = mounts;
        this.clock = clock;
        this.persistent = persistent;
    }

    /** {@code path} is relative to "sys/". */
    VaultResponse handle(VaultRequest request, String path, AccessContext access) {
        Operation operation = request.operation();
        switch (path) {
            case "health" -> {
                return health(request);
            }
            case "seal-status" -> {
                requireOperation(operation, Operation.READ);
                return VaultResponses.raw(200, sealStatus());
            }
            case "unseal" -> {
                requireOperation(operation, Operation.WRITE);
                return unseal(request);
            }
            case "init" -> {
                requireOperation(operation, Operation.READ);
                ObjectNode body = Json.object();
                body.put("initialized", true);
                return VaultResponses.raw(200, body);
            }
            case "leader" -> {
                requireOperation(operation, Operation.READ);
                return VaultResponses.raw(200, leader());
            }
            case "seal" -> {
                requireOperation(operation, Operation.WRITE);
                access.requireSudo("sys/seal", Capability.UPDATE);
                seal.seal();
                return VaultResponses.noContent();
            }
            case "mounts" -> {
                access.require("sys/mounts", Capability.READ);
                requireOperation(operation, Operation.READ);
                return VaultResponses.ok(mounts.secretMounts());
            }
            case "auth" -> {
                access.require("sys/auth", Capability.READ);
                requireOperation(operation, Operation.READ);
                return VaultResponses.ok(mounts.authMounts());
            }
            case "capabilities-self" -> {
                access.require("sys/capabilities-self", Capability.UPDATE);
                requireOperation(operation, Operation.WRITE);
                return capabilities(request, access.acl());
            }
            case "policies/acl", "policy" -> {
                access.requireFor(request.path(), true);
                if (operation != Operation.LIST && !(operation == Operation.READ && path.equals("policy"))) {
                    throw VaultException.unsupportedOperation();
                }
                ObjectNode data = Json.object();
                data.set("keys", Json.array(policies.names()));
                if (path.equals("policy")) {
                    data.set("policies", Json.array(policies.names()));
                }
                return VaultResponses.ok(data);
            }
            default -> {
                // handled below
            }
        }
        if (path.startsWith("policies/acl/")) {
            return policy(request, PolicyStore.normalizeName(path.substring("policies/acl/".length())), "policy", access);
        }
        if (path.startsWith("policy/")) {
            return policy(request, PolicyStore.normalizeName(path.substring("policy/".length())), "rules", access);
        }
        if (path.startsWith("mounts/")) {
            return mount(request, Paths.trimSlashes(path.substring("mounts/".length())), access);
        }
        if (path.startsWith("auth/")) {
            return authMount(request, Paths.trimSlashes(path.substring("auth/".length())), access);
        }
        if (path.startsWith("internal/ui/mounts/")) {
            access.token();
            requireOperation(operation, Operation.READ);
            return mounts.describeSecretMount(Paths.trimSlashes(path.substring("internal/ui/mounts/".length())))
                    .map(VaultResponses::ok)
                    .orElseThrow(VaultException::permissionDenied);
        }
        access.requireFor(request.path(), true);
        throw VaultException.noHandler(request.path());
    }

    // ---- health and seal ----------------------------------------------------------------------------

    /**
     * Unauthenticated; the status code is the answer, tunable with Vault's *code query parameters
     * (http/sys_health.go). This server is always initialized and never a replication secondary; it is a
     * standby exactly while sealed, as Vault reports itself.
     */
    private VaultResponse health(VaultRequest request) {
        if (request.operation() != Operation.READ) {
            throw new VaultException(405, List.of());
        }
        int uninitCode = code(request, "uninitcode", 501);
        int sealedCode = code(request, "sealedcode", 503);
        int standbyCode = code(request, "standbycode", 429);
        int activeCode = code(request, "activecode", 200);
        code(request, "drsecondarycode", 472);
        code(request, "performancestandbycode", 473);
        boolean initialized = true;
        boolean sealed = seal.isSealed();
        // Vault's core is a standby whenever it is sealed (it only becomes active on unseal).
        boolean standby = sealed;
        boolean standbyOk = request.query().containsKey("standbyok") && !"false".equals(request.query().get("standbyok"));
        int status = !initialized ? uninitCode : sealed ? sealedCode
                : standby && !standbyOk ? standbyCode : activeCode;
        if (request.isHead() || status == 204) {
            return new VaultResponse(status, null);
        }
        ObjectNode body = Json.object();
        body.put("initialized", initialized);
        body.put("sealed", sealed);
        body.put("standby", standby);
        body.put("performance_standby", false);
        body.put("replication_performance_mode", "disabled");
        body.put("replication_dr_mode", "disabled");
        body.put("server_time_utc", clock.instant().getEpochSecond());
        body.put("version", VERSION);
        body.put("enterprise", false);
        if (!sealed) {
            // Vault reads the cluster identity from storage, which it cannot while sealed.
            body.put("cluster_name", state.clusterName);
            body.put("cluster_id", state.clusterId);
        }
        body.put("echo_duration_ms", 0);
        body.put("clock_skew_ms", 0);
        return VaultResponses.raw(status, body);
    }

    /** A *code parameter; Vault answers 400 with an empty error list for one that is not a number. */
    private static int code(VaultRequest request, String name, int defaultCode) {
        String value = request.query().get(name);
        if (value == null) {
            return defaultCode;
        }
        try {
            int code = Integer.parseInt(value.trim());
            if (code < 100 || code > 999) {
                throw new NumberFormatException();
            }
            return code;
        } catch (NumberFormatException e) {
            throw new VaultException(400, List.of());
        }
    }

    ObjectNode sealStatus() {
        ObjectNode body = Json.object();
        body.put("type", "shamir");
        body.put("initialized", true);
        body.put("sealed", seal.isSealed());
        body.put("t", 1);
        body.put("n", 1);
        body.put("progress", 0);
        body.put("nonce", "");
        body.put("version", VERSION);
        body.put("build_date", BUILD_DATE);
        body.put("migration", false);
        if (!seal.isSealed()) {
            body.put("cluster_name", state.clusterName);
            body.put("cluster_id", state.clusterId);
        }
        body.put("recovery_seal", false);
        body.put("storage_type", persistent ? "file" : "inmem");
        return body;
    }

    private VaultResponse unseal(VaultRequest request) {
        JsonNode reset = request.body().get("reset");
        if (reset != null && reset.asBoolean()) {
            return VaultResponses.raw(200, sealStatus());
        }
        String key = request.text("key");
        if (key == null || key.isBlank()) {
            throw VaultException.badRequest("'key' must be specified in request body as JSON, or 'reset' set to true");
        }
        if (!seal.isSealed()) {
            return VaultResponses.raw(200, sealStatus());
        }
        if (!seal.unseal(key)) {
            throw VaultException.badRequest("Unseal failed, invalid key");
        }
        return VaultResponses.raw(200, sealStatus());
    }

    private ObjectNode leader() {
        ObjectNode body = Json.object();
        body.put("ha_enabled", false);
        body.put("is_self", false);
        body.put("active_time", "0001-01-01T00:00:00Z");
        body.put("leader_address", "");
        body.put("leader_cluster_address", "");
        body.put("performance_standby", false);
        body.put("performance_standby_last_remote_wal", 0);
        return body;
    }

    // ---- policies -----------------------------------------------------------------------------------

    /** sys/policies/acl/{name} (field "policy") and the legacy sys/policy/{name} (field "rules"). */
    private VaultResponse policy(VaultRequest request, String name, String textField, AccessContext access) {
        Operation operation = request.operation();
        access.require(request.path(), operation.capability(policies.exists(name)));
        switch (operation) {
            case READ -> {
                String text = policies.text(name).orElseThrow(VaultException::notFound);
                ObjectNode data = Json.object();
                data.put("name", name);
                data.put(textField, text);
                return VaultResponses.ok(data);
            }
            case WRITE -> {
                String text = request.text("policy");
                if (text == null) {
                    text = request.text("rules");
                }
                if (text == null) {
                    throw VaultException.badRequest("'policy' parameter not supplied or empty");
                }
                policies.put(name, maybeBase64(text));
                return VaultResponses.noContent();
            }
            case DELETE -> {
                policies.delete(name);
                return VaultResponses.noContent();
            }
            default -> throw VaultException.unsupportedOperation();
        }
    }

    /** Vault accepts policy text base64-encoded as well. */
    private static String maybeBase64(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.contains("\"") || trimmed.contains("{")) {
            return text;
        }
        try {
            return new String(Base64.getDecoder().decode(trimmed), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private VaultResponse capabilities(VaultRequest request, Acl acl) {
        List<String> paths = new ArrayList<>(Json.stringList(request.body().get("paths")));
        paths.addAll(Json.stringList(request.body().get("path")));
        if (paths.isEmpty()) {
            throw VaultException.badRequest("missing paths");
        }
        ObjectNode data = Json.object();
        List<String> all = new ArrayList<>();
        for (String path : paths) {
            List<String> names = capabilityNames(acl, Paths.trimSlashes(path));
            data.set(path, Json.array(names));
            names.stream().filter(name -> !all.contains(name)).forEach(all::add);
        }
        data.set("capabilities", Json.array(all));
        return VaultResponses.ok(data);
    }

    private static List<String> capabilityNames(Acl acl, String path) {
        if (acl.isRoot()) {
            return List.of("root");
        }
        var capabilities = acl.capabilities(path);
        if (capabilities.isEmpty() || capabilities.contains(Capability.DENY)) {
            return List.of("deny");
        }
        return capabilities.stream().map(Capability::vaultName).sorted().toList();
    }

    // ---- mounts -------------------------------------------------------------------------------------

    /** sys/mounts/{path}: only KV version 2 can be enabled here. */
    private VaultResponse mount(VaultRequest request, String mount, AccessContext access) {
        if (mount.endsWith("/tune") || mount.isEmpty()) {
            access.requireFor(request.path(), true);
            throw VaultException.noHandler(request.path());
        }
        switch (request.operation()) {
            case WRITE -> {
                access.require(request.path(), Capability.UPDATE);
                String type = request.text("type");
                JsonNode options = request.body().path("options");
                boolean kv2 = "kv-v2".equals(type) || ("kv".equals(type) && "2".equals(options.path("version").asText()));
                if (!kv2) {
                    throw VaultException.badRequest("only the KV version 2 secrets engine (type kv, options.version 2)"
                            + " is supported by this server");
                }
                mounts.enableKv(mount);
                return VaultResponses.noContent();
            }
            case READ -> {
                access.require(request.path(), Capability.READ);
                return mounts.describeSecretMount(mount).filter(entry -> entry.path("path").asText().equals(mount + "/"))
                        .map(VaultResponses::ok).orElseThrow(VaultException::notFound);
            }
            case DELETE -> {
                access.require(request.path(), Capability.DELETE);
                mounts.disableKv(mount);
                return VaultResponses.noContent();
            }
            default -> throw VaultException.unsupportedOperation();
        }
    }

    /** sys/auth/{path}: root-protected, like in Vault; only AppRole can be enabled. */
    private VaultResponse authMount(VaultRequest request, String mount, AccessContext access) {
        switch (request.operation()) {
            case WRITE -> {
                access.requireSudo(request.path(), Capability.UPDATE);
                String type = request.text("type");
                if (!"approle".equals(type)) {
                    throw VaultException.badRequest("only the approle auth method is supported by this server");
                }
                mounts.enableAppRole(mount);
                return VaultResponses.noContent();
            }
            case DELETE -> {
                access.requireSudo(request.path(), Capability.DELETE);
                mounts.disableAuth(mount);
                return VaultResponses.noContent();
            }
            default -> {
                access.requireFor(request.path(), true);
                throw VaultException.unsupportedOperation();
            }
        }
    }

    private static void requireOperation(Operation actual, Operation expected) {
        if (actual != expected) {
            throw VaultException.unsupportedOperation();
        }
    }
}
