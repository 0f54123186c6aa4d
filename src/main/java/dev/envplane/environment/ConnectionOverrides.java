package dev.envplane.environment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

/** Per-environment overrides of its connection: Snowflake role, database and warehouse; Databricks catalog. */
@Embeddable
@Type("ConnectionOverrides")
@Description("What this environment changes of its connection: Snowflake role, database, warehouse; Databricks catalog.")
public class ConnectionOverrides {

    @Column(name = "override_role")
    private String role;
    @Column(name = "override_database")
    private String database;
    @Column(name = "override_warehouse")
    private String warehouse;
    @Column(name = "override_catalog")
    private String catalog;

    protected ConnectionOverrides() {
    }

    ConnectionOverrides(String role, String database, String warehouse, String catalog) {
        this.role = role;
        this.database = database;
        this.warehouse = warehouse;
        this.catalog = catalog;
    }

    /** An override by its name in the adapter definitions (role, database, warehouse, catalog), or null. */
    @Ignore
    public String value(String name) {
        return switch (name) {
            case "role" -> role;
            case "database" -> database;
            case "warehouse" -> warehouse;
            case "catalog" -> catalog;
            default -> null;
        };
    }

    public String getRole() {
        return role;
    }

    public String getDatabase() {
        return database;
    }

    public String getWarehouse() {
        return warehouse;
    }

    public String getCatalog() {
        return catalog;
    }

    boolean isEmpty() {
        return role == null && database == null && warehouse == null && catalog == null;
    }
}
