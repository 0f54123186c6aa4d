package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;

/** A response kept for its single-use wrapping token (persisted, so plain fields; the store is encrypted). */
final class WrappedResponse {

    public String accessor;
    /** The whole response body as Vault would have answered it unwrapped. */
    public JsonNode response;
    public String creationPath;
    public long creationTimeMillis;
    public long ttlSeconds;

    boolean isExpired(long nowMillis) {
        return creationTimeMillis + ttlSeconds * 1000 <= nowMillis;
    }
}
