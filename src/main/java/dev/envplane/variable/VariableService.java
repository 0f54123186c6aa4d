package dev.envplane.variable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.api.ConflictException;
import dev.envplane.api.Ids;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.ValidationException;
import dev.envplane.database.ConstraintViolations;
import dev.envplane.deletion.Deletion;
import dev.envplane.environment.Environment;
import dev.envplane.environment.EnvironmentDeletionHook;
import dev.envplane.environment.EnvironmentService;
import dev.envplane.job.Job;
import dev.envplane.job.JobDeletionHook;
import dev.envplane.job.JobService;
import dev.envplane.project.ProjectDeletionHook;
import dev.envplane.project.ProjectService;
import dev.envplane.secrets.Secret;
import dev.envplane.secrets.SecretProtocol;
import dev.envplane.secrets.SecretStore;
import dev.envplane.validation.Fields;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Environment variables and their values. Every change of a project's variables runs under the project's row lock,
 * so changes of one project apply one at a time; secret values are written and destroyed through
 * {@link SecretProtocol} inside the caller's transaction, so a failure anywhere undoes the database and Vault.
 */
@ApplicationScoped
public class VariableService implements EnvironmentDeletionHook, ProjectDeletionHook, JobDeletionHook {

    static final int MAX_VALUE_LENGTH = 10_000;
    static final int MAX_VARIABLES_PER_PROJECT = 500;
    static final int MAX_VALUES_PER_CALL = 1_000;

    private final VariableRepository variables;
    private final VariableValueRepository values;
    private final ProjectService projects;
    private final EnvironmentService environments;
    private final JobService jobs;
    private final SecretStore secretStore;
    private final SecretProtocol secrets;

    VariableService(VariableRepository variables, VariableValueRepository values, ProjectService projects,
            EnvironmentService environments, JobService jobs, SecretStore secretStore, SecretProtocol secrets) {
        this.variables = variables;
        this.values = values;
        this.projects = projects;
        this.environments = environments;
        this.jobs = jobs;
        this.secretStore = secretStore;
        this.secrets = secrets;
    }

    /** Every listed project's variables with their values, ordered by name; one statement. */
    public Uni<Map<UUID, List<EnvironmentVariableView>>> findByProjects(Collection<UUID> projectIds) {
        return variables.withValuesByProjects(projectIds).map(rows -> {
            Map<EnvironmentVariable, List<VariableValue>> byVariable = new LinkedHashMap<>();
            for (Object[] row : rows) {
                List<VariableValue> list = byVariable.computeIfAbsent((EnvironmentVariable) row[0], ignored -> new ArrayList<>());
                if (row[1] != null) {
                    list.add((VariableValue) row[1]);
                }
            }
            return byVariable.entrySet().stream().map(entry -> new EnvironmentVariableView(entry.getKey(), entry.getValue()))
                    .collect(Collectors.groupingBy(EnvironmentVariableView::projectId, LinkedHashMap::new, Collectors.toList()));
        });
    }

    /**
     * The variables that apply to each listed environment, after precedence (the environment's own value, else the
     * project default), ordered by name; secrets carry their Vault path, key and version. One statement for any
     * number of environments; an environment without variables maps to an empty list.
     */
    public Uni<Map<UUID, List<ResolvedVariable>>> resolve(Collection<UUID> environmentIds) {
        if (environmentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return values.candidatesFor(environmentIds).map(rows -> winners(environmentIds, rows));
    }

    /**
     * The variables that apply to each listed job, after precedence (the job's own value, else its environment's, else
     * the project default), ordered by name, like {@link #resolve}. One statement for any number of jobs.
     */
    public Uni<Map<UUID, List<ResolvedVariable>>> resolveJobs(Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return values.candidatesForJobs(jobIds).map(rows -> winners(jobIds, rows));
    }

    /** Rows of {owner id, variable, candidate value} ordered by name: per owner and variable, the set value of the highest scope. */
    private static Map<UUID, List<ResolvedVariable>> winners(Collection<UUID> owners, List<Object[]> rows) {
        Map<UUID, Map<UUID, Object[]>> winners = new HashMap<>();
        for (Object[] row : rows) {
            VariableValue candidate = (VariableValue) row[2];
            if (!candidate.isSet()) {
                continue;
            }
            winners.computeIfAbsent((UUID) row[0], ignored -> new LinkedHashMap<>()).merge(candidate.variableId(), row,
                    (held, other) -> ((VariableValue) other[2]).scope().outranks(((VariableValue) held[2]).scope()) ? other : held);
        }
        Map<UUID, List<ResolvedVariable>> resolved = new HashMap<>();
        for (UUID owner : owners) {
            resolved.put(owner, winners.getOrDefault(owner, Map.of()).values().stream()
                    .map(row -> new ResolvedVariable((EnvironmentVariable) row[1], (VariableValue) row[2])).toList());
        }
        return resolved;
    }

    /** Creates a variable with its first values; a name the project already has is a CONFLICT. */
    public Uni<EnvironmentVariableView> create(CreateEnvironmentVariableInput input) {
        UUID projectId = Ids.parse("projectId", input.projectId());
        String name = VariableNames.check("name", input.name());
        List<Change> changes = new ArrayList<>();
        if (input.projectDefault() != null) {
            changes.add(new Change("projectDefault", name, null, null, checkValue("projectDefault", input.projectDefault())));
        }
        List<CreateEnvironmentVariableInput.EnvironmentValueInput> given = input.environmentValues() == null ? List.of() : input.environmentValues();
        for (int i = 0; i < given.size(); i++) {
            String field = "environmentValues[" + i + "]";
            Fields.required(field, given.get(i));
            changes.add(new Change(field, name, Ids.parse(field + ".environmentId", given.get(i).environmentId()), null,
                    checkValue(field + ".value", given.get(i).value())));
        }
        refuseDuplicates(changes);
        return projects.lock(projectId, "projectId").chain(project -> variables.findByProject(projectId)).chain(existing -> {
            if (existing.stream().anyMatch(variable -> variable.name().equals(name))) {
                return Uni.createFrom().failure(nameTaken(name));
            }
            if (existing.size() >= MAX_VARIABLES_PER_PROJECT) {
                return Uni.createFrom().failure(new ConflictException("projectId",
                        "The project has " + existing.size() + " variables, the most a project can have"));
            }
            EnvironmentVariable variable = new EnvironmentVariable(projectId, name);
            return variables.persistAndFlush(variable)
                    .chain(() -> apply(projectId, Map.of(name, variable), changes))
                    .chain(() -> values.findByVariables(List.of(variable.id())))
                    .map(rows -> new EnvironmentVariableView(variable, rows));
        }).onFailure(failure -> ConstraintViolations.isUniqueViolation(failure, "environment_variable_project_name_key"))
                .transform(failure -> nameTaken(name));
    }

    /**
     * Sets or clears many values of a project's variables at once: every input is checked before anything is written,
     * and the whole call is one transaction, Vault writes included. Returns the variables it touched.
     */
    public Uni<List<EnvironmentVariableView>> setValues(UUID projectId, List<VariableValueInput> inputs) {
        if (inputs.isEmpty() || inputs.size() > MAX_VALUES_PER_CALL) {
            throw new ValidationException("values", "values must hold 1 to " + MAX_VALUES_PER_CALL + " entries");
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String field = "values[" + i + "]";
            VariableValueInput input = inputs.get(i);
            String name = VariableNames.check(field + ".name", input.name());
            UUID environmentId = input.environmentId() == null ? null : Ids.parse(field + ".environmentId", input.environmentId());
            UUID jobId = input.jobId() == null ? null : Ids.parse(field + ".jobId", input.jobId());
            if (environmentId != null && jobId != null) {
                throw new ValidationException(field + ".jobId", field + " names an environment and a job; a value is for one of them "
                        + "(a job's value already applies only in the job's environment)");
            }
            String value = input.value() == null ? null : checkValue(field + ".value", input.value());
            changes.add(new Change(field, name, environmentId, jobId, value));
        }
        refuseDuplicates(changes);
        return projects.lock(projectId, "projectId").chain(project -> variables.findByProject(projectId)).chain(existing -> {
            Map<String, EnvironmentVariable> byName = existing.stream().collect(Collectors.toMap(EnvironmentVariable::name, Function.identity()));
            for (Change change : changes) {
                if (!byName.containsKey(change.name())) {
                    return Uni.createFrom().failure(new NotFoundException(change.field() + ".name",
                            "The project has no variable named '" + change.name() + "'; create it first"));
                }
            }
            List<EnvironmentVariable> touched = changes.stream().map(change -> byName.get(change.name())).distinct().toList();
            return apply(projectId, byName, changes)
                    .chain(() -> values.findByVariables(touched.stream().map(EnvironmentVariable::id).toList()))
                    .map(rows -> touched.stream().sorted((a, b) -> a.name().compareTo(b.name()))
                            .map(variable -> new EnvironmentVariableView(variable, rows.stream()
                                    .filter(row -> row.variableId().equals(variable.id())).toList())).toList());
        });
    }

    /** Deletes the variable and every value; secret values are queued for destruction. Returns it as it was. */
    public Uni<EnvironmentVariableView> delete(UUID id) {
        return variables.findById(id).onItem().ifNull().failWith(() -> NotFoundException.of("id", "Environment variable", id))
                .call(found -> projects.lock(found.projectId(), "id"))
                .chain(variable -> values.findByVariables(List.of(id)).chain(rows -> {
                    EnvironmentVariableView before = new EnvironmentVariableView(variable, rows);
                    return deleteWithSecrets(rows, "environment variable deleted")
                            .chain(() -> variables.delete(variable)).chain(() -> variables.flush()).replaceWith(before);
                }));
    }

    /** A job's values go with it (deleteJob, or its environment's or project's deletion). */
    @Override
    public Uni<Void> beforeDelete(List<Job> deleted, Deletion deletion) {
        return values.findByJobs(deleted.stream().map(Job::getId).toList()).chain(rows -> deleteWithSecrets(rows, "job deleted", deletion));
    }

    @Override
    public Uni<Void> beforeDelete(Environment environment, Deletion deletion) {
        return values.findByEnvironment(environment.getId()).chain(rows -> deleteWithSecrets(rows, "environment deleted", deletion));
    }

    /** A project's variables go with it (environments refuse a deletion without force; variables do not). */
    @Override
    public Uni<Void> beforeDelete(UUID projectId, String projectName, boolean force, Deletion deletion) {
        return values.findByProject(projectId).chain(rows -> deleteWithSecrets(rows, "project deleted", deletion))
                .chain(() -> variables.findByProject(projectId)).chain(found -> {
                    found.forEach(variable -> deletion.variable(variable.id(), variable.name()));
                    return deletion.dryRun() ? Uni.createFrom().voidItem() : variables.delete("projectId", projectId).replaceWithVoid();
                });
    }

    /** Records the rows in {@code deletion}; deletes them (see below) unless it is a dry run. */
    private Uni<Void> deleteWithSecrets(List<VariableValue> rows, String reason, Deletion deletion) {
        rows.forEach(row -> deletion.variableValue(row.id(), row.secrets()));
        return deletion.dryRun() ? Uni.createFrom().voidItem() : deleteWithSecrets(rows, reason);
    }

    /** Database first: the rows go and their Vault paths are queued, in the caller's transaction. */
    private Uni<Void> deleteWithSecrets(List<VariableValue> rows, String reason) {
        return values.deleteAll(rows).chain(() -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> secrets.destroy(row.secrets(), reason))
                .collect().last().replaceWithVoid());
    }

    /** Under the project lock: checks the environments and jobs, then applies the changes one after the other. */
    private Uni<Void> apply(UUID projectId, Map<String, EnvironmentVariable> byName, List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return checkEnvironments(projectId, changes)
                .chain(() -> checkJobs(projectId, changes))
                .chain(() -> values.findByVariables(changes.stream().map(change -> byName.get(change.name()).id()).collect(Collectors.toSet())))
                .chain(rows -> {
                    Map<Target, VariableValue> current = rows.stream()
                            .collect(Collectors.toMap(row -> new Target(row.variableId(), row.environmentId(), row.jobId()), Function.identity()));
                    return Multi.createFrom().iterable(changes)
                            .onItem().transformToUniAndConcatenate(change -> applyOne(projectId, byName.get(change.name()), change,
                                    current.get(new Target(byName.get(change.name()).id(), change.environmentId(), change.jobId()))))
                            .collect().last();
                })
                .chain(() -> values.flush());
    }

    private Uni<Void> applyOne(UUID projectId, EnvironmentVariable variable, Change change, VariableValue current) {
        if (!variable.secret()) {
            if (change.value() == null) {
                return current == null ? Uni.createFrom().voidItem() : values.delete(current);
            }
            VariableValue row = current != null ? current : new VariableValue(variable.id(), change.environmentId(), change.jobId());
            row.value(change.value());
            return current != null ? Uni.createFrom().voidItem() : values.persist(row).replaceWithVoid();
        }
        String path = change.jobId() != null ? secretStore.variableJobPath(projectId, variable.id(), change.jobId())
                : change.environmentId() != null ? secretStore.variableEnvironmentPath(projectId, variable.id(), change.environmentId())
                : secretStore.variableDefaultPath(projectId, variable.id());
        if (current == null) {
            if (change.value() == null) {
                return Uni.createFrom().voidItem();
            }
            VariableValue row = new VariableValue(variable.id(), change.environmentId(), change.jobId());
            return secrets.writeNew(path, Map.of(VariableValue.SECRET_KEY, Secret.of(change.value())))
                    .chain(written -> {
                        row.secrets(written);
                        return values.persist(row);
                    }).replaceWithVoid();
        }
        // A cleared secret keeps its row and path (an empty Vault version), so no new row ever reuses a path being destroyed.
        Map<String, Secret> set = change.value() == null ? Map.of() : Map.of(VariableValue.SECRET_KEY, Secret.of(change.value()));
        Set<String> remove = change.value() == null ? Set.of(VariableValue.SECRET_KEY) : Set.of();
        return secrets.write(path, current.secrets(), set, remove).invoke(written -> current.secrets(written)).replaceWithVoid();
    }

    /** Every environment named must belong to the project: NOT_FOUND if it does not exist, VALIDATION if it is another's. */
    private Uni<Void> checkEnvironments(UUID projectId, List<Change> changes) {
        Set<UUID> named = changes.stream().map(Change::environmentId).filter(id -> id != null).collect(Collectors.toSet());
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return environments.findByProjects(Set.of(projectId), null, null).chain(byProject -> {
            Set<UUID> own = byProject.getOrDefault(projectId, List.of()).stream().map(Environment::getId).collect(Collectors.toSet());
            Change stranger = changes.stream().filter(change -> change.environmentId() != null && !own.contains(change.environmentId()))
                    .findFirst().orElse(null);
            if (stranger == null) {
                return Uni.createFrom().voidItem();
            }
            String field = stranger.field() + ".environmentId";
            return environments.findById(stranger.environmentId()).chain(environment -> Uni.createFrom().failure(environment == null
                    ? NotFoundException.of(field, "Environment", stranger.environmentId())
                    : new ValidationException(field, "Environment " + stranger.environmentId() + " belongs to another project")));
        });
    }

    /**
     * Every job named must belong to the project: NOT_FOUND if it does not exist, VALIDATION if it is another's. The
     * jobs stay share-locked until commit, so a concurrent deleteJob waits and then removes the values written here.
     */
    private Uni<Void> checkJobs(UUID projectId, List<Change> changes) {
        Set<UUID> named = changes.stream().map(Change::jobId).filter(id -> id != null).collect(Collectors.toSet());
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return jobs.lockForAttaching(named).chain(found -> {
            Map<UUID, Job> byId = found.stream().collect(Collectors.toMap(Job::getId, Function.identity()));
            for (Change change : changes) {
                if (change.jobId() == null) {
                    continue;
                }
                Job job = byId.get(change.jobId());
                String field = change.field() + ".jobId";
                if (job == null) {
                    return Uni.createFrom().failure(NotFoundException.of(field, "Job", change.jobId()));
                }
                if (!job.getProjectId().equals(projectId)) {
                    return Uni.createFrom().failure(new ValidationException(field, "Job " + change.jobId() + " belongs to another project"));
                }
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** Length only: values are taken as given (spaces and newlines are part of a value). Never echoes the value. */
    private static String checkValue(String field, String value) {
        if (value == null) {
            throw new ValidationException(field, field + " is required");
        }
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw new ValidationException(field, field + " must be 1 to " + MAX_VALUE_LENGTH + " characters");
        }
        return value;
    }

    private static void refuseDuplicates(List<Change> changes) {
        Set<List<Object>> seen = new HashSet<>();
        for (Change change : changes) {
            List<Object> target = Arrays.asList(change.name(), change.environmentId(), change.jobId());
            if (!seen.add(target)) {
                throw new ValidationException(change.field(), change.field() + " sets a value that an earlier entry sets too");
            }
        }
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("name", "The project already has a variable named '" + name + "'");
    }

    /**
     * One value to set (value) or clear (null) of the variable {@code name}: for a job, in an environment, or (both
     * null) the default.
     */
    private record Change(String field, String name, UUID environmentId, UUID jobId, String value) {
    }

    private record Target(UUID variableId, UUID environmentId, UUID jobId) {
    }
}
