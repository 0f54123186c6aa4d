package dev.envplane.variable;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.envplane.database.Tracked;

/** A project's environment variable: its name and whether it is secret (which the name decides). */
@Entity
@Table(name = "environment_variable")
public class EnvironmentVariable extends Tracked {

    @Id
    private UUID id;
    @Column(name = "project_id", updatable = false)
    private UUID projectId;
    @Column(updatable = false)
    private String name;
    @Column(updatable = false)
    private boolean secret;

    protected EnvironmentVariable() {
    }

    EnvironmentVariable(UUID projectId, String name) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.name = name;
        this.secret = VariableNames.isSecret(name);
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public String name() {
        return name;
    }

    public boolean secret() {
        return secret;
    }
}
