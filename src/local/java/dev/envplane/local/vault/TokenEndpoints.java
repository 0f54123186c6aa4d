package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The token auth method: auth/token/create, lookup(-self), renew(-self), revoke(-self) and accessors. */
final class TokenEndpoints {

    private static final String MOUNT = "auth/token/";

    private final TokenStore tokens;

    TokenEndpoints(TokenStore tokens) {
        this.tokens = tokens;
    }

    VaultResponse handle(VaultRequest request, String rest, AccessContext access) {
        String path = Paths.trimSlashes(rest);
        Operation operation = request.operation();
        if (path.equals("lookup-self") && operation == Operation.READ) {
            access.require(MOUNT + path, Capability.READ);
            return VaultResponses.ok(lookupData(access.token(), true));
        }
        if (path.equals("lookup") && operation == Operation.READ) {
            access.require(MOUNT + path, Capability.READ);
            return VaultResponses.ok(lookupData(target(request.text("token")), true));
        }
        if (path.equals("accessors") && operation == Operation.LIST) {
            access.requireSudo(MOUNT + "accessors/", Capability.LIST);
            return VaultResponses.keys(tokens.accessors());
        }
        if (operation != Operation.WRITE) {
            access.requireFor(request.path(), true);
            throw path.matches("create|create-orphan|renew-self|revoke-self|lookup|revoke|renew|lookup-self"
                    + "|lookup-accessor|revoke-accessor") ? VaultException.unsupportedOperation()
                    : VaultException.noHandler(request.path());
        }
        // None of these paths has an existence check, so POST/PUT always need update.
        access.require(MOUNT + path, Capability.UPDATE);
        TokenEntry caller = access.token();
        return switch (path) {
            case "create" -> create(request, caller, access, false);
            case "create-orphan" -> create(request, caller, access, true);
            case "lookup-self" -> VaultResponses.ok(lookupData(caller, true));
            case "renew-self" -> renew(caller, request);
            case "revoke-self" -> {
                tokens.revoke(caller.id);
                yield VaultResponses.noContent();
            }
            case "lookup" -> VaultResponses.ok(lookupData(target(request.text("token")), true));
            case "renew" -> renew(target(request.text("token")), request);
            case "revoke" -> {
                tokens.find(request.text("token")).ifPresent(token -> tokens.revoke(token.id));
                yield VaultResponses.noContent();
            }
            case "lookup-accessor" -> VaultResponses.ok(lookupData(byAccessor(request.text("accessor")), false));
            case "revoke-accessor" -> {
                tokens.revoke(byAccessor(request.text("accessor")).id);
                yield VaultResponses.noContent();
            }
            default -> throw VaultException.noHandler(request.path());
        };
    }

    private VaultResponse create(VaultRequest request, TokenEntry parent, AccessContext access, boolean orphanPath) {
        ObjectNode body = request.body();
        boolean privileged = parent.isRoot() || access.acl().grants(request.path(), Capability.SUDO);
        List<String> requested = new ArrayList<>(Json.stringList(body.get("policies")).stream()
                .map(PolicyStore::normalizeName).distinct().toList());
        if (requested.isEmpty()) {
            // Vault: without explicit policies a child inherits its parent's.
            requested.addAll(parent.policies);
        }
        if (!privileged) {
            Set<String> allowed = new HashSet<>(parent.policies);
            allowed.add(PolicyStore.DEFAULT);
            if (!allowed.containsAll(requested)) {
                throw VaultException.badRequest("child policies must be subset of parent");
            }
        }
        boolean orphan = orphanPath || body.path("no_parent").asBoolean(false);
        if (orphan && !orphanPath && !privileged) {
            throw VaultException.badRequest("root or sudo privileges required to create orphan token");
        }
        String requestedId = body.hasNonNull("id") ? body.get("id").asText() : null;
        if (requestedId != null && !privileged) {
            throw VaultException.badRequest("root or sudo privileges required to specify token id");
        }
        String displayName = body.hasNonNull("display_name") ? body.get("display_name").asText() : "";
        TokenEntry token = tokens.create(new TokenStore.TokenSpec(
                requested,
                body.path("no_default_policy").asBoolean(false),
                Durations.seconds(body.hasNonNull("ttl") ? body.get("ttl") : body.get("lease")),
                Durations.seconds(body.get("explicit_max_ttl")),
                body.path("renewable").asBoolean(true),
                body.path("num_uses").asInt(0),
                displayName.isEmpty() ? "token" : "token-" + displayName,
                "auth/token/" + (orphanPath ? "create-orphan" : "create"),
                orphan ? null : parent.id,
                stringMap(body.get("meta"))), requestedId);
        return VaultResponses.auth(authBlock(token, tokens.now()));
    }

    private VaultResponse renew(TokenEntry token, VaultRequest request) {
        tokens.renew(token, Durations.seconds(request.body().get("increment")));
        return VaultResponses.auth(authBlock(token, tokens.now()));
    }

    private TokenEntry target(String id) {
        if (id == null || id.isBlank()) {
            throw VaultException.badRequest("missing token to look up");
        }
        return tokens.find(id).orElseThrow(() -> VaultException.badRequest("bad token"));
    }

    private TokenEntry byAccessor(String accessor) {
        if (accessor == null || accessor.isBlank()) {
            throw VaultException.badRequest("missing accessor");
        }
        return tokens.findByAccessor(accessor).orElseThrow(() -> VaultException.badRequest("invalid accessor"));
    }

    /** The "auth" object of login, create and renew responses. */
    static ObjectNode authBlock(TokenEntry token, long nowMillis) {
        ObjectNode auth = Json.object();
        auth.put("client_token", token.id);
        auth.put("accessor", token.accessor);
        auth.set("policies", Json.array(token.policies));
        auth.set("token_policies", Json.array(token.policies));
        auth.set("metadata", token.meta == null ? NullNode.instance : Json.MAPPER.valueToTree(token.meta));
        auth.put("lease_duration", token.ttlSeconds(nowMillis));
        auth.put("renewable", token.renewable);
        auth.put("entity_id", "");
        auth.put("token_type", "service");
        auth.put("orphan", token.isOrphan());
        auth.putNull("mfa_requirement");
        auth.put("num_uses", token.numUses);
        return auth;
    }

    private ObjectNode lookupData(TokenEntry token, boolean includeId) {
        long now = tokens.now();
        ObjectNode data = Json.object();
        data.put("accessor", token.accessor);
        data.put("creation_time", token.issueTimeMillis / 1000);
        data.put("creation_ttl", token.creationTtlSeconds);
        data.put("display_name", token.displayName);
        data.put("entity_id", "");
        if (token.expireTimeMillis == 0) {
            data.putNull("expire_time");
        } else {
            data.put("expire_time", Instant.ofEpochMilli(token.expireTimeMillis).toString());
        }
        data.put("explicit_max_ttl", token.explicitMaxTtlSeconds);
        data.put("id", includeId ? token.id : "");
        data.put("issue_time", Instant.ofEpochMilli(token.issueTimeMillis).toString());
        data.set("meta", token.meta == null ? NullNode.instance : Json.MAPPER.valueToTree(token.meta));
        data.put("num_uses", token.numUses);
        data.put("orphan", token.isOrphan());
        data.put("path", token.path);
        data.set("policies", Json.array(token.policies));
        data.put("renewable", token.renewable);
        data.put("ttl", token.ttlSeconds(now));
        data.put("type", "service");
        return data;
    }

    private static Map<String, String> stringMap(JsonNode value) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            return null;
        }
        Map<String, String> map = new TreeMap<>();
        value.properties().forEach(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }
}
