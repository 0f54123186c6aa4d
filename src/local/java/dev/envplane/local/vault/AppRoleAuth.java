package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The AppRole auth method at one mount: roles, role IDs, secret IDs and login. */
final class AppRoleAuth {

    private final String mount;
    private final AppRoleMountState state;
    private final TokenStore tokens;
    private final Clock clock;

    AppRoleAuth(String mount, AppRoleMountState state, TokenStore tokens, Clock clock) {
        this.mount = mount;
        this.state = state;
        this.tokens = tokens;
        this.clock = clock;
    }

    AppRoleMountState state() {
        return state;
    }

    /** Handles auth/{mount}/{rest}. */
    VaultResponse handle(VaultRequest request, String rest, AccessContext access) {
        String path = Paths.trimSlashes(rest);
        if (path.equals("login")) {
            if (request.operation() != Operation.WRITE) {
                throw VaultException.unsupportedOperation();
            }
            return login(request.text("role_id"), request.text("secret_id"));
        }
        if (path.equals("role")) {
            access.requireFor(request.path(), true);
            if (request.operation() != Operation.LIST) {
                throw VaultException.unsupportedOperation();
            }
            return VaultResponses.keys(new ArrayList<>(state.roles.keySet()));
        }
        if (!path.startsWith("role/")) {
            access.requireFor(request.path(), true);
            throw VaultException.noHandler(request.path());
        }
        String[] parts = path.substring("role/".length()).split("/", 2);
        String roleName = parts[0].toLowerCase(Locale.ROOT);
        String action = parts.length > 1 ? parts[1] : "";
        AppRoleMountState.Role role = state.roles.get(roleName);
        access.requireFor(request.path(), role != null);
        return switch (action) {
            case "" -> role(request, roleName, role);
            case "role-id" -> roleId(request, role);
            case "secret-id" -> secretId(request, role);
            default -> throw VaultException.noHandler(request.path());
        };
    }

    private VaultResponse role(VaultRequest request, String name, AppRoleMountState.Role existing) {
        switch (request.operation()) {
            case READ -> {
                if (existing == null) {
                    throw VaultException.notFound();
                }
                return VaultResponses.ok(describe(existing));
            }
            case WRITE -> {
                AppRoleMountState.Role role = existing == null ? newRole(name) : existing;
                configure(role, request.body());
                state.roles.put(name, role);
                return VaultResponses.noContent();
            }
            case DELETE -> {
                state.roles.remove(name);
                state.secretIds.values().removeIf(secretId -> secretId.roleName.equals(name));
                return VaultResponses.noContent();
            }
            default -> throw VaultException.unsupportedOperation();
        }
    }

    private VaultResponse roleId(VaultRequest request, AppRoleMountState.Role role) {
        if (role == null) {
            throw VaultException.badRequest("role does not exist");
        }
        switch (request.operation()) {
            case READ -> {
                ObjectNode data = Json.object();
                data.put("role_id", role.roleId);
                return VaultResponses.ok(data);
            }
            case WRITE -> {
                String roleId = request.text("role_id");
                if (roleId == null || roleId.isBlank()) {
                    throw VaultException.badRequest("missing role_id");
                }
                role.roleId = roleId;
                return VaultResponses.noContent();
            }
            default -> throw VaultException.unsupportedOperation();
        }
    }

    private VaultResponse secretId(VaultRequest request, AppRoleMountState.Role role) {
        if (role == null) {
            throw VaultException.badRequest("role does not exist");
        }
        if (request.operation() != Operation.WRITE) {
            throw VaultException.unsupportedOperation();
        }
        long ttl = request.body().has("ttl") ? Durations.seconds(request.body().get("ttl")) : role.secretIdTtlSeconds;
        int numUses = request.body().has("num_uses") ? request.body().get("num_uses").asInt() : role.secretIdNumUses;
        AppRoleMountState.SecretId secretId = new AppRoleMountState.SecretId();
        secretId.roleName = role.name;
        secretId.accessor = UUID.randomUUID().toString();
        secretId.createdMillis = clock.millis();
        secretId.expireMillis = ttl > 0 ? secretId.createdMillis + ttl * 1000 : 0;
        secretId.usesLeft = Math.max(0, numUses);
        secretId.metadata = stringMap(request.body().get("metadata"));
        String value = UUID.randomUUID().toString();
        state.secretIds.put(value, secretId);
        ObjectNode data = Json.object();
        data.put("secret_id", value);
        data.put("secret_id_accessor", secretId.accessor);
        data.put("secret_id_ttl", ttl);
        data.put("secret_id_num_uses", secretId.usesLeft);
        return VaultResponses.ok(data);
    }

    /** Vault answers 400, not 403, for bad AppRole credentials. */
    private VaultResponse login(String roleId, String secretIdValue) {
        AppRoleMountState.Role role = state.roles.values().stream()
                .filter(candidate -> roleId != null && constantTimeEquals(candidate.roleId, roleId))
                .findFirst()
                .orElseThrow(AppRoleAuth::invalidCredentials);
        if (role.bindSecretId) {
            AppRoleMountState.SecretId secretId = secretIdValue == null ? null : state.secretIds.get(secretIdValue);
            if (secretId == null || !secretId.roleName.equals(role.name)) {
                throw invalidCredentials();
            }
            if (secretId.expireMillis != 0 && secretId.expireMillis <= clock.millis()) {
                state.secretIds.remove(secretIdValue);
                throw invalidCredentials();
            }
            if (secretId.usesLeft > 0 && --secretId.usesLeft == 0) {
                state.secretIds.remove(secretIdValue);
            }
        }
        TokenEntry token = tokens.create(new TokenStore.TokenSpec(role.tokenPolicies, false, role.tokenTtlSeconds,
                role.tokenMaxTtlSeconds, true, role.tokenNumUses, "approle", "auth/" + mount + "/login", null,
                Map.of("role_name", role.name)), null);
        return VaultResponses.auth(TokenEndpoints.authBlock(token, clock.millis()));
    }

    private static VaultException invalidCredentials() {
        return VaultException.badRequest("invalid role or secret ID");
    }

    private static AppRoleMountState.Role newRole(String name) {
        AppRoleMountState.Role role = new AppRoleMountState.Role();
        role.name = name;
        role.roleId = UUID.randomUUID().toString();
        return role;
    }

    private static void configure(AppRoleMountState.Role role, ObjectNode body) {
        if (body.has("token_policies")) {
            role.tokenPolicies = normalizedPolicies(body.get("token_policies"));
        } else if (body.has("policies")) {
            role.tokenPolicies = normalizedPolicies(body.get("policies"));
        }
        if (body.has("token_ttl")) {
            role.tokenTtlSeconds = Durations.seconds(body.get("token_ttl"));
        }
        if (body.has("token_max_ttl")) {
            role.tokenMaxTtlSeconds = Durations.seconds(body.get("token_max_ttl"));
        }
        if (body.has("token_num_uses")) {
            role.tokenNumUses = Math.max(0, body.get("token_num_uses").asInt());
        }
        if (body.has("secret_id_ttl")) {
            role.secretIdTtlSeconds = Durations.seconds(body.get("secret_id_ttl"));
        }
        if (body.has("secret_id_num_uses")) {
            role.secretIdNumUses = Math.max(0, body.get("secret_id_num_uses").asInt());
        }
        if (body.has("bind_secret_id")) {
            role.bindSecretId = body.get("bind_secret_id").asBoolean(true);
        }
        if (!role.bindSecretId) {
            // Vault refuses roles that bind nothing at all; CIDR bindings do not exist here.
            throw VaultException.badRequest("at least one constraint should be enabled on the role");
        }
    }

    private static ObjectNode describe(AppRoleMountState.Role role) {
        ObjectNode data = Json.object();
        data.put("bind_secret_id", role.bindSecretId);
        data.put("local_secret_ids", false);
        data.set("policies", Json.array(role.tokenPolicies));
        data.putNull("secret_id_bound_cidrs");
        data.put("secret_id_num_uses", role.secretIdNumUses);
        data.put("secret_id_ttl", role.secretIdTtlSeconds);
        data.set("token_bound_cidrs", Json.array(List.of()));
        data.put("token_explicit_max_ttl", 0);
        data.put("token_max_ttl", role.tokenMaxTtlSeconds);
        data.put("token_no_default_policy", false);
        data.put("token_num_uses", role.tokenNumUses);
        data.put("token_period", 0);
        data.set("token_policies", Json.array(role.tokenPolicies));
        data.put("token_ttl", role.tokenTtlSeconds);
        data.put("token_type", "default");
        return data;
    }

    private static List<String> normalizedPolicies(JsonNode value) {
        return Json.stringList(value).stream().map(PolicyStore::normalizeName).distinct().sorted().toList();
    }

    private static Map<String, String> stringMap(JsonNode value) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            return null;
        }
        Map<String, String> map = new java.util.TreeMap<>();
        value.properties().forEach(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
