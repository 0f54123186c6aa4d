package dev.envplane.connection;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.envplane.adapter.Adapter;
import dev.envplane.adapter.Adapters;
import dev.envplane.adapter.ConnectionField;
import dev.envplane.api.ValidationException;
import dev.envplane.secrets.Secret;

/**
 * Applies an adapter's connection fields to a connection. Errors name the input path ("postgres.port"). On create
 * every required field must be there and defaults apply; on update only the fields given are checked and changed.
 * No message ever repeats a secret.
 */
final class ConnectionSettings {

    /** The adapter block of an input: which adapter, and the block's value. */
    record Block(Adapter adapter, Object input) {
        String field() {
            return adapter.block();
        }
    }

    private ConnectionSettings() {
    }

    /**
     * The schema's @oneOf already asks for exactly one block; this check stays for clients that skip the directive
     * and for the block-less update.
     */
    static Block exactlyOne(CreateConnectionInput input) {
        Block block = atMostOne(input.blocks());
        if (block == null) {
            throw new ValidationException("input", "Give exactly one adapter block: " + Adapters.blockNames());
        }
        return block;
    }

    /** Null when the update changes no adapter setting. */
    static Block atMostOne(UpdateConnectionInput input) {
        return atMostOne(input.blocks());
    }

    private static Block atMostOne(Map<String, Object> given) {
        if (given.size() > 1) {
            throw new ValidationException("input", "Give only one adapter block, not " + given.size() + " ("
                    + String.join(", ", given.keySet()) + ")");
        }
        return given.entrySet().stream().findFirst()
                .map(entry -> new Block(Adapters.byBlock(entry.getKey()).orElseThrow(), entry.getValue())).orElse(null);
    }

    /** The blocks given (not null), by name, in input order; from alternating names and blocks. */
    static Map<String, Object> given(Object... namesAndBlocks) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBlocks.length; i += 2) {
            if (namesAndBlocks[i + 1] != null) {
                given.put((String) namesAndBlocks[i], namesAndBlocks[i + 1]);
            }
        }
        return given;
    }

    /** Checks the block and writes its settings to the connection. Returns the secrets to store, by key (BigQuery's key). */
    static Map<String, Secret> apply(WarehouseConnection connection, Block block, boolean create) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (ConnectionField field : block.adapter().connectionFields()) {
            String path = block.field() + "." + field.name();
            Object given = field.read().apply(block.input());
            if (given == null && !create) {
                continue;
            }
            Object value = given == null ? field.fallback() : field.secret() ? Secret.of((String) given) : given;
            if (value == null && field.required()) {
                throw new ValidationException(path, path + " is required");
            }
            Object checked = value == null ? null : field.check().apply(path, value);
            if (field.secret()) {
                secrets.put(field.name(), (Secret) checked);
            } else {
                connection.set(field.column(), checked);
            }
        }
        return secrets;
    }
}
