package dev.envplane.access;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens already verified, kept a short while: a client sends the same token with every request, and
 * verifying it (an RSA signature and a JSON parse) was 6-8% of the CPU of a read (JFR, README "Read-path benchmark").
 * Quarkus' JWT authentication asks this parser; smallrye-jwt's own verifies what is not kept here.
 * <ul>
 * <li>keyed by the token's exact text, whose signature was verified; a token that differs in one character is verified
 * on its own;</li>
 * <li>kept until the token's {@code exp} or for at most {@code envplane.auth.verified-token-ttl}, whichever comes
 * first, so a key withdrawn from the identity provider's JWKS stops being honoured within that time;</li>
 * <li>a token that fails verification is never kept;</li>
 * <li>at most {@code envplane.auth.verified-tokens} entries; 0 turns the cache off.</li>
 * </ul>
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens implements JWTParser {

    private final JWTParser verifier;
    private final Clock clock;
    private final int maxEntries;
    private final Duration ttl;
    private final Map<String, Verified> entries = new ConcurrentHashMap<>();

    private record Verified(JsonWebToken token, Instant until) {
    }

    @Inject
    VerifiedTokens(DefaultJWTParser verifier,
            @ConfigProperty(name = "envplane.auth.verified-tokens") int maxEntries,
            @ConfigProperty(name = "envplane.auth.verified-token-ttl") Duration ttl) {
        this(verifier, Clock.systemUTC(), maxEntries, ttl);
    }

    VerifiedTokens(JWTParser verifier, Clock clock, int maxEntries, Duration ttl) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.ttl = ttl;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = clock.instant();
        JsonWebToken known = kept(token, now);
        if (known != null) {
            return known;
        }
        JsonWebToken verified = verifier.parse(token);
        remember(token, verified, now);
        return verified;
    }

    private void remember(String text, JsonWebToken token, Instant now) {
        Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
        Instant until = now.plus(ttl).isBefore(expires) ? now.plus(ttl) : expires;
        if (maxEntries <= 0 || !now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(text, new Verified(token, until));
    }

    private JsonWebToken kept(String token, Instant now) {
        Verified known = entries.get(token);
        return known != null && now.isBefore(known.until()) ? known.token() : null;
    }

    /** Whether a request with this token would skip verification now. */
    boolean keeps(String token) {
        return kept(token, clock.instant()) != null;
    }

    // Everything else is smallrye-jwt's, unchanged and never kept.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
