package dev.envplane.environment;

import java.util.Map;

import dev.envplane.adapter.Adapter;
import dev.envplane.adapter.AdapterType;
import dev.envplane.adapter.Adapters;
import dev.envplane.api.ValidationException;
import dev.envplane.validation.Fields;

/** Which overrides an environment may set (its adapter's definition says), and the rule that it never changes adapter. */
final class WarehouseLinks {

    private static final String FIELD = "connectionOverrides";

    private WarehouseLinks() {
    }

    static ConnectionOverrides overrides(ConnectionOverridesInput input, AdapterType adapterType) {
        if (input == null) {
            return null;
        }
        Map<String, String> given = input.given();
        given.replaceAll((name, value) -> Fields.trimmed(FIELD + "." + name, value, 1, 255));
        given.values().removeIf(value -> value == null);
        if (adapterType == null) {
            throw new ValidationException(FIELD, "connectionOverrides need a connection: set connectionId");
        }
        Adapter adapter = Adapters.of(adapterType);
        for (String name : given.keySet()) {
            if (adapter.overrides().isEmpty()) {
                throw new ValidationException(FIELD, adapterType + " connections take no overrides; set them on the connection "
                        + "or in extended attributes");
            }
            if (!adapter.overrides().contains(name)) {
                throw new ValidationException(FIELD + "." + name, adapterType + " takes " + adapter.overridesInWords()
                        + " overrides, not " + name);
            }
        }
        return new ConnectionOverrides(given.get("role"), given.get("database"), given.get("warehouse"), given.get("catalog"));
    }

    static void sameAdapter(AdapterType current, AdapterType next) {
        if (current != null && current != next) {
            throw new ValidationException("connectionId", "This environment runs on " + current + " and the connection is "
                    + next + "; an environment cannot change adapterType: create a new environment instead");
        }
    }
}
