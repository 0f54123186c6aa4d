package dev.envplane.environment;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ConnectionOverridesInput")
@Description("Replaces all overrides. role, database and warehouse are for Snowflake connections, catalog for Databricks; "
        + "other warehouses take no overrides. An empty object clears them.")
public record ConnectionOverridesInput(String role, String database, String warehouse, String catalog) {

    boolean isEmpty() {
        return role == null && database == null && warehouse == null && catalog == null;
    }
}
