package dev.envplane.local.vault;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Issues, resolves, renews and revokes tokens; expired tokens are removed when they are next seen. */
final class TokenStore {

    /** Vault's system default and maximum lease TTL: 768h. */
    static final long DEFAULT_TTL_SECONDS = 768L * 3600;
    static final long MAX_TTL_SECONDS = DEFAULT_TTL_SECONDS;

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a new token should look like; policies are taken as given ("default" is added here). */
    record TokenSpec(List<String> policies, boolean noDefaultPolicy, long ttlSeconds, long explicitMaxTtlSeconds,
                     boolean renewable, int numUses, String displayName, String path, String parentId,
                     Map<String, String> meta) {
    }

    private final Map<String, TokenEntry> tokens;
    private final Clock clock;

    TokenStore(Map<String, TokenEntry> tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token in Vault's modern service-token format: "hvs." and 24 random characters. */
    static String newTokenId() {
        return "hvs." + randomAlphanumeric(24);
    }

    static String randomAlphanumeric(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return value.toString();
    }

    TokenEntry createRoot(String id) {
        TokenEntry root = new TokenEntry();
        root.id = id;
        root.accessor = randomAlphanumeric(24);
        root.policies = new ArrayList<>(List.of(PolicyStore.ROOT));
        root.displayName = "root";
        root.path = "auth/token/root";
        root.issueTimeMillis = clock.millis();
        root.renewable = false;
        tokens.put(id, root);
        return root;
    }

    TokenEntry create(TokenSpec spec, String requestedId) {
        TreeSet<String> policies = new TreeSet<>(spec.policies());
        boolean root = policies.contains(PolicyStore.ROOT);
        if (!spec.noDefaultPolicy() && !root) {
            policies.add(PolicyStore.DEFAULT);
        }
        TokenEntry token = new TokenEntry();
        token.id = requestedId == null ? newTokenId() : requestedId;
        if (tokens.containsKey(token.id)) {
            throw VaultException.badRequest("cannot create a token with a duplicate ID");
        }
        token.accessor = randomAlphanumeric(24);
        token.policies = new ArrayList<>(policies);
        token.meta = spec.meta() == null || spec.meta().isEmpty() ? null : spec.meta();
        token.displayName = spec.displayName();
        token.path = spec.path();
        token.parentId = spec.parentId();
        token.issueTimeMillis = clock.millis();
        token.explicitMaxTtlSeconds = spec.explicitMaxTtlSeconds();
        token.numUses = Math.max(0, spec.numUses());
        // Root-policy tokens without a TTL never expire; everything else gets the system default.
        long ttl = spec.ttlSeconds() > 0 ? spec.ttlSeconds() : root ? 0 : DEFAULT_TTL_SECONDS;
        ttl = Math.min(ttl, maxTtl(token));
        token.creationTtlSeconds = ttl;
        token.expireTimeMillis = ttl == 0 ? 0 : token.issueTimeMillis + ttl * 1000;
        token.renewable = spec.renewable() && ttl > 0;
        tokens.put(token.id, token);
        return token;
    }

    /** The live token with this id; an expired one is revoked on the spot. */
    Optional<TokenEntry> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        TokenEntry token = tokens.get(id);
        if (token != null && token.expireTimeMillis != 0 && token.expireTimeMillis <= clock.millis()) {
            revoke(token.id);
            return Optional.empty();
        }
        return Optional.ofNullable(token);
    }

    Optional<TokenEntry> findByAccessor(String accessor) {
        return tokens.values().stream()
                .filter(token -> token.accessor.equals(accessor))
                .findFirst()
                .flatMap(token -> find(token.id));
    }

    /** Counts one use of a limited-use token; the last use revokes it (the current request still runs). */
    void use(TokenEntry token) {
        if (token.numUses > 0) {
            token.numUses--;
            if (token.numUses == 0) {
                revoke(token.id);
            }
        }
    }

    /** Revokes the token and, as Vault does, every non-orphan token it created. */
    void revoke(String id) {
        if (tokens.remove(id) == null) {
            return;
        }
        List<String> children = tokens.values().stream()
                .filter(token -> id.equals(token.parentId))
                .map(token -> token.id)
                .toList();
        children.forEach(this::revoke);
    }

    /** Extends the TTL by {@code incrementSeconds} from now (or the original TTL), capped by the max TTL. */
    TokenEntry renew(TokenEntry token, long incrementSeconds) {
        if (token.expireTimeMillis == 0) {
            return token;
        }
        if (!token.renewable) {
            throw VaultException.badRequest("lease is not renewable");
        }
        long now = clock.millis();
        long ttl = incrementSeconds > 0 ? incrementSeconds : token.creationTtlSeconds;
        long latest = token.issueTimeMillis + maxTtl(token) * 1000;
        token.expireTimeMillis = Math.min(now + ttl * 1000, latest);
        if (token.expireTimeMillis <= now) {
            throw VaultException.badRequest("past the max TTL, cannot renew");
        }
        return token;
    }

    void revokeIssuedBy(String loginPath) {
        tokens.values().stream().filter(token -> loginPath.equals(token.path)).map(token -> token.id).toList()
                .forEach(this::revoke);
    }

    List<String> accessors() {
        return tokens.values().stream().map(token -> token.accessor).sorted().toList();
    }

    long now() {
        return clock.millis();
    }

    private static long maxTtl(TokenEntry token) {
        return token.explicitMaxTtlSeconds > 0 ? Math.min(token.explicitMaxTtlSeconds, MAX_TTL_SECONDS) : MAX_TTL_SECONDS;
    }
}
