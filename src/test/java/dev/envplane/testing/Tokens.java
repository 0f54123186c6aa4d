package dev.envplane.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.envplane.local.LocalTokens;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Bearer tokens for tests (signed like the local default's, see LocalTokens), and the one mechanism that gives
 * every request to /graphql an admin token unless it names its own ({@link GraphQL#as}) or opts out of filters.
 */
public final class Tokens {

    private static final Duration LIFETIME = Duration.ofHours(2);
    private static volatile String admin;

    private Tokens() {
    }

    public static String admin() {
        String token = admin;
        if (token == null) {
            token = admin = role("admin");
        }
        return token;
    }

    public static String developer() {
        return role("developer");
    }

    public static String viewer() {
        return role("viewer");
    }

    /** An integration scoped to environment ids and/or {@code <projectId>/<DEPLOYMENT_TYPE>} pairs. */
    public static String integration(String... scope) {
        return LocalTokens.sign("integration", List.of(scope), LIFETIME);
    }

    public static String role(String role) {
        return LocalTokens.sign(role, List.of(), LIFETIME);
    }

    public static String expired(String role) {
        return LocalTokens.sign(role, List.of(), Duration.ofSeconds(-600));
    }

    public static String withAudience(String role, String audience) {
        return LocalTokens.sign(role, List.of(), LIFETIME, audience);
    }

    /** The configuration that makes the application (JVM or packaged) accept these tokens. */
    public static Map<String, String> verification() {
        return Map.of("mp.jwt.verify.issuer", LocalTokens.ISSUER,
                "mp.jwt.verify.audiences", LocalTokens.AUDIENCE,
                "mp.jwt.verify.publickey.location", "file:" + Path.of("src/test/resources/local-jwt/public.pem").toAbsolutePath());
    }

    private static final Filter ADMIN_BY_DEFAULT = (request, response, context) -> {
        if (request.getURI().contains("/graphql") && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + admin());
        }
        return context.next(request, response);
    };

    /** Called by LocalServicesResource and PackagedApplication; installs the filter once per test JVM. */
    public static synchronized void sendAdminByDefault() {
        if (!RestAssured.filters().contains(ADMIN_BY_DEFAULT)) {
            RestAssured.filters(ADMIN_BY_DEFAULT);
        }
    }
}
