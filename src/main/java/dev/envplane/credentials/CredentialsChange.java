package dev.envplane.credentials;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.envplane.adapter.Adapter;
import dev.envplane.adapter.AuthMethod;
import dev.envplane.adapter.CredentialColumn;
import dev.envplane.adapter.CredentialField;
import dev.envplane.adapter.SecretPlan;
import dev.envplane.api.ValidationException;
import dev.envplane.secrets.Secret;

/**
 * One validated change of an environment's credentials, from its adapter's credential fields: the non-secret
 * columns as they will be, and which secrets to set or remove in Vault. Fields left out keep their stored value;
 * required ones must end up present.
 */
record CredentialsChange(Map<CredentialColumn, Object> columns, Map<String, Secret> set, Set<String> remove) {

    static CredentialsChange of(CredentialsInput input, List<CredentialSecret> clearSecrets, Adapter adapter,
            EnvironmentCredentials stored) {
        Map.Entry<String, Object> block = input.block();
        if (!block.getKey().equals(adapter.block())) {
            throw new ValidationException(block.getKey(), "This environment's connection is " + adapter.type() + ": give a "
                    + adapter.block() + " block");
        }
        Plan plan = new Plan(adapter.block(), stored, clearSecrets);
        Map<CredentialColumn, Object> columns = new EnumMap<>(CredentialColumn.class);
        for (CredentialField field : adapter.credentialFields()) {
            if (!field.secret()) {
                columns.put(field.column(), plan.column(field, block.getValue()));
            }
        }
        AuthMethod method = (AuthMethod) columns.get(CredentialColumn.AUTH_METHOD);
        // First refuse the secrets of another auth method, then check the method's own, in the adapter's order.
        for (CredentialField field : adapter.credentialFields()) {
            if (field.secret() && !field.usedBy(method)) {
                plan.refuse(field, block.getValue(), method);
            }
        }
        for (CredentialField field : adapter.credentialFields()) {
            if (field.secret() && field.usedBy(method)) {
                plan.secret(field, block.getValue());
            }
        }
        adapter.credentialsRule().check(adapter.block(), plan);
        return plan.build(columns);
    }

    void applyTo(EnvironmentCredentials credentials) {
        columns.forEach(credentials::set);
    }

    /** The secrets as they will be, built field by field. */
    private static final class Plan implements SecretPlan {
        private final String block;
        private final EnvironmentCredentials stored;
        private final Set<String> storedKeys;
        private final Set<String> clear = new HashSet<>();
        private final Set<String> allowed = new HashSet<>();
        private final Map<String, Secret> set = new HashMap<>();
        private final Set<String> remove = new HashSet<>();

        Plan(String block, EnvironmentCredentials stored, List<CredentialSecret> clearSecrets) {
            this.block = block;
            this.stored = stored;
            this.storedKeys = stored == null ? Set.of() : stored.secrets().keys();
            if (clearSecrets != null) {
                clearSecrets.forEach(secret -> clear.add(secret.key()));
            }
        }

        /** The value given, else the stored one, else the default; required ones must end up present. */
        Object column(CredentialField field, Object input) {
            String path = block + "." + field.name();
            Object given = field.read().apply(input);
            Object value = given != null ? field.check().apply(path, given)
                    : stored != null && stored.get(field.column()) != null ? stored.get(field.column()) : field.fallback();
            if (value == null && field.required()) {
                throw new ValidationException(path, field.name() + " is required");
            }
            return value;
        }

        /** A secret of another auth method: refused when given, removed if stored. */
        void refuse(CredentialField field, Object input, AuthMethod method) {
            if (field.read().apply(input) != null) {
                throw new ValidationException(block + "." + field.name(), field.name() + " is for authMethod "
                        + field.methods().iterator().next() + ", not " + method);
            }
            drop(field.name());
        }

        void secret(CredentialField field, Object input) {
            String key = field.name();
            String value = (String) field.read().apply(input);
            allowed.add(key);
            if (value != null) {
                if (value.isEmpty() || value.length() > field.maxLength()) {
                    throw new ValidationException(block + "." + key, key + " must be 1 to " + field.maxLength() + " characters");
                }
                if (clear.contains(key)) {
                    throw new ValidationException("clearSecrets", key + " cannot be both set and cleared");
                }
                set.put(key, Secret.of(value));
            } else if (clear.contains(key)) {
                remove.add(key);
            }
            if (field.required() && !willHave(key)) {
                throw new ValidationException(block + "." + key, key + " is required");
            }
        }

        @Override
        public Secret given(String key) {
            return set.get(key);
        }

        @Override
        public void drop(String key) {
            if (storedKeys.contains(key) && !set.containsKey(key)) {
                remove.add(key);
            }
        }

        @Override
        public boolean willHave(String key) {
            return set.containsKey(key) || (storedKeys.contains(key) && !remove.contains(key) && !clear.contains(key));
        }

        CredentialsChange build(Map<CredentialColumn, Object> columns) {
            for (String key : clear) {
                if (!allowed.contains(key)) {
                    throw new ValidationException("clearSecrets", key + " is not a secret of these credentials");
                }
            }
            return new CredentialsChange(columns, Map.copyOf(set), Set.copyOf(remove));
        }
    }
}
