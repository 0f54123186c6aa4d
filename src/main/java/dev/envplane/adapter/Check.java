package dev.envplane.adapter;

/**
 * Checks a value given for a field (never null) and returns what is stored: trimmed, normalised, or null to clear an
 * optional field. Throws {@code ValidationException} on {@code path}; messages never repeat a secret.
 */
@FunctionalInterface
public interface Check {

    Object apply(String path, Object value);

    Check AS_GIVEN = (path, value) -> value;
}
