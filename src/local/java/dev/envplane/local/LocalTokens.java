package dev.envplane.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Bearer tokens for the local default and the tests, signed with a key pair that exists only under
 * src/test/resources/local-jwt (never in the packaged application: SigningKeyNotPackagedIT). README "Authentication":
 *
 * <pre>./mvnw -q -Plocal test-compile exec:java -Dexec.mainClass=dev.envplane.local.LocalTokens -Dexec.args="developer"</pre>
 *
 * prints a token valid for 12 hours; for an integration, its scope follows the role:
 * {@code -Dexec.args="integration <environmentId> <projectId>/PRODUCTION"}.
 */
public final class LocalTokens {

    public static final String ISSUER = "https://envplane.local";
    public static final String AUDIENCE = "envplane";
    private static final String PRIVATE_KEY = "local-jwt/private.pem";
    private static final String PUBLIC_KEY = "local-jwt/public.pem";
    /** The claim access.Roles.SCOPE_CLAIM names (the local machinery does not see the application's classes). */
    private static final String SCOPE_CLAIM = "envplane_scope";

    private LocalTokens() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("Usage: LocalTokens <admin|developer|viewer|integration> [scope entries of an integration...]");
            System.exit(2);
        }
        System.out.println(sign(args[0], Arrays.asList(args).subList(1, args.length), Duration.ofHours(12)));
    }

    public static String sign(String role, List<String> scope, Duration lifetime) {
        return sign(role, scope, lifetime, AUDIENCE);
    }

    public static String sign(String role, List<String> scope, Duration lifetime, String audience) {
        var claims = Jwt.issuer(ISSUER).audience(audience).subject("local-" + role).upn("local-" + role + "@envplane.local")
                .groups(Set.of(role)).expiresIn(lifetime);
        if (!scope.isEmpty()) {
            claims.claim(SCOPE_CLAIM, scope);
        }
        return claims.sign(privateKey());
    }

    /** The public half, as the application's mp.jwt.verify.publickey (PEM body). */
    public static String publicKeyPem() {
        return resource(PUBLIC_KEY);
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(resource(PRIVATE_KEY));
        } catch (Exception unreadable) {
            throw new IllegalStateException("The local signing key " + PRIVATE_KEY + " is unreadable", unreadable);
        }
    }

    private static String resource(String name) {
        try (InputStream in = LocalTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path (tests and the local default only)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
