package dev.envplane.access;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.envplane.database.Sessions;
import dev.envplane.environment.CreateEnvironmentInput;
import dev.envplane.environment.DeploymentType;
import dev.envplane.environment.Environment;
import dev.envplane.environment.EnvironmentRepository;
import dev.envplane.environment.UpdateEnvironmentInput;
import dev.envplane.job.CreateJobInput;
import dev.envplane.job.JobRepository;
import dev.envplane.target.DeploymentTargetService;
import dev.envplane.target.EnvironmentRef;
import dev.envplane.target.ProjectRef;
import dev.envplane.variable.CreateEnvironmentVariableInput;
import dev.envplane.variable.VariableValueInput;
import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Who may do what (README "Roles"): one checker per permission of {@link Permissions}. Quarkus calls them before the
 * operation runs (its {@code @PermissionsAllowed}), so a denied write never starts a transaction. Checkers that need
 * an environment's kind read it in a session of their own. An id that does not parse or names nothing is let through
 * to developers: the operation then answers VALIDATION or NOT_FOUND, which tells a developer nothing they could not read.
 */
@ApplicationScoped
public class AccessRules {

    private final EnvironmentRepository environments;
    private final DeploymentTargetService targets;
    private final JobRepository jobs;

    AccessRules(EnvironmentRepository environments, DeploymentTargetService targets, JobRepository jobs) {
        this.environments = environments;
        this.targets = targets;
        this.jobs = jobs;
    }

    @PermissionChecker(Permissions.READ)
    boolean read(SecurityIdentity identity) {
        return Roles.isReader(identity);
    }

    @PermissionChecker(Permissions.ADMIN)
    boolean admin(SecurityIdentity identity) {
        return Roles.isAdmin(identity);
    }

    /** Who did what, and who was refused: admins only. */
    @PermissionChecker(Permissions.READ_AUDIT)
    boolean readAudit(SecurityIdentity identity) {
        return Roles.isAdmin(identity);
    }

    /** Developers create development, staging and general environments, not the production one. */
    @PermissionChecker(Permissions.CREATE_ENVIRONMENT)
    boolean createEnvironment(SecurityIdentity identity, CreateEnvironmentInput input) {
        return Roles.isAdmin(identity) || Roles.isDeveloper(identity) && input.deploymentType() != DeploymentType.PRODUCTION;
    }

    /** Developers change non-production environments, and never into the production one. */
    @PermissionChecker(Permissions.UPDATE_ENVIRONMENT)
    Uni<Boolean> updateEnvironment(SecurityIdentity identity, String id, UpdateEnvironmentInput input) {
        if (Roles.isAdmin(identity)) {
            return Uni.createFrom().item(true);
        }
        if (!Roles.isDeveloper(identity) || input.deploymentType() == DeploymentType.PRODUCTION) {
            return Uni.createFrom().item(false);
        }
        return noneIsProduction(List.of(id));
    }

    @PermissionChecker(Permissions.DELETE_ENVIRONMENT)
    Uni<Boolean> deleteEnvironment(SecurityIdentity identity, String id) {
        return adminOrDeveloperOutsideProduction(identity, List.of(id));
    }

    @PermissionChecker(Permissions.WRITE_CREDENTIALS)
    Uni<Boolean> writeCredentials(SecurityIdentity identity, String environmentId) {
        return adminOrDeveloperOutsideProduction(identity, List.of(environmentId));
    }

    /** A project default reaches production too: developers create variables with values of single environments only. */
    @PermissionChecker(Permissions.CREATE_VARIABLE)
    Uni<Boolean> createVariable(SecurityIdentity identity, CreateEnvironmentVariableInput input) {
        if (!Roles.isAdmin(identity) && input.projectDefault() != null) {
            return Uni.createFrom().item(false);
        }
        List<String> ids = input.environmentValues() == null ? List.of()
                : input.environmentValues().stream().map(CreateEnvironmentVariableInput.EnvironmentValueInput::environmentId).toList();
        return adminOrDeveloperOutsideProduction(identity, ids);
    }

    /** A job's value counts as its environment's: developers write values of non-production environments and their jobs. */
    @PermissionChecker(Permissions.WRITE_VARIABLE_VALUES)
    Uni<Boolean> writeVariableValues(SecurityIdentity identity, List<VariableValueInput> values) {
        if (Roles.isAdmin(identity)) {
            return Uni.createFrom().item(true);
        }
        if (values.stream().anyMatch(value -> value.environmentId() == null && value.jobId() == null)) {
            return Uni.createFrom().item(false);
        }
        List<String> environmentIds = values.stream().map(VariableValueInput::environmentId).filter(Objects::nonNull).toList();
        List<UUID> jobIds = values.stream().map(value -> uuidOrNull(value.jobId())).filter(Objects::nonNull).distinct().toList();
        if (!Roles.isDeveloper(identity) || jobIds.isEmpty()) {
            return adminOrDeveloperOutsideProduction(identity, environmentIds);
        }
        return Sessions.read(() -> jobs.findByIds(jobIds)).flatMap(found -> {
            List<String> all = new java.util.ArrayList<>(environmentIds);
            found.forEach(job -> all.add(job.getEnvironmentId().toString()));
            return noneIsProduction(all);
        });
    }

    /** A production environment's jobs are read-only to developers, as the environment itself. */
    @PermissionChecker(Permissions.CREATE_JOB)
    Uni<Boolean> createJob(SecurityIdentity identity, CreateJobInput input) {
        return adminOrDeveloperOutsideProduction(identity, List.of(input.environmentId()));
    }

    @PermissionChecker(Permissions.MOVE_JOBS)
    Uni<Boolean> moveJobs(SecurityIdentity identity, String fromEnvironmentId, String toEnvironmentId) {
        return adminOrDeveloperOutsideProduction(identity, List.of(fromEnvironmentId, toEnvironmentId));
    }

    @PermissionChecker(Permissions.WRITE_JOB)
    Uni<Boolean> writeJob(SecurityIdentity identity, String id) {
        if (Roles.isAdmin(identity)) {
            return Uni.createFrom().item(true);
        }
        UUID job = uuidOrNull(id);
        if (!Roles.isDeveloper(identity) || job == null) {
            return Uni.createFrom().item(Roles.isDeveloper(identity));
        }
        return Sessions.read(() -> jobs.findByIds(List.of(job)))
                .flatMap(found -> noneIsProduction(found.stream().map(each -> each.getEnvironmentId().toString()).toList()));
    }

    /** A target's deferral and upstream projects: an integration got here only through a target in its scope. */
    @PermissionChecker(Permissions.READ_TARGET_DETAILS)
    boolean readTargetDetails(SecurityIdentity identity) {
        return Roles.isReader(identity) || identity.hasRole(Roles.INTEGRATION);
    }

    /** Readers see every target; an integration only those of the environments its token is scoped to. */
    @PermissionChecker(Permissions.READ_TARGET)
    Uni<Boolean> readTarget(SecurityIdentity identity, ProjectRef project, EnvironmentRef environment) {
        if (Roles.isReader(identity)) {
            return Uni.createFrom().item(true);
        }
        if (!identity.hasRole(Roles.INTEGRATION)) {
            return Uni.createFrom().item(false);
        }
        Set<String> scope = scopeOf(identity);
        if (scope.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return Sessions.read(() -> targets.findEnvironment(project, environment))
                .map(found -> inScope(scope, found))
                // a reference that names nothing is not in any scope: no hint whether it exists
                .onFailure().recoverWithItem(false);
    }

    /**
     * Admins, and integrations whose scope covers the environment. An id that does not parse or names nothing is
     * FORBIDDEN to an integration, like one outside its scope, so the answer never tells whether an id exists.
     */
    @PermissionChecker(Permissions.DELIVER_SECRETS)
    Uni<Boolean> deliverSecrets(SecurityIdentity identity, String environmentId) {
        if (Roles.isAdmin(identity)) {
            return Uni.createFrom().item(true);
        }
        Set<String> scope = identity.hasRole(Roles.INTEGRATION) ? scopeOf(identity) : Set.of();
        UUID id = uuidOrNull(environmentId);
        if (scope.isEmpty() || id == null) {
            return Uni.createFrom().item(false);
        }
        return Sessions.read(() -> environments.findByIds(List.of(id)))
                .map(found -> found.stream().anyMatch(environment -> inScope(scope, environment)));
    }

    /** Whether the integration identity's scope covers this environment (targets and secret delivery). */
    public static boolean inScope(Set<String> scope, Environment environment) {
        return scope.contains(environment.getId().toString()) || environment.getDeploymentType() != null
                && scope.contains(environment.getProjectId() + "/" + environment.getDeploymentType().name());
    }

    public static Set<String> scopeOf(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        Object claim = token.getClaim(Roles.SCOPE_CLAIM);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(AccessRules::text).filter(Objects::nonNull).collect(Collectors.toSet());
        }
        return Optional.ofNullable(text(claim)).map(Set::of).orElse(Set.of());
    }

    private static String text(Object value) {
        if (value instanceof jakarta.json.JsonString string) {
            return string.getString();
        }
        return value instanceof String string ? string : null;
    }

    private Uni<Boolean> adminOrDeveloperOutsideProduction(SecurityIdentity identity, List<String> environmentIds) {
        if (Roles.isAdmin(identity)) {
            return Uni.createFrom().item(true);
        }
        if (!Roles.isDeveloper(identity)) {
            return Uni.createFrom().item(false);
        }
        return noneIsProduction(environmentIds);
    }

    private Uni<Boolean> noneIsProduction(List<String> environmentIds) {
        List<UUID> ids = environmentIds.stream().map(AccessRules::uuidOrNull).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(true);
        }
        return Sessions.read(() -> environments.findByIds(ids))
                .map(found -> found.stream().noneMatch(environment -> environment.getDeploymentType() == DeploymentType.PRODUCTION));
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
