package dev.envplane.adapter;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything envplane knows about one dbt adapter, as data: the name of its input blocks, its connection fields, its
 * credential fields (which are secret), the environment overrides it allows, and how it maps onto dbt's
 * {@code profiles.yml}. Connections, credentials, overrides and profiles all read this one definition.
 *
 * @param block the name of this adapter's block in every input ({@code snowflake}), and the prefix of error paths
 * @param overrides the connection fields an environment may override, by name
 */
public record Adapter(AdapterType type, String block, List<ConnectionField> connectionFields,
        List<CredentialField> credentialFields, CredentialsRule credentialsRule, List<String> overrides, List<ProfileKey> profile) {

    public Optional<ConnectionField> connectionField(String name) {
        return connectionFields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    public Optional<CredentialField> credentialField(String name) {
        return credentialFields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** The keys this adapter's credentials may hold in the secret store. */
    public Set<String> credentialSecretKeys() {
        return credentialFields.stream().filter(CredentialField::secret).map(CredentialField::name).collect(Collectors.toSet());
    }

    /** The keys this adapter's connection may hold in the secret store. */
    public Set<String> connectionSecretKeys() {
        return connectionFields.stream().filter(ConnectionField::secret).map(ConnectionField::name).collect(Collectors.toSet());
    }

    /** The environment variables a profile of this adapter reads secrets from, e.g. DBT_ENV_SECRET_PASSWORD. */
    public List<String> secretEnvVars() {
        return profile.stream().flatMap(key -> key.sources().stream()).map(ProfileKey.Source::envVar)
                .filter(name -> name != null).distinct().toList();
    }

    /** "role, database and warehouse"; "no" when there are none. */
    public String overridesInWords() {
        if (overrides.isEmpty()) {
            return "no";
        }
        if (overrides.size() == 1) {
            return overrides.get(0);
        }
        return String.join(", ", overrides.subList(0, overrides.size() - 1)) + " and " + overrides.get(overrides.size() - 1);
    }
}
