package dev.envplane.mesh;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.api.ApiException;
import dev.envplane.api.Ids;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.ValidationException;
import dev.envplane.environment.DeploymentType;
import dev.envplane.environment.Environment;
import dev.envplane.environment.EnvironmentService;
import dev.envplane.environment.EnvironmentType;
import dev.envplane.project.Project;
import dev.envplane.project.ProjectService;
import dev.envplane.target.DeploymentTarget;
import dev.envplane.target.DeploymentTargetService;
import dev.envplane.target.ProfileField;
import io.smallrye.mutiny.Uni;

/** The project graph of dbt Mesh: its edges (no cycles) and where a target's cross-project references resolve. */
@ApplicationScoped
public class UpstreamService {

    /** Serialises every change of the graph: a cycle can close through edges of projects no single lock covers. */
    private static final long GRAPH_LOCK = 0x656e76706c616e65L;
    private static final List<String> DATABASE_KEYS = List.of("database", "dbname", "project", "catalog");
    private static final List<String> SCHEMA_KEYS = List.of("schema", "dataset");

    private final UpstreamRepository upstreams;
    private final ProjectService projects;
    private final EnvironmentService environments;
    private final DeploymentTargetService targets;

    UpstreamService(UpstreamRepository upstreams, ProjectService projects, EnvironmentService environments, DeploymentTargetService targets) {
        this.upstreams = upstreams;
        this.projects = projects;
        this.environments = environments;
        this.targets = targets;
    }

    public Uni<Map<UUID, List<ProjectUpstream>>> findByProjects(Collection<UUID> projectIds) {
        return upstreams.findByProjects(projectIds).map(list -> list.stream().collect(Collectors.groupingBy(ProjectUpstream::getProjectId)));
    }

    /** Replaces the project's upstreams, refusing itself, unknown projects, duplicates and cycles. */
    Uni<List<ProjectUpstream>> set(UUID projectId, List<UpstreamInput> inputs) {
        List<ProjectUpstream> edges = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String field = "upstreams[" + i + "]";
            UpstreamInput input = inputs.get(i);
            UUID upstream = Ids.parse(field + ".projectId", input.projectId());
            if (upstream.equals(projectId)) {
                throw new ValidationException(field + ".projectId", "A project cannot reference itself");
            }
            if (!seen.add(upstream)) {
                throw new ValidationException(field + ".projectId", "This upstream is listed twice");
            }
            DeploymentType generalReads = Objects.requireNonNullElse(input.generalReads(), DeploymentType.PRODUCTION);
            if (generalReads == DeploymentType.GENERAL) {
                throw new ValidationException(field + ".generalReads", "generalReads is PRODUCTION or STAGING");
            }
            edges.add(new ProjectUpstream(projectId, upstream, Boolean.TRUE.equals(input.stagingMayReadProduction()), generalReads));
        }
        return upstreams.getSession().chain(session -> session.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(" + GRAPH_LOCK + ")) l", Integer.class).getSingleResult())
                .chain(() -> projects.lock(projectId, "projectId"))
                .chain(() -> projects.findByIds(seen))
                .invoke(found -> {
                    for (int i = 0; i < edges.size(); i++) {
                        if (!found.containsKey(edges.get(i).getUpstreamProjectId())) {
                            throw NotFoundException.of("upstreams[" + i + "].projectId", "Project", edges.get(i).getUpstreamProjectId());
                        }
                    }
                })
                .chain(found -> upstreams.listAll().invoke(all -> refuseCycle(projectId, all, edges, found)))
                .chain(() -> upstreams.delete("projectId", projectId))
                .chain(() -> upstreams.persist(edges))
                .chain(() -> upstreams.flush())
                .replaceWith(edges);
    }

    /** A path from a new upstream back to the project would close a cycle; the message names it. */
    private static void refuseCycle(UUID projectId, List<ProjectUpstream> all, List<ProjectUpstream> edges, Map<UUID, Project> named) {
        Map<UUID, List<UUID>> graph = new HashMap<>();
        all.stream().filter(edge -> !edge.getProjectId().equals(projectId))
                .forEach(edge -> graph.computeIfAbsent(edge.getProjectId(), key -> new ArrayList<>()).add(edge.getUpstreamProjectId()));
        for (int i = 0; i < edges.size(); i++) {
            Deque<UUID> stack = new ArrayDeque<>(List.of(edges.get(i).getUpstreamProjectId()));
            Set<UUID> visited = new HashSet<>();
            while (!stack.isEmpty()) {
                UUID current = stack.pop();
                if (current.equals(projectId)) {
                    throw new ValidationException("upstreams[" + i + "].projectId", "Project '" + named.get(edges.get(i).getUpstreamProjectId()).getName()
                            + "' already depends on this project, directly or through others: that would make a cycle");
                }
                if (visited.add(current)) {
                    stack.addAll(graph.getOrDefault(current, List.of()));
                }
            }
        }
    }

    /** A target's environment, as a batch key. */
    public record Key(UUID environmentId, UUID projectId, String name, EnvironmentType type, DeploymentType deploymentType) {

        public static Key of(Environment environment) {
            return new Key(environment.getId(), environment.getProjectId(), environment.getName(), environment.getType(),
                    environment.getDeploymentType());
        }
    }

    /** Per key: the upstream targets, or the error naming the upstream that lacks the environment the rules require. */
    public record Outcome(List<UpstreamTarget> upstream, ApiException failure) {
    }

    /** Every key's upstreams: edges, upstream projects, their environments and their targets, one statement each kind. */
    public Uni<Map<Key, Outcome>> resolve(Set<Key> keys) {
        return upstreams.findByProjects(keys.stream().map(Key::projectId).distinct().toList()).chain(edges -> {
            List<UUID> upstreamIds = edges.stream().map(ProjectUpstream::getUpstreamProjectId).distinct().toList();
            if (upstreamIds.isEmpty()) {
                return Uni.createFrom().item(keys.stream().collect(Collectors.toMap(key -> key, key -> new Outcome(List.of(), null))));
            }
            return projects.findByIds(upstreamIds).chain(projectsById -> environments.findByProjects(upstreamIds, null, null)
                    .chain(environmentsByProject -> {
                        Map<Key, List<Choice>> choices = new HashMap<>();
                        Map<Key, ApiException> failures = new HashMap<>();
                        for (Key key : keys) {
                            List<Choice> chosen = new ArrayList<>();
                            for (ProjectUpstream edge : edges) {
                                if (!edge.getProjectId().equals(key.projectId())) {
                                    continue;
                                }
                                Project upstream = projectsById.get(edge.getUpstreamProjectId());
                                List<Environment> candidates = environmentsByProject.getOrDefault(upstream.getId(), List.of());
                                try {
                                    chosen.add(new Choice(upstream, choose(key, edge, upstream, candidates)));
                                } catch (ApiException failure) {
                                    failures.put(key, failure);
                                }
                            }
                            choices.put(key, chosen);
                        }
                        Set<UUID> chosenIds = choices.values().stream().flatMap(List::stream).map(choice -> choice.environment().getId())
                                .collect(Collectors.toSet());
                        return targets.resolve(chosenIds).map(targetsById -> keys.stream().collect(Collectors.toMap(key -> key,
                                key -> failures.containsKey(key) ? new Outcome(null, failures.get(key))
                                        : new Outcome(choices.get(key).stream().sorted(Comparator.comparing(choice -> choice.project().getName()))
                                                .map(choice -> upstreamTarget(choice, targetsById.get(choice.environment().getId()))).toList(), null))));
                    }));
        });
    }

    private record Choice(Project project, Environment environment) {
    }

    /**
     * The seed's rules: PRODUCTION reads PRODUCTION; STAGING reads STAGING and never silently production (unless the
     * edge allows it); DEVELOPMENT reads STAGING, else PRODUCTION; GENERAL reads what the edge says.
     */
    static Environment choose(Key key, ProjectUpstream edge, Project upstream, List<Environment> candidates) {
        Environment production = place(candidates, DeploymentType.PRODUCTION);
        Environment staging = place(candidates, DeploymentType.STAGING);
        DeploymentType wanted;
        Environment chosen;
        if (key.type() == EnvironmentType.DEVELOPMENT) {
            wanted = staging != null ? DeploymentType.STAGING : DeploymentType.PRODUCTION;
            chosen = staging != null ? staging : production;
        } else if (key.deploymentType() == DeploymentType.STAGING) {
            wanted = DeploymentType.STAGING;
            chosen = staging != null ? staging : edge.isStagingMayReadProduction() ? production : null;
            if (chosen == null && production != null) {
                throw new NotFoundException("upstream", "Environment '" + key.name() + "' (STAGING) reads project '" + upstream.getName()
                        + "''s STAGING environment, which it does not have; create it, or allow production on the edge "
                        + "(stagingMayReadProduction)");
            }
        } else {
            wanted = key.deploymentType() == DeploymentType.PRODUCTION ? DeploymentType.PRODUCTION : edge.getGeneralReads();
            chosen = wanted == DeploymentType.PRODUCTION ? production : staging;
        }
        if (chosen == null) {
            throw new NotFoundException("upstream", "Environment '" + key.name() + "' reads project '" + upstream.getName() + "''s "
                    + wanted + " environment, which it does not have");
        }
        return chosen;
    }

    private static Environment place(List<Environment> candidates, DeploymentType place) {
        return candidates.stream().filter(each -> each.getDeploymentType() == place).findFirst().orElse(null);
    }

    private static UpstreamTarget upstreamTarget(Choice choice, DeploymentTarget target) {
        return new UpstreamTarget(choice.project(), target.profileName(), choice.environment(), value(target, DATABASE_KEYS), value(target, SCHEMA_KEYS));
    }

    private static String value(DeploymentTarget target, List<String> keys) {
        return keys.stream().flatMap(key -> target.fields().stream().filter(field -> field.key().equals(key) && !field.secret()))
                .map(ProfileField::value).findFirst().orElse(null);
    }
}
