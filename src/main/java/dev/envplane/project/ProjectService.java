package dev.envplane.project;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.envplane.api.ConflictException;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.PageRequest;
import dev.envplane.database.ConstraintViolations;
import dev.envplane.deletion.Deletion;
import dev.envplane.deletion.DeletionReport;
import dev.envplane.validation.Fields;
import dev.envplane.validation.GitNames;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

/** The rules of projects. Runs inside the caller's session (see {@code api.SessionBoundary}). */
@ApplicationScoped
public class ProjectService {

    static final String DEFAULT_BRANCH = "main";

    private final ProjectRepository projects;
    private final Instance<ProjectDeletionHook> deletionHooks;

    ProjectService(ProjectRepository projects, Instance<ProjectDeletionHook> deletionHooks) {
        this.projects = projects;
        this.deletionHooks = deletionHooks;
    }

    public Uni<Project> findById(UUID id) {
        return projects.findById(id);
    }

    public Uni<Project> findByName(String name) {
        return projects.findByName(name == null ? null : name.strip());
    }

    /** The projects of these exact names (each stripped, as names are stored); a name with no project is left out. */
    public Uni<List<Project>> findByNames(Collection<String> names) {
        return projects.findByNames(names.stream().map(String::strip).distinct().toList());
    }

    public Uni<Map<UUID, Project>> findByIds(Collection<UUID> ids) {
        return projects.findByIds(ids).map(found -> found.stream().collect(Collectors.toMap(Project::getId, Function.identity())));
    }

    public Uni<List<Project>> page(String nameContains, PageRequest page) {
        return projects.page(nameContains, page);
    }

    public Uni<Long> count(String nameContains) {
        return projects.count(nameContains);
    }

    /** Inside the caller's session: the project, or NOT_FOUND on {@code field}. */
    public Uni<Project> require(UUID id, String field) {
        return projects.findById(id).onItem().ifNull().failWith(() -> NotFoundException.of(field, "Project", id));
    }

    /** Inside the caller's transaction: locks the project row so per-project rules are applied one at a time. */
    public Uni<Project> lock(UUID id, String field) {
        return projects.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> NotFoundException.of(field, "Project", id));
    }

    public Uni<Project> create(CreateProjectInput input) {
        Project project = new Project(Fields.requiredTrimmed("name", input.name(), 1, 100));
        project.setDescription(emptyToNull(Fields.trimmed("description", input.description(), 0, 1000)));
        project.setRepositoryUrl(repositoryUrl(input.repositoryUrl()));
        project.setDefaultBranch(input.defaultBranch() == null ? DEFAULT_BRANCH : GitNames.branch("defaultBranch", input.defaultBranch()));
        project.setDbtProjectSubdirectory(emptyToNull(GitNames.subdirectory("dbtProjectSubdirectory", input.dbtProjectSubdirectory())));
        return projects.persistAndFlush(project).onFailure().transform(failure -> nameTaken(failure, project.getName()));
    }

    public Uni<Project> update(UUID id, UpdateProjectInput input) {
        String name = Fields.trimmed("name", input.name(), 1, 100);
        String description = Fields.trimmed("description", input.description(), 0, 1000);
        String repositoryUrl = input.repositoryUrl() == null ? null : Objects.requireNonNullElse(repositoryUrl(input.repositoryUrl()), "");
        String defaultBranch = input.defaultBranch() == null ? null : GitNames.branch("defaultBranch", input.defaultBranch());
        String subdirectory = GitNames.subdirectory("dbtProjectSubdirectory", input.dbtProjectSubdirectory());
        return require(id, "id").chain(project -> {
            if (subdirectory != null) {
                project.setDbtProjectSubdirectory(emptyToNull(subdirectory));
            }
            if (name != null) {
                project.setName(name);
            }
            if (description != null) {
                project.setDescription(emptyToNull(description));
            }
            if (repositoryUrl != null) {
                project.setRepositoryUrl(emptyToNull(repositoryUrl));
            }
            if (defaultBranch != null) {
                project.setDefaultBranch(defaultBranch);
            }
            return projects.flush().replaceWith(project);
        }).onFailure().transform(failure -> nameTaken(failure, name));
    }

    /**
     * Reports what went with the project. Environments block the deletion unless {@code force} (see the hooks), in a
     * dry run too; a dry run changes nothing and reports what the deletion would remove.
     */
    public Uni<DeletionReport> delete(UUID id, boolean force, boolean dryRun) {
        Deletion deletion = new Deletion(dryRun);
        return lock(id, "id").call(project -> Multi.createFrom().iterable(deletionHooks)
                .onItem().transformToUniAndConcatenate(hook -> hook.beforeDelete(project.getId(), project.getName(), force, deletion))
                .collect().asList())
                .call(project -> {
                    deletion.project(project.getId(), project.getName());
                    return dryRun ? Uni.createFrom().voidItem() : projects.delete(project);
                })
                .map(project -> deletion.report());
    }

    private static String repositoryUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return GitNames.repositoryUrl("repositoryUrl", url.strip());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Throwable nameTaken(Throwable failure, String name) {
        if (ConstraintViolations.isUniqueViolation(failure, "project_name_key")) {
            return new ConflictException("name", "A project named '" + name + "' already exists");
        }
        return failure;
    }
}
