package dev.envplane.environment;

import dev.envplane.api.ValidationException;
import dev.envplane.connection.Warehouse;
import dev.envplane.validation.Fields;

/** Which overrides each warehouse accepts, and the rule that an environment never changes warehouse. */
final class WarehouseLinks {

    private static final String FIELD = "connectionOverrides";

    private WarehouseLinks() {
    }

    static ConnectionOverrides overrides(ConnectionOverridesInput input, Warehouse warehouse) {
        if (input == null) {
            return null;
        }
        String role = Fields.trimmed(FIELD + ".role", input.role(), 1, 255);
        String database = Fields.trimmed(FIELD + ".database", input.database(), 1, 255);
        String warehouseName = Fields.trimmed(FIELD + ".warehouse", input.warehouse(), 1, 255);
        String catalog = Fields.trimmed(FIELD + ".catalog", input.catalog(), 1, 255);
        if (warehouse == null) {
            throw new ValidationException(FIELD, "connectionOverrides need a connection: set connectionId");
        }
        switch (warehouse) {
            case SNOWFLAKE -> refuse(catalog, "catalog", "Snowflake takes role, database and warehouse overrides, not catalog");
            case DATABRICKS -> {
                refuse(role, "role", "Databricks takes a catalog override only");
                refuse(database, "database", "Databricks takes a catalog override only");
                refuse(warehouseName, "warehouse", "Databricks takes a catalog override only");
            }
            default -> {
                if (role != null || database != null || warehouseName != null || catalog != null) {
                    throw new ValidationException(FIELD, warehouse + " connections take no overrides; set them on the connection "
                            + "or in extended attributes");
                }
            }
        }
        return new ConnectionOverrides(role, database, warehouseName, catalog);
    }

    static void sameWarehouse(Warehouse current, Warehouse next) {
        if (current != null && current != next) {
            throw new ValidationException("connectionId", "This environment runs on " + current + " and the connection is "
                    + next + "; an environment cannot change warehouse type: create a new environment instead");
        }
    }

    private static void refuse(String value, String field, String message) {
        if (value != null) {
            throw new ValidationException(FIELD + "." + field, message);
        }
    }
}
