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
import java.util.function.Function;
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
import dev.envplane.job.Job;
import dev.envplane.job.JobService;
import dev.envplane.project.Project;
import dev.envplane.project.ProjectService;
import dev.envplane.secrets.SecretStoreConfig;
import dev.envplane.variable.ResolvedVariable;
import dev.envplane.variable.VariableService;
import io.smallrye.mutiny.Uni;

/**
 * Resolves deployment targets of environments and of jobs (a job's target is its environment's with the job's variable
 * values on top): the environment, its project, connection, credentials and variables, each kind read in one
 * statement for all the targets asked for. Runs inside the caller's session.
 */
@ApplicationScoped
public class DeploymentTargetService {

    private final EnvironmentService environments;
    private final ProjectService projects;
    private final ConnectionService connections;
    private final CredentialsService credentials;
    private final VariableService variables;
    private final JobService jobs;
    private final ProfileRenderer renderer;

    DeploymentTargetService(EnvironmentService environments, ProjectService projects, ConnectionService connections,
            CredentialsService credentials, VariableService variables, JobService jobs, SecretStoreConfig vault) {
        this.environments = environments;
        this.projects = projects;
        this.connections = connections;
        this.credentials = credentials;
        this.variables = variables;
        this.jobs = jobs;
        this.renderer = new ProfileRenderer(vault.mount());
    }

    /** The targets of these environments, by environment id. */
    public Uni<Map<UUID, DeploymentTarget>> resolve(Collection<UUID> environmentIds) {
        return environments.findByIds(environmentIds)
                .chain(found -> render(found.stream().collect(Collectors.toMap(Environment::getId, Function.identity())), variables::resolve, Map.of()));
    }

    /** The targets of these jobs, by job id: their environments' targets with the jobs' variable values applied. */
    public Uni<Map<UUID, DeploymentTarget>> resolveJobs(Collection<UUID> jobIds) {
        return jobs.findByIds(jobIds).chain(found -> environments.findByIds(found.stream().map(Job::getEnvironmentId).distinct().toList())
                .chain(environmentsFound -> {
                    Map<UUID, Environment> byId = environmentsFound.stream().collect(Collectors.toMap(Environment::getId, Function.identity()));
                    return render(found.stream().collect(Collectors.toMap(Job::getId, job -> byId.get(job.getEnvironmentId()))),
                            variables::resolveJobs, settingsOf(found));
                }));
    }

    /**
     * The target of one environment of a project, named by the references; NOT_FOUND says what the project has. With
     * {@code jobId}, the target of that job, which must run in the environment (else NOT_FOUND on job).
     */
    public Uni<DeploymentTarget> find(ProjectRef projectRef, EnvironmentRef environmentRef, UUID jobId) {
        return findEnvironment(projectRef, environmentRef).chain(environment -> {
            if (jobId == null) {
                return render(Map.of(environment.getId(), environment), variables::resolve, Map.of()).map(targets -> targets.get(environment.getId()));
            }
            return jobs.findByIds(List.of(jobId)).chain(found -> {
                if (found.isEmpty() || !found.get(0).getEnvironmentId().equals(environment.getId())) {
                    return Uni.createFrom().failure(new NotFoundException("job", "Job " + jobId + " does not run in environment '"
                            + environment.getName() + "'"));
                }
                return render(Map.of(jobId, environment), variables::resolveJobs, settingsOf(found)).map(targets -> targets.get(jobId));
            });
        });
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
            return parts(Map.of(environmentId, found.get(0)), variables::resolve, Map.of()).map(parts -> secretPaths(parts.get(environmentId)));
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

    private static Map<UUID, ProfileRenderer.JobSettings> settingsOf(List<Job> jobs) {
        return jobs.stream().collect(Collectors.toMap(Job::getId, job -> new ProfileRenderer.JobSettings(job.getTargetNameOverride(), job.getThreads())));
    }

    /** One target per key (an environment's id or a job's), rendered from its {@link #parts}. */
    private Uni<Map<UUID, DeploymentTarget>> render(Map<UUID, Environment> environmentOf,
            Function<Collection<UUID>, Uni<Map<UUID, List<ResolvedVariable>>>> variablesOf, Map<UUID, ProfileRenderer.JobSettings> jobOf) {
        return parts(environmentOf, variablesOf, jobOf).map(parts -> {
            Map<UUID, DeploymentTarget> targets = new HashMap<>();
            parts.forEach((key, part) -> targets.put(key, renderer.render(part)));
            return targets;
        });
    }

    /**
     * What the targets are made of, per key (an environment's id or a job's): {@code environmentOf} says where each key
     * runs, {@code variablesOf} loads the keys' variables after precedence, {@code jobOf} holds a job key's own settings;
     * one statement per kind for all the keys.
     */
    private Uni<Map<UUID, ProfileRenderer.Parts>> parts(Map<UUID, Environment> environmentOf,
            Function<Collection<UUID>, Uni<Map<UUID, List<ResolvedVariable>>>> variablesOf, Map<UUID, ProfileRenderer.JobSettings> jobOf) {
        List<Environment> found = environmentOf.values().stream().distinct().toList();
        List<UUID> ids = found.stream().map(Environment::getId).distinct().toList();
        List<UUID> projectIds = found.stream().map(Environment::getProjectId).distinct().toList();
        List<UUID> connectionIds = found.stream().map(Environment::getConnectionId).filter(Objects::nonNull).distinct().toList();
        return projects.findByIds(projectIds).chain(projectsById -> connections.settingsByIds(connectionIds)
                .chain(connectionsById -> credentials.settingsByEnvironments(ids)
                        .chain(credentialsById -> variablesOf.apply(environmentOf.keySet()).map(variablesByKey -> {
                            Map<UUID, ProfileRenderer.Parts> parts = new HashMap<>();
                            environmentOf.forEach((key, environment) -> parts.put(key, new ProfileRenderer.Parts(environment,
                                    projectsById.get(environment.getProjectId()),
                                    environment.getConnectionId() == null ? null : connectionsById.get(environment.getConnectionId()),
                                    credentialsById.get(environment.getId()), variablesByKey.getOrDefault(key, List.of()), jobOf.get(key))));
                            return parts;
                        }))));
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
