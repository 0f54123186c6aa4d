package dev.envplane.credentials;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.envplane.adapter.AdapterType;
import dev.envplane.adapter.Adapters;
import dev.envplane.adapter.StoredSettings;
import dev.envplane.adapter.AuthMethod;
import dev.envplane.adapter.CredentialColumn;
import dev.envplane.adapter.CredentialField;
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
    @Column(name = "warehouse", updatable = false)
    private AdapterType adapterType;
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

    EnvironmentCredentials(UUID environmentId, AdapterType adapterType) {
        this.environmentId = environmentId;
        this.adapterType = adapterType;
    }

    /** The non-secret fields by name, and where the secrets are. */
    StoredSettings settings() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CredentialField field : Adapters.of(adapterType).credentialFields()) {
            if (!field.secret()) {
                values.put(field.name(), get(field.column()));
            }
        }
        return new StoredSettings(adapterType, values, secrets());
    }

    /** The column an adapter's credential field is stored in. */
    Object get(CredentialColumn column) {
        return switch (column) {
            case AUTH_METHOD -> authMethod;
            case USERNAME -> username;
            case SCHEMA -> schema;
            case DATASET -> dataset;
            case CATALOG -> catalog;
            case THREADS -> threads;
        };
    }

    void set(CredentialColumn column, Object value) {
        switch (column) {
            case AUTH_METHOD -> authMethod = (AuthMethod) value;
            case USERNAME -> username = (String) value;
            case SCHEMA -> schema = (String) value;
            case DATASET -> dataset = (String) value;
            case CATALOG -> catalog = (String) value;
            case THREADS -> threads = (Integer) value;
        }
    }

    public UUID environmentId() {
        return environmentId;
    }

    public AdapterType adapterType() {
        return adapterType;
    }

    public SecretReference secrets() {
        return secrets == null ? SecretReference.none() : secrets;
    }

    void secrets(SecretReference secrets) {
        this.secrets = secrets;
    }
}
