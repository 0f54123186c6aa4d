package dev.envplane.adapter;

import java.util.Map;

import dev.envplane.secrets.SecretReference;

/**
 * What a stored connection or set of credentials holds, by the field names of its adapter's definition, plus where
 * its secrets are: the neutral form the profile renderer reads, so it needs neither entity.
 */
public record StoredSettings(AdapterType adapterType, Map<String, Object> values, SecretReference secrets) {

    public Object value(String field) {
        return values.get(field);
    }
}
