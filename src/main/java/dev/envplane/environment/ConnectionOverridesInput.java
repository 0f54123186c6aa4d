package dev.envplane.environment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;

@Input("ConnectionOverridesInput")
@Description("Replaces all overrides. role, database and warehouse are for Snowflake connections, catalog for Databricks; "
        + "other adapters take no overrides. An empty object clears them.")
public record ConnectionOverridesInput(String role, String database, String warehouse, String catalog) {

    /** Every override by its name in the adapter definitions, null when not given. */
    @Ignore
    Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("role", role);
        given.put("database", database);
        given.put("warehouse", warehouse);
        given.put("catalog", catalog);
        return given;
    }
}
