package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Vault's response wrapping: a request carrying X-Vault-Wrap-TTL gets, instead of its answer, a single-use
 * wrapping token ({@code wrap_info}); sys/wrapping/unwrap hands the answer over once, sys/wrapping/lookup
 * describes the token without using it. Wrapping tokens live here, not in the token store: they are good
 * for nothing but unwrapping.
 */
final class ResponseWrapping {

    /** Vault's answer for a used, expired or unknown wrapping token. */
    static final String INVALID_TOKEN = "wrapping token is not valid or does not exist";

    private final Map<String, WrappedResponse> wrapped;
    private final Clock clock;

    ResponseWrapping(Map<String, WrappedResponse> wrapped, Clock clock) {
        this.wrapped = wrapped;
        this.clock = clock;
    }

    /** Wraps a logical answer (an envelope with data or auth); anything else goes back as it is. */
    VaultResponse wrap(VaultResponse response, VaultRequest request) {
        if (response.status() != 200 || !(response.body() instanceof ObjectNode body) || !body.has("request_id")) {
            return response;
        }
        String token = TokenStore.newTokenId();
        WrappedResponse entry = new WrappedResponse();
        entry.accessor = TokenStore.randomAlphanumeric(24);
        entry.response = body;
        entry.creationPath = request.path();
        entry.creationTimeMillis = clock.millis();
        entry.ttlSeconds = request.wrapTtl();
        wrapped.put(token, entry);

        ObjectNode wrapInfo = Json.object();
        wrapInfo.put("token", token);
        wrapInfo.put("accessor", entry.accessor);
        wrapInfo.put("ttl", entry.ttlSeconds);
        wrapInfo.put("creation_time", Instant.ofEpochMilli(entry.creationTimeMillis).toString());
        wrapInfo.put("creation_path", entry.creationPath);
        ObjectNode wrappedBody = (ObjectNode) VaultResponses.envelope(200, null, null).body();
        wrappedBody.set("wrap_info", wrapInfo);
        return new VaultResponse(200, wrappedBody);
    }

    /**
     * sys/wrapping/unwrap: the wrapping token either as the client token (then nothing else is needed) or in
     * the body, sent by another token allowed to update sys/wrapping/unwrap.
     */
    VaultResponse unwrap(VaultRequest request, AccessContext access) {
        requireWrite(request);
        String bodyToken = request.text("token");
        String token;
        if (bodyToken != null && !bodyToken.isBlank()) {
            if (request.token() != null && wrapped.containsKey(request.token())) {
                // Vault refuses to use one wrapping token to unwrap another (that would use up both).
                throw VaultException.badRequest("cannot unwrap with a wrapping token when a token is also given in the body");
            }
            access.require("sys/wrapping/unwrap", Capability.UPDATE);
            token = bodyToken.trim();
        } else {
            token = request.token();
        }
        WrappedResponse entry = live(token);
        wrapped.remove(token);
        return VaultResponses.raw(200, entry.response);
    }

    /** sys/wrapping/lookup: unauthenticated in Vault; does not use the token up. */
    VaultResponse lookup(VaultRequest request) {
        if (request.operation() != Operation.WRITE && request.operation() != Operation.READ) {
            throw VaultException.unsupportedOperation();
        }
        WrappedResponse entry = live(request.text("token"));
        ObjectNode data = Json.object();
        data.put("creation_path", entry.creationPath);
        data.put("creation_time", Instant.ofEpochMilli(entry.creationTimeMillis).toString());
        data.put("creation_ttl", entry.ttlSeconds);
        return VaultResponses.ok(data);
    }

    private WrappedResponse live(String token) {
        WrappedResponse entry = token == null ? null : wrapped.get(token.trim());
        if (entry != null && entry.isExpired(clock.millis())) {
            wrapped.remove(token.trim());
            entry = null;
        }
        if (entry == null) {
            throw new VaultException(400, List.of(INVALID_TOKEN));
        }
        return entry;
    }

    private static void requireWrite(VaultRequest request) {
        if (request.operation() != Operation.WRITE) {
            throw VaultException.unsupportedOperation();
        }
    }
}
