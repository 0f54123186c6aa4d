package dev.envplane.connection;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import dev.envplane.secrets.SecretReference;
import dev.envplane.database.Tracked;

/**
 * One row of {@code warehouse_connection}: the non-secret settings of every warehouse in typed, nullable columns
 * (the table's check constraint says which are required for which warehouse) and where its secrets are in Vault.
 * Not a GraphQL type: {@link #view()} builds the output object of its warehouse.
 */
@Entity
@Table(name = "warehouse_connection")
public class WarehouseConnection extends Tracked {

    @jakarta.persistence.Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Warehouse warehouse;
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

    WarehouseConnection(String name, Warehouse warehouse) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.warehouse = warehouse;
    }

    /** The GraphQL output object of this connection's warehouse. */
    Connection view() {
        return switch (warehouse) {
            case POSTGRES -> new PostgresConnection(this);
            case REDSHIFT -> new RedshiftConnection(this);
            case SNOWFLAKE -> new SnowflakeConnection(this);
            case BIGQUERY -> new BigQueryConnection(this);
            case SPARK -> new SparkConnection(this);
            case DATABRICKS -> new DatabricksConnection(this);
        };
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

    Warehouse getWarehouse() {
        return warehouse;
    }

    String getHost() {
        return host;
    }

    void setHost(String host) {
        this.host = host;
    }

    Integer getPort() {
        return port;
    }

    void setPort(Integer port) {
        this.port = port;
    }

    String getDbname() {
        return dbname;
    }

    void setDbname(String dbname) {
        this.dbname = dbname;
    }

    SslMode getSslMode() {
        return sslMode;
    }

    void setSslMode(SslMode sslMode) {
        this.sslMode = sslMode;
    }

    String getAccount() {
        return account;
    }

    void setAccount(String account) {
        this.account = account;
    }

    String getDatabaseName() {
        return databaseName;
    }

    void setDatabaseName(String databaseName) {
        this.databaseName = databaseName;
    }

    String getWarehouseName() {
        return warehouseName;
    }

    void setWarehouseName(String warehouseName) {
        this.warehouseName = warehouseName;
    }

    String getRoleName() {
        return roleName;
    }

    void setRoleName(String roleName) {
        this.roleName = roleName;
    }

    Boolean getClientSessionKeepAlive() {
        return clientSessionKeepAlive;
    }

    void setClientSessionKeepAlive(Boolean clientSessionKeepAlive) {
        this.clientSessionKeepAlive = clientSessionKeepAlive;
    }

    String getGcpProjectId() {
        return gcpProjectId;
    }

    void setGcpProjectId(String gcpProjectId) {
        this.gcpProjectId = gcpProjectId;
    }

    String getLocation() {
        return location;
    }

    void setLocation(String location) {
        this.location = location;
    }

    String getCluster() {
        return cluster;
    }

    void setCluster(String cluster) {
        this.cluster = cluster;
    }

    SparkMethod getMethod() {
        return method;
    }

    void setMethod(SparkMethod method) {
        this.method = method;
    }

    String getHttpPath() {
        return httpPath;
    }

    void setHttpPath(String httpPath) {
        this.httpPath = httpPath;
    }

    String getCatalog() {
        return catalog;
    }

    void setCatalog(String catalog) {
        this.catalog = catalog;
    }

    /** Where the secrets are; Hibernate leaves the embeddable null when all its columns are, hence none(). */
    SecretReference getSecrets() {
        return secrets == null ? SecretReference.none() : secrets;
    }

    void setSecrets(SecretReference secrets) {
        this.secrets = secrets;
    }
}
