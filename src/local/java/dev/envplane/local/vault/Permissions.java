package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one path rule grants: capabilities, parameter constraints and wrapping TTL bounds, merged across
 * policies and checked against a request exactly as Vault's ACL (vault/acl.go) does.
 */
final class Permissions {

    private final Set<Capability> capabilities;
    /** Parameter name (lower case) to the values allowed or denied; an empty list means any value. Null: no rule. */
    private Map<String, List<JsonNode>> allowedParameters;
    private Map<String, List<JsonNode>> deniedParameters;
    private final List<String> requiredParameters;
    private long minWrappingTtl;
    private long maxWrappingTtl;

    Permissions(Set<Capability> capabilities, Map<String, List<JsonNode>> allowedParameters,
                Map<String, List<JsonNode>> deniedParameters, List<String> requiredParameters,
                long minWrappingTtl, long maxWrappingTtl) {
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        this.allowedParameters = copy(allowedParameters);
        this.deniedParameters = copy(deniedParameters);
        this.requiredParameters = new ArrayList<>(requiredParameters);
        this.minWrappingTtl = minWrappingTtl;
        this.maxWrappingTtl = maxWrappingTtl;
    }

    static Permissions of(Set<Capability> capabilities) {
        return new Permissions(capabilities, null, null, List.of(), 0, 0);
    }

    Permissions copy() {
        return new Permissions(capabilities, allowedParameters, deniedParameters, requiredParameters,
                minWrappingTtl, maxWrappingTtl);
    }

    Set<Capability> capabilities() {
        return capabilities.contains(Capability.DENY) ? EnumSet.of(Capability.DENY) : EnumSet.copyOf(capabilities);
    }

    boolean isDeny() {
        return capabilities.contains(Capability.DENY);
    }

    /** Adds another policy's rule for the same path, with Vault's merge rules. */
    void merge(Permissions other) {
        if (isDeny()) {
            return;
        }
        if (other.isDeny()) {
            capabilities.clear();
            capabilities.add(Capability.DENY);
            allowedParameters = null;
            deniedParameters = null;
            return;
        }
        capabilities.addAll(other.capabilities);
        // The lesser of two bounds wins, for min as for max (Vault prefers the shortest lifetime).
        if (other.maxWrappingTtl > 0 && (maxWrappingTtl == 0 || other.maxWrappingTtl < maxWrappingTtl)) {
            maxWrappingTtl = other.maxWrappingTtl;
        }
        if (other.minWrappingTtl > 0 && (minWrappingTtl == 0 || other.minWrappingTtl < minWrappingTtl)) {
            minWrappingTtl = other.minWrappingTtl;
        }
        allowedParameters = mergeParameters(allowedParameters, other.allowedParameters);
        deniedParameters = mergeParameters(deniedParameters, other.deniedParameters);
        for (String required : other.requiredParameters) {
            if (!requiredParameters.contains(required)) {
                requiredParameters.add(required);
            }
        }
    }

    /**
     * Whether a request may perform an operation needing {@code capability}, given its parameters and the
     * wrapping TTL it asked for (null: not wrapped). Parameters are checked for read, create, update and
     * patch only, as in Vault.
     */
    boolean allows(Capability capability, Map<String, JsonNode> data, Long wrapTtl) {
        if (isDeny() || !capabilities.contains(capability)) {
            return false;
        }
        if (maxWrappingTtl > 0 && (wrapTtl == null || wrapTtl > maxWrappingTtl)) {
            return false;
        }
        if (minWrappingTtl > 0 && (wrapTtl == null || wrapTtl < minWrappingTtl)) {
            return false;
        }
        if (minWrappingTtl != 0 && maxWrappingTtl != 0 && maxWrappingTtl < minWrappingTtl) {
            return false;
        }
        if (!EnumSet.of(Capability.READ, Capability.CREATE, Capability.UPDATE, Capability.PATCH).contains(capability)) {
            return true;
        }
        for (String required : requiredParameters) {
            if (!data.containsKey(required.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        if (data.isEmpty()) {
            return true;
        }
        if (deniedParameters != null && !deniedParameters.isEmpty()) {
            if (deniedParameters.containsKey("*")) {
                return false;
            }
            for (Map.Entry<String, JsonNode> parameter : data.entrySet()) {
                List<JsonNode> denied = deniedParameters.get(parameter.getKey().toLowerCase(Locale.ROOT));
                if (denied != null && ParameterValues.inDeniedList(parameter.getValue(), denied)) {
                    return false;
                }
            }
        }
        if (allowedParameters == null || allowedParameters.isEmpty()) {
            return true;
        }
        boolean allowedAll = allowedParameters.containsKey("*");
        if (allowedAll && allowedParameters.size() == 1) {
            return true;
        }
        for (Map.Entry<String, JsonNode> parameter : data.entrySet()) {
            List<JsonNode> allowed = allowedParameters.get(parameter.getKey().toLowerCase(Locale.ROOT));
            if (allowed == null && !allowedAll) {
                return false;
            }
            if (allowed != null && !ParameterValues.inAllowedList(parameter.getValue(), allowed)) {
                return false;
            }
        }
        return true;
    }

    /** An empty value list (any value) absorbs the other; otherwise the value lists are joined. */
    private static Map<String, List<JsonNode>> mergeParameters(Map<String, List<JsonNode>> existing,
                                                               Map<String, List<JsonNode>> added) {
        if (added == null || added.isEmpty()) {
            return existing;
        }
        if (existing == null) {
            return copy(added);
        }
        added.forEach((name, values) -> {
            List<JsonNode> current = existing.get(name);
            if (values.isEmpty() || (current != null && current.isEmpty())) {
                existing.put(name, new ArrayList<>());
            } else {
                List<JsonNode> joined = new ArrayList<>(values);
                if (current != null) {
                    joined.addAll(current);
                }
                existing.put(name, joined);
            }
        });
        return existing;
    }

    private static Map<String, List<JsonNode>> copy(Map<String, List<JsonNode>> parameters) {
        if (parameters == null) {
            return null;
        }
        Map<String, List<JsonNode>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }
}
