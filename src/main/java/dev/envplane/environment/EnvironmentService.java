package dev.envplane.environment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.envplane.adapter.AdapterType;
import dev.envplane.api.ConflictException;
import dev.envplane.connection.ConnectionService;
import dev.envplane.api.Ids;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.StaleVersionException;
import dev.envplane.api.ValidationException;
import dev.envplane.database.ConstraintViolations;
import dev.envplane.project.ProjectDeletionHook;
import dev.envplane.project.ProjectService;
import dev.envplane.validation.Fields;
import dev.envplane.validation.GitNames;
import dev.envplane.database.Sessions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The rules of environments. The two "at most one per project" rules are enforced by partial unique indexes; this
 * service only translates a refusal into a CONFLICT that names the environment holding the place.
 */
@ApplicationScoped
public class EnvironmentService implements ProjectDeletionHook {

    private final EnvironmentRepository environments;
    private final ProjectService projects;
    private final ConnectionService connections;
    private final Instance<EnvironmentDeletionHook> deletionHooks;

    EnvironmentService(EnvironmentRepository environments, ProjectService projects, ConnectionService connections,
            Instance<EnvironmentDeletionHook> deletionHooks) {
        this.environments = environments;
        this.projects = projects;
        this.connections = connections;
        this.deletionHooks = deletionHooks;
    }

    /** Inside the caller's session: the environment, or NOT_FOUND on {@code field}. */
    public Uni<Environment> require(UUID id, String field) {
        return environments.findById(id).onItem().ifNull().failWith(() -> NotFoundException.of(field, "Environment", id));
    }

    public Uni<Environment> findById(UUID id) {
        return Sessions.read(() -> environments.findById(id));
    }

    /** For batch loading: every listed project's environments, grouped by project id. */
    public Uni<Map<UUID, List<Environment>>> findByProjects(Collection<UUID> projectIds, EnvironmentType type, DeploymentType deploymentType) {
        return Sessions.read(() -> environments.findByProjects(projectIds, type, deploymentType))
                .map(list -> list.stream().collect(Collectors.groupingBy(Environment::getProjectId)));
    }

    public Uni<Map<UUID, Environment>> findProductionByProjects(Collection<UUID> projectIds) {
        return Sessions.read(() -> environments.findByProjects(projectIds, null, DeploymentType.PRODUCTION))
                .map(list -> list.stream().collect(Collectors.toMap(Environment::getProjectId, Function.identity())));
    }

    public Uni<Environment> create(CreateEnvironmentInput input) {
        Environment environment = new Environment(Ids.parse("projectId", input.projectId()),
                Fields.requiredTrimmed("name", input.name(), 1, 100), Fields.required("type", input.type()));
        environment.setDeploymentType(deploymentTypeFor(input.type(), input.deploymentType(), DeploymentType.GENERAL));
        environment.setDbtVersion(DbtVersions.check(input.dbtVersion()));
        environment.setCustomBranch(customBranch(Boolean.TRUE.equals(input.useCustomBranch()), input.useCustomBranch() != null, input.customBranch()));
        UUID connectionId = input.connectionId() == null ? null : Ids.parse("connectionId", input.connectionId());
        if (connectionId == null) {
            WarehouseLinks.overrides(input.connectionOverrides(), null);
        }
        return Sessions.transaction(() -> projects.require(environment.getProjectId(), "projectId")
                .chain(project -> warehouseOf(connectionId))
                .chain(warehouse -> {
                    environment.setConnectionId(connectionId);
                    environment.setConnectionOverrides(WarehouseLinks.overrides(input.connectionOverrides(), warehouse));
                    return environments.persistAndFlush(environment);
                }))
                .onFailure(ConstraintViolations::isConstraintViolation).recoverWithUni(failure -> explainRefusal(failure, environment.getProjectId(), environment.getName()));
    }

    public Uni<Environment> update(UUID id, UpdateEnvironmentInput input, Integer expectedVersion) {
        String name = Fields.trimmed("name", input.name(), 1, 100);
        String dbtVersion = input.dbtVersion() == null ? null : DbtVersions.check(input.dbtVersion());
        UUID connectionId = input.connectionId() == null ? null : Ids.parse("connectionId", input.connectionId());
        return Sessions.transaction(() -> require(id, "id").chain(environment -> {
            if (expectedVersion != null && expectedVersion != environment.getVersion()) {
                return Uni.createFrom().failure(new StaleVersionException("Environment " + id + " is at version "
                        + environment.getVersion() + ", not " + expectedVersion + "; read it again and retry"));
            }
            apply(environment, input, name, dbtVersion);
            return relink(environment, connectionId, input.connectionOverrides())
                    .chain(() -> environments.flush()).replaceWith(environment);
        })).onFailure(ConstraintViolations::isConstraintViolation).recoverWithUni(failure -> Sessions.read(() -> environments.findById(id))
                .chain(current -> current == null ? Uni.createFrom().failure(failure)
                        : explainRefusal(failure, current.getProjectId(), name)));
    }

    /** Makes a deployment environment the production one and demotes the previous holder to GENERAL, atomically. */
    public Uni<Environment> promoteToProduction(UUID environmentId) {
        return Sessions.transaction(() -> require(environmentId, "environmentId").chain(environment -> {
            if (environment.getType() != EnvironmentType.DEPLOYMENT) {
                return Uni.createFrom().failure(new ValidationException("environmentId",
                        "Only a deployment environment can be production; '" + environment.getName() + "' is the development environment"));
            }
            if (environment.getDeploymentType() == DeploymentType.PRODUCTION) {
                return Uni.createFrom().item(environment);
            }
            // The project lock serialises promotions of one project, so both of two racing calls succeed in turn.
            return projects.lock(environment.getProjectId(), "environmentId")
                    .chain(project -> environments.findProduction(project.getId()))
                    .chain(previous -> {
                        if (previous == null) {
                            return Uni.createFrom().voidItem();
                        }
                        previous.setDeploymentType(DeploymentType.GENERAL);
                        return environments.flush();
                    })
                    .chain(() -> {
                        environment.setDeploymentType(DeploymentType.PRODUCTION);
                        return environments.flush();
                    })
                    .replaceWith(environment);
        }));
    }

    /** Returns the environment as it was; what hangs off it (credentials and their secrets) goes with it. */
    public Uni<Environment> delete(UUID id) {
        return Sessions.transaction(() -> require(id, "id").call(this::runDeletionHooks).call(environments::delete));
    }

    @Override
    public Uni<Void> beforeDelete(UUID projectId, String projectName, boolean force) {
        return environments.findByProject(projectId).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (!force) {
                String names = list.stream().map(Environment::getName).sorted().collect(Collectors.joining("', '", "'", "'"));
                return Uni.createFrom().failure(new ConflictException("force", "Project '" + projectName + "' still has "
                        + list.size() + " environment(s) (" + names + "); delete them first or pass force: true"));
            }
            return Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(this::runDeletionHooks)
                    .collect().last().chain(() -> environments.delete("projectId", projectId)).replaceWithVoid();
        });
    }

    private Uni<Void> runDeletionHooks(Environment environment) {
        return Multi.createFrom().iterable(deletionHooks).onItem().transformToUniAndConcatenate(hook -> hook.beforeDelete(environment))
                .collect().last().replaceWithVoid();
    }

    private Uni<AdapterType> warehouseOf(UUID connectionId) {
        return connectionId == null ? Uni.createFrom().nullItem() : connections.require(connectionId, "connectionId");
    }

    /** A new connection must be of the same warehouse; overrides are checked against the connection in effect. */
    private Uni<Void> relink(Environment environment, UUID connectionId, ConnectionOverridesInput overrides) {
        if (connectionId == null && overrides == null) {
            return Uni.createFrom().voidItem();
        }
        return warehouseOf(environment.getConnectionId()).chain(current -> {
            if (connectionId == null) {
                return Uni.createFrom().item(current);
            }
            return warehouseOf(connectionId).invoke(next -> WarehouseLinks.sameAdapter(current, next));
        }).invoke(warehouse -> {
            if (connectionId != null) {
                environment.setConnectionId(connectionId);
            }
            if (overrides != null) {
                environment.setConnectionOverrides(WarehouseLinks.overrides(overrides, warehouse));
            }
        }).replaceWithVoid();
    }

    private static void apply(Environment environment, UpdateEnvironmentInput input, String name, String dbtVersion) {
        if (input.type() != null && input.type() != environment.getType()) {
            throw new ValidationException("type", "An environment's type cannot change (it is " + environment.getType()
                    + "); create a new environment instead");
        }
        if (name != null) {
            environment.setName(name);
        }
        if (input.deploymentType() != null) {
            environment.setDeploymentType(deploymentTypeFor(environment.getType(), input.deploymentType(), null));
        }
        if (dbtVersion != null) {
            environment.setDbtVersion(dbtVersion);
        }
        if (input.useCustomBranch() != null || input.customBranch() != null) {
            boolean use = input.useCustomBranch() != null ? input.useCustomBranch() : environment.isUseCustomBranch();
            String branch = input.customBranch() != null || !use ? input.customBranch() : environment.getCustomBranch();
            environment.setCustomBranch(customBranch(use, true, branch));
        }
    }

    private static DeploymentType deploymentTypeFor(EnvironmentType type, DeploymentType requested, DeploymentType fallback) {
        if (type == EnvironmentType.DEVELOPMENT) {
            if (requested != null) {
                throw new ValidationException("deploymentType", "A development environment has no deploymentType");
            }
            return null;
        }
        return requested == null ? fallback : requested;
    }

    /** useCustomBranch and customBranch each require the other. */
    private static String customBranch(boolean use, boolean useGiven, String branch) {
        if (use && branch == null) {
            throw new ValidationException("customBranch", "customBranch is required when useCustomBranch is true");
        }
        if (!use && branch != null) {
            throw new ValidationException("useCustomBranch",
                    useGiven ? "customBranch must be left out when useCustomBranch is false" : "useCustomBranch: true is required with customBranch");
        }
        return branch == null ? null : GitNames.branch("customBranch", branch);
    }

    private Uni<Environment> explainRefusal(Throwable failure, UUID projectId, String name) {
        String constraint = ConstraintViolations.uniqueViolated(failure).orElse(null);
        if ("environment_one_production_per_project".equals(constraint)) {
            return Sessions.read(() -> environments.findProduction(projectId))
                    .chain(holder -> Uni.createFrom().failure(placeTaken("deploymentType", "PRODUCTION", holder)));
        }
        if ("environment_one_development_per_project".equals(constraint)) {
            return Sessions.read(() -> environments.findDevelopment(projectId))
                    .chain(holder -> Uni.createFrom().failure(placeTaken("type", "DEVELOPMENT", holder)));
        }
        if ("environment_project_name_key".equals(constraint)) {
            return Uni.createFrom().failure(new ConflictException("name", "The project already has an environment named '" + name + "'"));
        }
        String foreignKey = ConstraintViolations.foreignKeyViolated(failure).orElse(null);
        if ("environment_connection_fk".equals(foreignKey)) {
            return Uni.createFrom().failure(new NotFoundException("connectionId", "The connection no longer exists"));
        }
        if (foreignKey != null) {
            return Uni.createFrom().failure(NotFoundException.of("projectId", "Project", projectId));
        }
        return Uni.createFrom().failure(failure);
    }

    private static ConflictException placeTaken(String field, String kind, Environment holder) {
        String who = holder == null ? "" : ": '" + holder.getName() + "' (" + holder.getId() + ")";
        return new ConflictException(field, "The project already has a " + kind + " environment" + who);
    }
}
