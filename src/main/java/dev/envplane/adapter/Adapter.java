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

    /** Profile keys whose value is a secret in every adapter: never a literal value in extended attributes. */
    public static final Set<String> SECRET_PROFILE_KEYS = Set.of("password", "token", "private_key", "private_key_passphrase",
            "keyfile_json", "client_secret");

    /** The profile keys an environment's extended attributes may set: every key dbt's adapter knows, except type. */
    public List<String> extendedAttributeKeys() {
        return profile.stream().map(ProfileKey::key).filter(key -> !key.equals("type")).toList();
    }

    /** Whether a profile key holds a secret (then only an env_var() reference may stand there). */
    public boolean isSecretProfileKey(String key) {
        return SECRET_PROFILE_KEYS.contains(key) || profile.stream().filter(entry -> entry.key().equals(key))
                .flatMap(entry -> entry.sources().stream()).anyMatch(source -> source.envVar() != null);
    }

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
