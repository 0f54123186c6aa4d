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
        return environments.findByIds(environmentIds).chain(found -> render(found.stream()
                .collect(Collectors.toMap(Environment::getId, Function.identity())), variables::resolve, Map.of(), Map.of()));
    }

    /** The targets of these jobs, by job id: their environments' targets with the jobs' variable values applied. */
    public Uni<Map<UUID, DeploymentTarget>> resolveJobs(Collection<UUID> jobIds) {
        return jobs.findByIds(jobIds).chain(found -> environments.findByIds(found.stream().map(Job::getEnvironmentId).distinct().toList())
                .chain(environmentsFound -> {
                    Map<UUID, Environment> byId = environmentsFound.stream().collect(Collectors.toMap(Environment::getId, Function.identity()));
                    return render(found.stream().collect(Collectors.toMap(Job::getId, job -> byId.get(job.getEnvironmentId()))),
                            variables::resolveJobs, settingsOf(found), Map.of());
                }));
    }

    /** One {@code deploymentTarget} field: the project and environment its references name, and the job when given. */
    public record TargetQuery(ProjectRef project, EnvironmentRef environment, String job) {
    }

    /** A field's target, or why it has none: one field's failure leaves the other fields of the request answered. */
    public record Found(DeploymentTarget target, RuntimeException failure) {
        public DeploymentTarget orThrow() {
            if (failure != null) {
                throw failure;
            }
            return target;
        }
    }

    /** Where a query points: its project and environment (and job), or the failure that names what is missing. */
    private record Located(Project project, Environment environment, Job job, RuntimeException failure) {
        static Located failed(RuntimeException failure) {
            return new Located(null, null, null, failure);
        }
    }

    /**
     * The targets of these fields, however many aliases ask: one statement each for the projects, their environments,
     * the jobs named, then the target parts. NOT_FOUND says what a project has; with a job, the job must run in the
     * environment (else NOT_FOUND on job).
     */
    public Uni<Map<TargetQuery, Found>> find(Collection<TargetQuery> queries) {
        return locate(queries).chain(located -> {
            Map<UUID, Environment> environmentOf = new HashMap<>();
            Map<UUID, Environment> jobEnvironmentOf = new HashMap<>();
            Map<UUID, Project> projectsById = new HashMap<>();
            located.values().stream().filter(where -> where.failure() == null).forEach(where -> {
                projectsById.put(where.project().getId(), where.project());
                (where.job() == null ? environmentOf : jobEnvironmentOf).put(where.job() == null ? where.environment().getId()
                        : where.job().getId(), where.environment());
            });
            List<Job> jobsFound = located.values().stream().map(Located::job).filter(Objects::nonNull).distinct().toList();
            return render(environmentOf, variables::resolve, Map.of(), projectsById)
                    .chain(byEnvironment -> render(jobEnvironmentOf, variables::resolveJobs, settingsOf(jobsFound), projectsById)
                            .map(byJob -> {
                                Map<TargetQuery, Found> found = new HashMap<>();
                                located.forEach((query, where) -> found.put(query, where.failure() != null ? new Found(null, where.failure())
                                        : new Found((where.job() == null ? byEnvironment.get(where.environment().getId())
                                                : byJob.get(where.job().getId())), null)));
                                return found;
                            }));
        });
    }

    /** The environment the references name (access.AccessRules checks an integration's scope against it). */
    public Uni<Environment> findEnvironment(ProjectRef projectRef, EnvironmentRef environmentRef) {
        TargetQuery query = new TargetQuery(projectRef, environmentRef, null);
        return locate(List.of(query)).map(located -> {
            Located where = located.get(query);
            if (where.failure() != null) {
                throw where.failure();
            }
            return where.environment();
        });
    }

    private Uni<Map<TargetQuery, Located>> locate(Collection<TargetQuery> queries) {
        Map<TargetQuery, Located> located = new HashMap<>();
        Map<TargetQuery, UUID> projectIdOf = new HashMap<>();
        Map<TargetQuery, UUID> jobIdOf = new HashMap<>();
        for (TargetQuery query : queries) {
            try {
                requireOne("project", query.project().id(), query.project().name());
                requireOne("environment", query.environment().id(), query.environment().name(), query.environment().deploymentType());
                if (query.project().id() != null) {
                    projectIdOf.put(query, Ids.parse("project.id", query.project().id()));
                }
                if (query.environment().id() != null) {
                    Ids.parse("environment.id", query.environment().id());
                }
                if (query.job() != null) {
                    jobIdOf.put(query, Ids.parse("job", query.job()));
                }
            } catch (RuntimeException invalid) {
                located.put(query, Located.failed(invalid));
            }
        }
        List<TargetQuery> valid = queries.stream().filter(query -> !located.containsKey(query)).toList();
        List<UUID> projectIds = valid.stream().map(projectIdOf::get).filter(Objects::nonNull).distinct().toList();
        List<String> projectNames = valid.stream().map(query -> query.project().name()).filter(Objects::nonNull).distinct().toList();
        Uni<List<Project>> byId = projectIds.isEmpty() ? Uni.createFrom().item(List.of()) : projects.findByIds(projectIds).map(found -> List.copyOf(found.values()));
        Uni<List<Project>> byName = projectNames.isEmpty() ? Uni.createFrom().item(List.of()) : projects.findByNames(projectNames);
        return byId.chain(foundById -> byName.chain(foundByName -> {
            Map<UUID, Project> projectById = new HashMap<>();
            Map<String, Project> projectByName = new HashMap<>();
            Stream.concat(foundById.stream(), foundByName.stream()).forEach(project -> {
                projectById.put(project.getId(), project);
                projectByName.put(project.getName(), project);
            });
            Uni<Map<UUID, List<Environment>>> environmentsOf = projectById.isEmpty() ? Uni.createFrom().item(Map.of())
                    : environments.findByProjects(projectById.keySet(), null, null);
            Uni<List<Job>> jobsNamed = jobIdOf.isEmpty() ? Uni.createFrom().item(List.of()) : jobs.findByIds(Set.copyOf(jobIdOf.values()));
            return environmentsOf.chain(byProject -> jobsNamed.map(jobsFound -> {
                Map<UUID, Job> jobById = jobsFound.stream().collect(Collectors.toMap(Job::getId, Function.identity()));
                for (TargetQuery query : valid) {
                    Project project = projectIdOf.containsKey(query) ? projectById.get(projectIdOf.get(query))
                            : projectByName.get(query.project().name().strip());
                    located.put(query, locate(query, project, byProject, jobIdOf.get(query), jobById));
                }
                return located;
            }));
        }));
    }

    private static Located locate(TargetQuery query, Project project, Map<UUID, List<Environment>> environmentsOf, UUID jobId, Map<UUID, Job> jobById) {
        try {
            if (project == null) {
                throw new NotFoundException("project", "Project " + (query.project().id() != null ? query.project().id()
                        : "'" + query.project().name() + "'") + " does not exist");
            }
            Environment environment = pick(project, environmentsOf.getOrDefault(project.getId(), List.of()), query.environment());
            Job job = jobId == null ? null : jobById.get(jobId);
            if (jobId != null && (job == null || !job.getEnvironmentId().equals(environment.getId()))) {
                throw new NotFoundException("job", "Job " + jobId + " does not run in environment '" + environment.getName() + "'");
            }
            return new Located(project, environment, job, null);
        } catch (RuntimeException missing) {
            return Located.failed(missing);
        }
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
            return parts(Map.of(environmentId, found.get(0)), variables::resolve, Map.of(), Map.of()).map(parts -> secretPaths(parts.get(environmentId)));
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

    /** One target per key (an environment's id or a job's), rendered from its {@link #parts}; none asked, no statement. */
    private Uni<Map<UUID, DeploymentTarget>> render(Map<UUID, Environment> environmentOf,
            Function<Collection<UUID>, Uni<Map<UUID, List<ResolvedVariable>>>> variablesOf, Map<UUID, ProfileRenderer.JobSettings> jobOf,
            Map<UUID, Project> knownProjects) {
        if (environmentOf.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return parts(environmentOf, variablesOf, jobOf, knownProjects).map(parts -> {
            Map<UUID, DeploymentTarget> targets = new HashMap<>();
            parts.forEach((key, part) -> targets.put(key, renderer.render(part)));
            return targets;
        });
    }

    /**
     * What the targets are made of, per key (an environment's id or a job's): {@code environmentOf} says where each key
     * runs, {@code variablesOf} loads the keys' variables after precedence, {@code jobOf} holds a job key's own settings,
     * {@code knownProjects} the projects the caller has read already; one statement per kind for all the keys.
     */
    private Uni<Map<UUID, ProfileRenderer.Parts>> parts(Map<UUID, Environment> environmentOf,
            Function<Collection<UUID>, Uni<Map<UUID, List<ResolvedVariable>>>> variablesOf, Map<UUID, ProfileRenderer.JobSettings> jobOf,
            Map<UUID, Project> knownProjects) {
        List<Environment> found = environmentOf.values().stream().distinct().toList();
        List<UUID> ids = found.stream().map(Environment::getId).distinct().toList();
        List<UUID> missingProjects = found.stream().map(Environment::getProjectId).filter(id -> !knownProjects.containsKey(id)).distinct().toList();
        List<UUID> connectionIds = found.stream().map(Environment::getConnectionId).filter(Objects::nonNull).distinct().toList();
        Uni<Map<UUID, Project>> projectsOf = missingProjects.isEmpty() ? Uni.createFrom().item(knownProjects)
                : projects.findByIds(missingProjects).map(loaded -> {
                    Map<UUID, Project> all = new HashMap<>(knownProjects);
                    all.putAll(loaded);
                    return all;
                });
        return projectsOf.chain(projectsById -> connections.settingsByIds(connectionIds)
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
