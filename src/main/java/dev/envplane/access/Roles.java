package dev.envplane.access;

import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The roles a token carries in its {@code groups} claim (README "Roles"), and the claim that scopes an integration.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String DEVELOPER = "developer";
    public static final String VIEWER = "viewer";
    public static final String INTEGRATION = "integration";
    /**
     * An integration's scope: environment ids, or {@code <projectId>/<DEPLOYMENT_TYPE>} pairs (for example
     * {@code 3f0c.../PRODUCTION}), so a runner's token can follow the environment a deployment type names.
     */
    public static final String SCOPE_CLAIM = "envplane_scope";

    static final Set<String> READERS = Set.of(ADMIN, DEVELOPER, VIEWER);

    private Roles() {
    }

    static boolean isAdmin(SecurityIdentity identity) {
        return identity.hasRole(ADMIN);
    }

    static boolean isDeveloper(SecurityIdentity identity) {
        return identity.hasRole(DEVELOPER);
    }

    static boolean isReader(SecurityIdentity identity) {
        return READERS.stream().anyMatch(identity::hasRole);
    }
}
