package dev.envplane.variable;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.envplane.database.Tracked;
import dev.envplane.secrets.SecretReference;

/**
 * One variable's value in one scope. A plain value is in {@code value}; a secret one is in Vault, and the row keeps
 * only its reference. A cleared secret keeps its row (and Vault path, with an empty version) so the path is never
 * reused by a new row while the outbox may still be destroying an old one.
 */
@Entity
@Table(name = "environment_variable_value")
public class VariableValue extends Tracked {

    static final String SECRET_KEY = "value";

    @Id
    private UUID id;
    @Column(name = "variable_id", updatable = false)
    private UUID variableId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private VariableScope scope;
    @Column(name = "environment_id", updatable = false)
    private UUID environmentId;
    @Column(name = "job_id", updatable = false)
    private UUID jobId;
    private String value;
    @Embedded
    private SecretReference secrets;

    protected VariableValue() {
    }

    /** A job's value when {@code jobId} is given, else an environment's, else the project default (never both ids). */
    VariableValue(UUID variableId, UUID environmentId, UUID jobId) {
        this.id = UUID.randomUUID();
        this.variableId = variableId;
        this.scope = jobId != null ? VariableScope.JOB : environmentId != null ? VariableScope.ENVIRONMENT : VariableScope.PROJECT_DEFAULT;
        this.environmentId = environmentId;
        this.jobId = jobId;
    }

    public UUID id() {
        return id;
    }

    public UUID variableId() {
        return variableId;
    }

    public VariableScope scope() {
        return scope;
    }

    /** Null for the project default and job values. */
    public UUID environmentId() {
        return environmentId;
    }

    /** Set for job values only. */
    public UUID jobId() {
        return jobId;
    }

    /** The plain value; always null for a secret. */
    public String value() {
        return value;
    }

    void value(String value) {
        this.value = value;
    }

    public SecretReference secrets() {
        return secrets == null ? SecretReference.none() : secrets;
    }

    void secrets(SecretReference secrets) {
        this.secrets = secrets;
    }

    /** False for a cleared secret, whose row stays (see the class comment). */
    boolean isSet() {
        return value != null || secrets().has(SECRET_KEY);
    }
}
