package dev.envplane.target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.adapter.StoredSettings;
import dev.envplane.api.Ids;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.ValidationException;
import dev.envplane.connection.ConnectionService;
import dev.envplane.credentials.CredentialsService;
import dev.envplane.environment.Environment;
import dev.envplane.environment.EnvironmentService;
import dev.envplane.project.Project;
import dev.envplane.project.ProjectService;
import dev.envplane.secrets.SecretStoreConfig;
import dev.envplane.variable.VariableService;
import io.smallrye.mutiny.Uni;

/**
 * Resolves deployment targets: the environment, its project, connection and credentials, each kind read in one
 * statement for all the environments asked for. Runs inside the caller's session.
 */
@ApplicationScoped
public class DeploymentTargetService {

    private final EnvironmentService environments;
    private final ProjectService projects;
    private final ConnectionService connections;
    private final CredentialsService credentials;
    private final VariableService variables;
    private final ProfileRenderer renderer;

    DeploymentTargetService(EnvironmentService environments, ProjectService projects, ConnectionService connections,
            CredentialsService credentials, VariableService variables, SecretStoreConfig vault) {
        this.environments = environments;
        this.projects = projects;
        this.connections = connections;
        this.credentials = credentials;
        this.variables = variables;
        this.renderer = new ProfileRenderer(vault.mount());
    }

    /** The targets of these environments, by environment id. */
    public Uni<Map<UUID, DeploymentTarget>> resolve(Collection<UUID> environmentIds) {
        return environments.findByIds(environmentIds).chain(this::render);
    }

    /** The target of one environment of a project, named by the references; NOT_FOUND says what the project has. */
    public Uni<DeploymentTarget> find(ProjectRef projectRef, EnvironmentRef environmentRef) {
        return findEnvironment(projectRef, environmentRef)
                .chain(environment -> render(List.of(environment)).map(targets -> targets.get(environment.getId())));
    }

    /** The environment the references name (access.AccessRules checks an integration's scope against it). */
    public Uni<Environment> findEnvironment(ProjectRef projectRef, EnvironmentRef environmentRef) {
        requireOne("project", projectRef.id(), projectRef.name());
        requireOne("environment", environmentRef.id(), environmentRef.name(), environmentRef.deploymentType());
        Uni<Project> project = projectRef.id() != null ? projects.findById(Ids.parse("project.id", projectRef.id()))
                : projects.findByName(projectRef.name());
        return project.onItem().ifNull().failWith(() -> new NotFoundException("project", "Project "
                + (projectRef.id() != null ? projectRef.id() : "'" + projectRef.name() + "'") + " does not exist"))
                .chain(found -> environments.findByProjects(List.of(found.getId()), null, null)
                        .map(byProject -> pick(found, byProject.getOrDefault(found.getId(), List.of()), environmentRef)));
    }

    /**
     * The Vault paths holding the secrets of this environment's target, each once, at the version the target reads
     * (secret delivery wraps one read of each). NOT_FOUND on {@code environmentId} when the environment does not exist.
     */
    public Uni<List<TargetSecretPath>> secretPaths(UUID environmentId) {
        return environments.findByIds(List.of(environmentId)).chain(found -> {
            if (found.isEmpty()) {
                throw NotFoundException.of("environmentId", "Environment", environmentId);
            }
            return parts(found).map(parts -> secretPaths(parts.get(environmentId)));
        });
    }

    private List<TargetSecretPath> secretPaths(ProfileRenderer.Parts parts) {
        DeploymentTarget target = renderer.render(parts);
        Map<String, Set<String>> storedKeys = new HashMap<>();
        Stream.of(parts.credentials(), parts.connection()).filter(Objects::nonNull).map(StoredSettings::secrets)
                .filter(reference -> reference.path() != null).forEach(reference -> storedKeys.put(reference.path(), reference.keys()));
        Map<String, List<SecretLocation>> byPathAndVersion = new LinkedHashMap<>();
        Stream.concat(target.secrets().stream(), target.environmentVariables().stream().map(TargetVariable::secretLocation).filter(Objects::nonNull))
                .forEach(location -> byPathAndVersion.computeIfAbsent(location.path() + "?version=" + location.version(), key -> new ArrayList<>())
                        .add(location));
        return byPathAndVersion.values().stream().map(supplies -> {
            String path = supplies.get(0).path();
            Set<String> keys = storedKeys.getOrDefault(path, supplies.stream().map(SecretLocation::key).collect(Collectors.toCollection(TreeSet::new)));
            return new TargetSecretPath(path, supplies.get(0).version(), keys, List.copyOf(supplies));
        }).toList();
    }

    private Uni<Map<UUID, DeploymentTarget>> render(List<Environment> found) {
        return parts(found).map(parts -> parts.values().stream()
                .collect(Collectors.toMap(part -> part.environment().getId(), renderer::render, (a, b) -> a)));
    }

    /** What the targets of these environments are made of, by environment id: one statement per kind for all of them. */
    private Uni<Map<UUID, ProfileRenderer.Parts>> parts(List<Environment> found) {
        List<UUID> ids = found.stream().map(Environment::getId).toList();
        List<UUID> projectIds = found.stream().map(Environment::getProjectId).distinct().toList();
        List<UUID> connectionIds = found.stream().map(Environment::getConnectionId).filter(Objects::nonNull).distinct().toList();
        return projects.findByIds(projectIds).chain(projectsById -> connections.settingsByIds(connectionIds)
                .chain(connectionsById -> credentials.settingsByEnvironments(ids)
                        .chain(credentialsById -> variables.resolve(ids).map(variablesById -> found.stream()
                                .collect(Collectors.toMap(Environment::getId, environment -> new ProfileRenderer.Parts(environment,
                                        projectsById.get(environment.getProjectId()),
                                        environment.getConnectionId() == null ? null : connectionsById.get(environment.getConnectionId()),
                                        credentialsById.get(environment.getId()), variablesById.getOrDefault(environment.getId(), List.of())),
                                        (a, b) -> a))))));
    }

    private static Environment pick(Project project, List<Environment> candidates, EnvironmentRef ref) {
        List<Environment> matching = candidates.stream().filter(environment -> ref.id() != null
                ? environment.getId().equals(Ids.parse("environment.id", ref.id()))
                : ref.name() != null ? environment.getName().equals(ref.name()) : ref.deploymentType() == environment.getDeploymentType())
                .toList();
        if (matching.size() > 1) {
            throw new ValidationException("environment.deploymentType", "Project '" + project.getName() + "' has " + matching.size()
                    + " " + ref.deploymentType() + " environments; name one by id or name");
        }
        if (matching.isEmpty()) {
            String has = candidates.stream().map(DeploymentTargetService::kind).distinct().sorted().collect(Collectors.joining(", "));
            String wanted = ref.id() != null ? "environment " + ref.id() : ref.name() != null ? "environment named '" + ref.name() + "'"
                    : ref.deploymentType() + " environment";
            throw new NotFoundException("environment", "Project '" + project.getName() + "' has no " + wanted
                    + (has.isEmpty() ? "; it has no environments" : "; it has: " + has));
        }
        return matching.get(0);
    }

    private static String kind(Environment environment) {
        return environment.getDeploymentType() == null ? "DEVELOPMENT" : environment.getDeploymentType().name();
    }

    /** @oneOf is enforced by the schema; this keeps the rule for clients that bypass it. */
    private static void requireOne(String field, Object... given) {
        if (Arrays.stream(given).filter(Objects::nonNull).count() != 1) {
            throw new ValidationException(field, "Give exactly one way to name the " + field);
        }
    }
}
