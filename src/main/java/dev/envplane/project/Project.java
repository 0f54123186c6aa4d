package dev.envplane.project;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.database.Tracked;

/** A dbt project: a git repository and the environments it runs in. Also its GraphQL output type. */
@Entity
@Table(name = "project")
@Type("Project")
@Description("A dbt project: a git repository and the environments it runs in.")
public class Project extends Tracked {

    @jakarta.persistence.Id
    private UUID id;
    private String name;
    private String description;
    @Column(name = "repository_url")
    private String repositoryUrl;
    @Column(name = "default_branch")
    private String defaultBranch;
    @Column(name = "dbt_project_subdirectory")
    private String dbtProjectSubdirectory;

    protected Project() {
    }

    Project(String name) {
        this.id = UUID.randomUUID();
        this.name = name;
    }

    @Id
    @NonNull
    public UUID getId() {
        return id;
    }

    @NonNull
    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    @Description("Where the dbt code lives: https://host/org/repo.git or git@host:org/repo.git")
    public String getRepositoryUrl() {
        return repositoryUrl;
    }

    void setRepositoryUrl(String repositoryUrl) {
        this.repositoryUrl = repositoryUrl;
    }

    @NonNull
    @Description("The branch environments run unless they set a custom branch.")
    public String getDefaultBranch() {
        return defaultBranch;
    }

    void setDefaultBranch(String defaultBranch) {
        this.defaultBranch = defaultBranch;
    }

    @Description("Where dbt_project.yml lives inside the repository (a relative path); null: at its root.")
    public String getDbtProjectSubdirectory() {
        return dbtProjectSubdirectory;
    }

    void setDbtProjectSubdirectory(String dbtProjectSubdirectory) {
        this.dbtProjectSubdirectory = dbtProjectSubdirectory;
    }
}
