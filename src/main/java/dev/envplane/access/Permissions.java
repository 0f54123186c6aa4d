package dev.envplane.access;

/**
 * Every permission a GraphQL operation or field declares with {@code @PermissionsAllowed}; {@link AccessRules} decides
 * each one. A denial names the permission (FORBIDDEN), so these names are part of the API (README "Roles").
 */
public final class Permissions {

    /** Non-secret data: projects, environments, connections, credentials' settings, variables, targets. */
    public static final String READ = "read";
    /** Anything only an admin may do: projects, connections, promotion, variables shared by every environment. */
    public static final String ADMIN = "admin";
    /** Create an environment of the given kind. */
    public static final String CREATE_ENVIRONMENT = "environment:create";
    /** Change an environment, possibly into another kind. */
    public static final String UPDATE_ENVIRONMENT = "environment:update";
    public static final String DELETE_ENVIRONMENT = "environment:delete";
    /** Set or delete an environment's credentials. */
    public static final String WRITE_CREDENTIALS = "environment-credentials:write";
    /** Create a variable (with a project default or values of single environments). */
    public static final String CREATE_VARIABLE = "variable:create";
    /** Set or clear values of a project's variables. */
    public static final String WRITE_VARIABLE_VALUES = "variable-values:write";
    /** Create a job in an environment. */
    public static final String CREATE_JOB = "job:create";
    /** Move jobs from one environment to another. */
    public static final String MOVE_JOBS = "jobs:move";
    /** Change or delete one job. */
    public static final String WRITE_JOB = "job:write";
    /** The deployment target of one environment: readers, and integrations scoped to that environment. */
    public static final String READ_TARGET = "deployment-target:read";

    /** What a target carries beyond itself (deferral, upstream projects): whoever may read the target. */
    public static final String READ_TARGET_DETAILS = "deployment-target-details:read";

    /** The audit log (auditEvents): admins only. */
    public static final String READ_AUDIT = "audit:read";

    private Permissions() {
    }
}
