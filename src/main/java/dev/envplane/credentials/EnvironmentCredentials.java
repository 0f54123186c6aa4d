package dev.envplane.credentials;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.envplane.connection.Warehouse;
import dev.envplane.secrets.SecretReference;
import dev.envplane.database.Tracked;

/** An environment's deployment credentials: the non-secret fields, and where the secret ones are in Vault. */
@Entity
@Table(name = "environment_credentials")
public class EnvironmentCredentials extends Tracked {

    @Id
    @Column(name = "environment_id")
    private UUID environmentId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Warehouse warehouse;
    @Enumerated(EnumType.STRING)
    @Column(name = "auth_method")
    AuthMethod authMethod;
    String username;
    @Column(name = "schema_name")
    String schema;
    String dataset;
    String catalog;
    int threads;
    @Embedded
    private SecretReference secrets;

    protected EnvironmentCredentials() {
    }

    EnvironmentCredentials(UUID environmentId, Warehouse warehouse) {
        this.environmentId = environmentId;
        this.warehouse = warehouse;
    }

    public UUID environmentId() {
        return environmentId;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public SecretReference secrets() {
        return secrets == null ? SecretReference.none() : secrets;
    }

    void secrets(SecretReference secrets) {
        this.secrets = secrets;
    }
}
