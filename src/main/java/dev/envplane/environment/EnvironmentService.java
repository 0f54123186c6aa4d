package dev.envplane.environment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.envplane.adapter.AdapterType;
import dev.envplane.adapter.Adapters;
import dev.envplane.api.ConflictException;
import dev.envplane.connection.ConnectionService;
import dev.envplane.api.Ids;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.StaleVersionException;
import dev.envplane.api.ValidationException;
import dev.envplane.database.ConstraintViolations;
import dev.envplane.deletion.Deletion;
import dev.envplane.deletion.DeletionReport;
import dev.envplane.project.ProjectDeletionHook;
import dev.envplane.project.ProjectService;
import dev.envplane.validation.Fields;
import dev.envplane.validation.GitNames;
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
    private final Instance<SecretVariableNames> secretVariables;

    EnvironmentService(EnvironmentRepository environments, ProjectService projects, ConnectionService connections,
            Instance<EnvironmentDeletionHook> deletionHooks, Instance<SecretVariableNames> secretVariables) {
        this.environments = environments;
        this.projects = projects;
        this.connections = connections;
        this.deletionHooks = deletionHooks;
        this.secretVariables = secretVariables;
    }

    /** The environment, or NOT_FOUND on {@code field}. */
    public Uni<Environment> require(UUID id, String field) {
        return environments.findById(id).onItem().ifNull().failWith(() -> NotFoundException.of(field, "Environment", id));
    }

    public Uni<Environment> findById(UUID id) {
        return environments.findById(id);
    }

    public Uni<List<Environment>> findByIds(Collection<UUID> ids) {
        return environments.findByIds(ids);
    }

    /** Every listed project's environments, grouped by project id. */
    public Uni<Map<UUID, List<Environment>>> findByProjects(Collection<UUID> projectIds, EnvironmentType type, DeploymentType deploymentType) {
        return environments.findByProjects(projectIds, type, deploymentType)
                .map(list -> list.stream().collect(Collectors.groupingBy(Environment::getProjectId)));
    }

    /** Each listed project's PRODUCTION or STAGING environment, where it has one. */
    public Uni<Map<UUID, Environment>> findPlaceByProjects(Collection<UUID> projectIds, DeploymentType place) {
        return environments.findByProjects(projectIds, null, place)
                .map(list -> list.stream().collect(Collectors.toMap(Environment::getProjectId, Function.identity())));
    }

    /** Creates under the project's lock, so the "one per project" places are checked and taken one at a time. */
    public Uni<Environment> create(CreateEnvironmentInput input) {
        Environment environment = new Environment(Ids.parse("projectId", input.projectId()),
                Fields.requiredTrimmed("name", input.name(), 1, 100), Fields.required("type", input.type()));
        environment.setDeploymentType(deploymentTypeFor(input.type(), input.deploymentType(), DeploymentType.GENERAL));
        environment.setDbtVersion(DbtVersions.check(input.dbtVersion()));
        environment.setTargetName(TargetNames.check(input.targetName()));
        environment.setCustomBranch(customBranch(Boolean.TRUE.equals(input.useCustomBranch()), input.useCustomBranch() != null, input.customBranch()));
        UUID connectionId = input.connectionId() == null ? null : Ids.parse("connectionId", input.connectionId());
        if (connectionId == null && input.connectionOverrides() != null) {
            throw new ValidationException("connectionOverrides", "connectionOverrides need a connection: set connectionId");
        }
        return projects.lock(environment.getProjectId(), "projectId")
                .chain(project -> refuseTakenPlace(environment, environment.getDeploymentType()))
                .chain(() -> adapterOf(connectionId))
                .chain(adapter -> {
                    environment.link(connectionId, adapter);
                    environment.setConnectionOverrides(WarehouseLinks.overrides(input.connectionOverrides(), adapter));
                    return setExtendedAttributes(environment, input.extendedAttributes());
                })
                .chain(() -> input.deferTo() == null ? Uni.createFrom().voidItem() : setDeferral(environment, input.deferTo()))
                .chain(() -> environments.persistAndFlush(environment))
                .onFailure(ConstraintViolations::isConstraintViolation).transform(failure -> explainRefusal(failure, environment.getName()));
    }

    /**
     * Changes the fields given. {@code given} names the input fields the client wrote: {@code connectionId: null}
     * unlinks the connection (and drops its overrides), while leaving it out keeps it.
     */
    public Uni<Environment> update(UUID id, UpdateEnvironmentInput input, Set<String> given, Integer expectedVersion) {
        String name = Fields.trimmed("name", input.name(), 1, 100);
        String dbtVersion = input.dbtVersion() == null ? null : DbtVersions.check(input.dbtVersion());
        UUID connectionId = input.connectionId() == null ? null : Ids.parse("connectionId", input.connectionId());
        boolean unlink = given.contains("connectionId") && connectionId == null;
        return require(id, "id").chain(environment -> {
            environment.requireVersion(expectedVersion, "Environment " + id);
            // The place is checked before the entity changes: a query would flush the change first and hit the index.
            DeploymentType requested = input.deploymentType() == null ? environment.getDeploymentType()
                    : deploymentTypeFor(environment.getType(), input.deploymentType(), null);
            return projects.lock(environment.getProjectId(), "id")
                    .chain(project -> refuseTakenPlace(environment, requested))
                    .invoke(() -> apply(environment, input, name, dbtVersion))
                    .chain(() -> unlink ? unlink(environment, input.connectionOverrides())
                    : relink(environment, connectionId, input.connectionOverrides()))
                    .chain(() -> setExtendedAttributes(environment, input.extendedAttributes()))
                    .chain(() -> given.contains("deferTo") ? setDeferral(environment, input.deferTo()) : Uni.createFrom().voidItem())
                    .chain(() -> environments.flush()).replaceWith(environment);
        }).onFailure(ConstraintViolations::isConstraintViolation).transform(failure -> explainRefusal(failure, name));
    }

    /** Makes a deployment environment the production one and demotes the previous holder to GENERAL, atomically. */
    public Uni<Environment> promoteToProduction(UUID environmentId) {
        return require(environmentId, "environmentId").chain(environment -> {
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
        });
    }

    /** Reports what went: the environment and what hangs off it (jobs, credentials, values and their secrets). */
    public Uni<DeletionReport> delete(UUID id, boolean dryRun) {
        Deletion deletion = new Deletion(dryRun);
        return require(id, "id").call(environment -> runDeletionHooks(environment, deletion))
                .call(environment -> dryRun ? Uni.createFrom().voidItem() : environments.delete(environment))
                .map(environment -> deletion.report());
    }

    @Override
    public Uni<Void> beforeDelete(UUID projectId, String projectName, boolean force, Deletion deletion) {
        return environments.findByProject(projectId).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (!force) {
                String names = list.stream().map(Environment::getName).sorted().collect(Collectors.joining("', '", "'", "'"));
                return Uni.createFrom().failure(new ConflictException("force", "Project '" + projectName + "' still has "
                        + list.size() + " environment(s) (" + names + "); delete them first or pass force: true"));
            }
            return Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(environment -> runDeletionHooks(environment, deletion))
                    .collect().last()
                    .chain(() -> deletion.dryRun() ? Uni.createFrom().voidItem() : environments.delete("projectId", projectId).replaceWithVoid());
        });
    }

    private Uni<Void> runDeletionHooks(Environment environment, Deletion deletion) {
        deletion.environment(environment.getId(), environment.getName());
        return Multi.createFrom().iterable(deletionHooks).onItem().transformToUniAndConcatenate(hook -> hook.beforeDelete(environment, deletion))
                .collect().last().replaceWithVoid();
    }

    private Uni<AdapterType> adapterOf(UUID connectionId) {
        return connectionId == null ? Uni.createFrom().nullItem() : connections.require(connectionId, "connectionId");
    }

    /** A new connection must be of the environment's adapter; overrides are checked against the connection in effect. */
    private Uni<Void> relink(Environment environment, UUID connectionId, ConnectionOverridesInput overrides) {
        if (connectionId == null && overrides == null) {
            return Uni.createFrom().voidItem();
        }
        return adapterOf(connectionId != null ? connectionId : environment.getConnectionId()).invoke(adapter -> {
            if (connectionId != null) {
                WarehouseLinks.sameAdapter(environment.getAdapterType(), adapter);
                environment.link(connectionId, adapter);
            }
            if (overrides != null) {
                environment.setConnectionOverrides(WarehouseLinks.overrides(overrides, adapter));
            }
        }).replaceWithVoid();
    }

    /**
     * Sets (null: clears) the deferral, checked against the project's environments under the project lock. An id
     * outside the project is NOT_FOUND when it names no environment, VALIDATION when another project's.
     */
    private Uni<Void> setDeferral(Environment environment, DeferToInput input) {
        if (input == null) {
            environment.setDeferTo(null);
            return Uni.createFrom().voidItem();
        }
        DeferTo deferTo = Deferrals.parse(input);
        return projectEnvironmentsFor(environment.getProjectId(), deferTo, environment.getId()).invoke(project -> {
            Deferrals.check(environment, deferTo, project);
            environment.setDeferTo(deferTo);
        }).replaceWithVoid();
    }

    /** A job's deferral checked against its project's environments (the caller holds what serialises job writes). */
    public Uni<DeferTo> jobDeferral(UUID projectId, DeferToInput input) {
        DeferTo deferTo = Deferrals.parse(input);
        return projectEnvironmentsFor(projectId, deferTo, null).map(project -> {
            Deferrals.checkForJob(deferTo, project);
            return deferTo;
        });
    }

    /** The project's environments; fails when the deferral names an id outside them (NOT_FOUND, or another project's). */
    private Uni<List<Environment>> projectEnvironmentsFor(UUID projectId, DeferTo deferTo, UUID self) {
        return environments.findByProject(projectId).call(project -> {
            if (deferTo.environmentId() == null || deferTo.environmentId().equals(self)
                    || project.stream().anyMatch(each -> each.getId().equals(deferTo.environmentId()))) {
                return Uni.createFrom().voidItem();
            }
            return environments.findById(deferTo.environmentId()).invoke(other -> {
                if (other == null) {
                    throw NotFoundException.of("deferTo.environmentId", "Environment", deferTo.environmentId());
                }
                throw new ValidationException("deferTo.environmentId", "'" + other.getName()
                        + "' belongs to another project; deferral stays within a project");
            });
        });
    }

    /** Checks and keeps the extended attributes given (null: unchanged; empty: cleared) against the environment's adapter. */
    private Uni<Void> setExtendedAttributes(Environment environment, String yaml) {
        if (yaml == null) {
            return Uni.createFrom().voidItem();
        }
        if (yaml.isBlank()) {
            environment.setExtendedAttributes(null);
            return Uni.createFrom().voidItem();
        }
        if (environment.getAdapterType() == null) {
            return Uni.createFrom().failure(new ValidationException(ExtendedAttributes.FIELD,
                    "extendedAttributes need the environment's adapter: set its connectionId first"));
        }
        Uni<Set<String>> names = secretVariables.isResolvable() ? secretVariables.get().of(environment.getProjectId())
                : Uni.createFrom().item(Set.of());
        return names.invoke(secret -> {
            ExtendedAttributes.check(yaml, Adapters.of(environment.getAdapterType()), secret);
            environment.setExtendedAttributes(yaml);
        }).replaceWithVoid();
    }

    /** The environment keeps its adapter (credentials stay valid); only a connection of that adapter can come back. */
    private static Uni<Void> unlink(Environment environment, ConnectionOverridesInput overrides) {
        if (overrides != null && overrides.given().values().stream().anyMatch(java.util.Objects::nonNull)) {
            throw new ValidationException("connectionOverrides", "connectionOverrides need a connection: leave them out when unlinking it");
        }
        environment.link(null, environment.getAdapterType());
        environment.setConnectionOverrides(null);
        return Uni.createFrom().voidItem();
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
        if (input.targetName() != null) {
            environment.setTargetName(TargetNames.check(input.targetName()));
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

    /** Refuses a development, production or staging place that another environment of the project holds (under the project lock). */
    private Uni<Void> refuseTakenPlace(Environment environment, DeploymentType deploymentType) {
        Uni<Environment> holder;
        String field;
        String kind;
        if (environment.getType() == EnvironmentType.DEVELOPMENT) {
            holder = environments.findDevelopment(environment.getProjectId());
            field = "type";
            kind = "DEVELOPMENT";
        } else if (deploymentType == DeploymentType.PRODUCTION || deploymentType == DeploymentType.STAGING) {
            holder = environments.findDeployment(environment.getProjectId(), deploymentType);
            field = "deploymentType";
            kind = deploymentType.name();
        } else {
            return Uni.createFrom().voidItem();
        }
        return holder.chain(found -> found == null || found.getId().equals(environment.getId()) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(placeTaken(field, kind, found)));
    }

    /** What a refused write means to the caller. The places were checked under the project lock; names are not. */
    private static Throwable explainRefusal(Throwable failure, String name) {
        String constraint = ConstraintViolations.uniqueViolated(failure).orElse(null);
        if ("environment_project_name_key".equals(constraint)) {
            return new ConflictException("name", "The project already has an environment named '" + name + "'");
        }
        if ("environment_one_production_per_project".equals(constraint)) {
            return placeTaken("deploymentType", "PRODUCTION", null);
        }
        if ("environment_one_staging_per_project".equals(constraint)) {
            return placeTaken("deploymentType", "STAGING", null);
        }
        if ("environment_one_development_per_project".equals(constraint)) {
            return placeTaken("type", "DEVELOPMENT", null);
        }
        String foreignKey = ConstraintViolations.foreignKeyViolated(failure).orElse(null);
        if ("environment_connection_fk".equals(foreignKey)) {
            return new NotFoundException("connectionId", "The connection no longer exists");
        }
        return failure;
    }

    private static ConflictException placeTaken(String field, String kind, Environment holder) {
        String who = holder == null ? "" : ": '" + holder.getName() + "' (" + holder.getId() + ")";
        return new ConflictException(field, "The project already has a " + kind + " environment" + who);
    }
}
