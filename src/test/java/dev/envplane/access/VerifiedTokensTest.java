package dev.envplane.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** What the verified-token cache keeps, for how long, and what it never keeps (over HTTP: VerifiedTokensHttpTest). */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    /** Stands in for smallrye-jwt: "good-<exp seconds>" verifies (expiring then), anything else fails. */
    private final DefaultJWTParser verifier = new DefaultJWTParser() {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (!token.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            long exp = Long.parseLong(token.substring(5));
            return (JsonWebToken) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { JsonWebToken.class },
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getExpirationTime" -> exp;
                        case "getName" -> token;
                        default -> null;
                    });
        }
    };

    private String expiringIn(Duration duration) {
        return "good-" + NOW.plus(duration).getEpochSecond();
    }

    private VerifiedTokens cache(int entries) {
        return new VerifiedTokens(verifier, clock, entries, Duration.ofSeconds(60));
    }

    @Test
    void aTokenIsVerifiedOnceWhileItIsKept() throws ParseException {
        VerifiedTokens tokens = cache(10);
        String token = expiringIn(Duration.ofHours(1));
        JsonWebToken first = tokens.parse(token);
        now = NOW.plusSeconds(59);
        assertSame(first, tokens.parse(token));
        assertEquals(List.of(token), verified);
    }

    @Test
    void aKeptTokenIsVerifiedAgainAfterTheTtl() throws ParseException {
        VerifiedTokens tokens = cache(10);
        String token = expiringIn(Duration.ofHours(1));
        tokens.parse(token);
        now = NOW.plusSeconds(60);
        assertFalse(tokens.keeps(token));
        tokens.parse(token);
        assertEquals(List.of(token, token), verified);
    }

    @Test
    void aTokenIsNeverKeptPastItsExpiry() throws ParseException {
        VerifiedTokens tokens = cache(10);
        String token = expiringIn(Duration.ofSeconds(10));
        tokens.parse(token);
        now = NOW.plusSeconds(10);
        assertFalse(tokens.keeps(token));
        tokens.parse(token);
        assertEquals(2, verified.size(), "verified again once expired: smallrye-jwt decides, not the cache");
    }

    @Test
    void aTokenThatFailsIsNeverKept() {
        VerifiedTokens tokens = cache(10);
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(List.of("forged", "forged"), verified);
        assertFalse(tokens.keeps("forged"));
    }

    @Test
    void theNumberOfTokensKeptIsBounded() throws ParseException {
        VerifiedTokens tokens = cache(2);
        String a = expiringIn(Duration.ofHours(1));
        String b = expiringIn(Duration.ofHours(2));
        String c = expiringIn(Duration.ofHours(3));
        tokens.parse(a);
        tokens.parse(b);
        tokens.parse(c);
        assertTrue(tokens.keeps(c));
        assertFalse(tokens.keeps(a) && tokens.keeps(b), "never more than 2 kept");
    }

    @Test
    void zeroEntriesKeepsNothing() throws ParseException {
        VerifiedTokens tokens = cache(0);
        String token = expiringIn(Duration.ofHours(1));
        tokens.parse(token);
        tokens.parse(token);
        assertEquals(2, verified.size());
    }
}
