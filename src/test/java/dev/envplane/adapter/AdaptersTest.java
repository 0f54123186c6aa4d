package dev.envplane.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.envplane.credentials.CredentialSecret;

/**
 * The adapter definitions are data that connections, credentials, overrides and the profile renderer read: these
 * checks catch a definition that points at a field, secret or override it does not have.
 */
class AdaptersTest {

    @Test
    void everyAdapterTypeHasOneDefinitionFoundByTypeAndByBlock() {
        for (AdapterType type : AdapterType.values()) {
            Adapter adapter = Adapters.of(type);
            assertEquals(type, adapter.type());
            assertEquals(adapter, Adapters.byBlock(adapter.block()).orElseThrow());
        }
        assertEquals(AdapterType.values().length, Adapters.all().stream().map(Adapter::block).distinct().count());
    }

    @Test
    void everyProfileSourceNamesSomethingTheAdapterHas() {
        for (Adapter adapter : Adapters.all()) {
            for (ProfileKey key : adapter.profile()) {
                for (ProfileKey.Source source : key.sources()) {
                    String where = adapter.block() + " profile key " + key.key();
                    switch (source.kind()) {
                        case CONSTANT -> assertTrue(source.value() != null, where);
                        case CONNECTION -> assertTrue(adapter.connectionField(source.name()).filter(f -> !f.secret()).isPresent(), where);
                        case OVERRIDE -> assertTrue(adapter.overrides().contains(source.name()), where);
                        case CREDENTIALS -> assertTrue(adapter.credentialField(source.name()).filter(f -> !f.secret()).isPresent(), where);
                        case SECRET -> assertTrue(adapter.credentialSecretKeys().contains(source.name()), where);
                        case SECRET_FILE -> assertTrue(adapter.connectionSecretKeys().contains(source.name()), where);
                    }
                }
            }
            List<String> keys = adapter.profile().stream().map(ProfileKey::key).toList();
            assertEquals(keys.size(), Set.copyOf(keys).size(), adapter.block() + " names a profile key twice");
            assertTrue(keys.containsAll(List.of("type", "threads")), adapter.block() + " needs type and threads");
        }
    }

    @Test
    void everySecretReachesTheProfileAndCanBeCleared() {
        Set<String> clearable = Arrays.stream(CredentialSecret.values()).map(CredentialSecret::key).collect(Collectors.toSet());
        for (Adapter adapter : Adapters.all()) {
            Set<String> inProfile = adapter.profile().stream().flatMap(key -> key.sources().stream())
                    .filter(source -> source.kind() == ProfileKey.Kind.SECRET || source.kind() == ProfileKey.Kind.SECRET_FILE)
                    .map(ProfileKey.Source::name).collect(Collectors.toSet());
            assertTrue(inProfile.containsAll(adapter.credentialSecretKeys()), adapter.block() + " leaves a secret out of its profile");
            assertTrue(inProfile.containsAll(adapter.connectionSecretKeys()), adapter.block() + " leaves a secret out of its profile");
            assertTrue(clearable.containsAll(adapter.credentialSecretKeys()), adapter.block() + " has a secret clearSecrets cannot name");
        }
    }

    @Test
    void overridesAreConnectionFields() {
        for (Adapter adapter : Adapters.all()) {
            for (String override : adapter.overrides()) {
                assertTrue(adapter.connectionField(override).isPresent(), adapter.block() + " overrides unknown field " + override);
            }
        }
    }

    @Test
    void secretEnvironmentVariablesAreDerivedFromTheKeys() {
        assertEquals(List.of("DBT_ENV_SECRET_PASSWORD", "DBT_ENV_SECRET_PRIVATE_KEY", "DBT_ENV_SECRET_PRIVATE_KEY_PASSPHRASE"),
                Adapters.of(AdapterType.SNOWFLAKE).secretEnvVars());
        assertEquals(List.of("DBT_ENV_SECRET_SERVICE_ACCOUNT_KEY_JSON_PATH"), Adapters.of(AdapterType.BIGQUERY).secretEnvVars());
        assertEquals(List.of("DBT_ENV_SECRET_TOKEN"), Adapters.of(AdapterType.DATABRICKS).secretEnvVars());
        assertEquals("verify-full", ProfileKey.Format.DBT_NAME.apply(SslMode.VERIFY_FULL));
    }
}
