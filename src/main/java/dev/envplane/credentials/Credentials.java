package dev.envplane.credentials;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

import dev.envplane.adapter.AdapterType;

/**
 * An environment's deployment credentials as the API shows them: never a secret value, only whether each secret
 * is set and which Vault version holds them.
 */
@Interface("Credentials")
@Description("Deployment credentials. Secrets are write-only: only *Set flags and the Vault version are shown.")
public interface Credentials {

    @NonNull
    @Description("Which dbt adapter these credentials are for.")
    AdapterType getAdapterType();

    int getThreads();

    @Description("The Vault KV version holding the current secrets; null when none were ever set.")
    Integer getSecretVersion();

    Instant getSecretsUpdatedAt();

    @NonNull
    Instant getCreatedAt();

    @NonNull
    Instant getUpdatedAt();

    int getVersion();
}
