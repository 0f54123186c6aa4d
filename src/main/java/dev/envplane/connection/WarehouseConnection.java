package dev.envplane.connection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import dev.envplane.adapter.AdapterType;
import dev.envplane.adapter.Adapters;
import dev.envplane.adapter.StoredSettings;
import dev.envplane.adapter.ConnectionColumn;
import dev.envplane.adapter.ConnectionField;
import dev.envplane.adapter.SparkMethod;
import dev.envplane.adapter.SslMode;
import dev.envplane.secrets.SecretReference;
import dev.envplane.database.Tracked;

/**
 * One row of {@code warehouse_connection}: the non-secret settings of every warehouse in typed, nullable columns
 * (the table's check constraint says which are required for which adapter) and where its secrets are in Vault.
 * Not a GraphQL type: {@link #view()} builds the output object of its adapter.
 */
@Entity
@Table(name = "warehouse_connection")
public class WarehouseConnection extends Tracked {

    @jakarta.persistence.Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "warehouse", updatable = false)
    private AdapterType adapterType;
    private String host;
    private Integer port;
    private String dbname;
    @Enumerated(EnumType.STRING)
    @Column(name = "ssl_mode")
    private SslMode sslMode;
    private String account;
    @Column(name = "database_name")
    private String databaseName;
    @Column(name = "warehouse_name")
    private String warehouseName;
    @Column(name = "role_name")
    private String roleName;
    @Column(name = "client_session_keep_alive")
    private Boolean clientSessionKeepAlive;
    @Column(name = "gcp_project_id")
    private String gcpProjectId;
    private String location;
    private String cluster;
    @Enumerated(EnumType.STRING)
    private SparkMethod method;
    @Column(name = "http_path")
    private String httpPath;
    private String catalog;
    @Embedded
    private SecretReference secrets;

    protected WarehouseConnection() {
    }

    WarehouseConnection(String name, AdapterType adapterType) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.adapterType = adapterType;
    }

    /** The GraphQL output object of this connection's adapter. */
    Connection view() {
        return ConnectionTypes.of(adapterType).apply(this);
    }

    /** The non-secret settings by field name, and where the secrets are. */
    StoredSettings settings() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConnectionField field : Adapters.of(adapterType).connectionFields()) {
            if (!field.secret()) {
                values.put(field.name(), get(field.column()));
            }
        }
        return new StoredSettings(adapterType, values, getSecrets());
    }

    private Object get(ConnectionColumn column) {
        return switch (column) {
            case HOST -> host;
            case PORT -> port;
            case DBNAME -> dbname;
            case SSL_MODE -> sslMode;
            case ACCOUNT -> account;
            case DATABASE_NAME -> databaseName;
            case WAREHOUSE_NAME -> warehouseName;
            case ROLE_NAME -> roleName;
            case CLIENT_SESSION_KEEP_ALIVE -> clientSessionKeepAlive;
            case GCP_PROJECT_ID -> gcpProjectId;
            case LOCATION -> location;
            case CLUSTER -> cluster;
            case METHOD -> method;
            case HTTP_PATH -> httpPath;
            case CATALOG -> catalog;
        };
    }

    /** Writes the column an adapter's connection field is stored in; the field's check has given the value its type. */
    void set(ConnectionColumn column, Object value) {
        switch (column) {
            case HOST -> host = (String) value;
            case PORT -> port = (Integer) value;
            case DBNAME -> dbname = (String) value;
            case SSL_MODE -> sslMode = (SslMode) value;
            case ACCOUNT -> account = (String) value;
            case DATABASE_NAME -> databaseName = (String) value;
            case WAREHOUSE_NAME -> warehouseName = (String) value;
            case ROLE_NAME -> roleName = (String) value;
            case CLIENT_SESSION_KEEP_ALIVE -> clientSessionKeepAlive = (Boolean) value;
            case GCP_PROJECT_ID -> gcpProjectId = (String) value;
            case LOCATION -> location = (String) value;
            case CLUSTER -> cluster = (String) value;
            case METHOD -> method = (SparkMethod) value;
            case HTTP_PATH -> httpPath = (String) value;
            case CATALOG -> catalog = (String) value;
        }
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    AdapterType getAdapterType() {
        return adapterType;
    }

    String getHost() {
        return host;
    }


    Integer getPort() {
        return port;
    }


    String getDbname() {
        return dbname;
    }


    SslMode getSslMode() {
        return sslMode;
    }


    String getAccount() {
        return account;
    }


    String getDatabaseName() {
        return databaseName;
    }


    String getWarehouseName() {
        return warehouseName;
    }


    String getRoleName() {
        return roleName;
    }


    Boolean getClientSessionKeepAlive() {
        return clientSessionKeepAlive;
    }


    String getGcpProjectId() {
        return gcpProjectId;
    }


    String getLocation() {
        return location;
    }


    String getCluster() {
        return cluster;
    }


    SparkMethod getMethod() {
        return method;
    }


    String getHttpPath() {
        return httpPath;
    }


    String getCatalog() {
        return catalog;
    }


    /** Where the secrets are; Hibernate leaves the embeddable null when all its columns are, hence none(). */
    SecretReference getSecrets() {
        return secrets == null ? SecretReference.none() : secrets;
    }

    void setSecrets(SecretReference secrets) {
        this.secrets = secrets;
    }
}
