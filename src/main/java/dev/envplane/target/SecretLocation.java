package dev.envplane.target;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SecretLocation")
@Description("A secret the profile needs: the environment variable it reads it from (DBT_ENV_SECRET_..., so dbt scrubs it "
        + "from its logs), and where it is in Vault (KV v2: GET /v1/<mount>/data/<path>?version=<version>, then data.<key>).")
public record SecretLocation(@NonNull String profileKey, @NonNull String environmentVariable, @NonNull SecretDelivery delivery,
        @NonNull String mount, @NonNull String path, @NonNull String key, int version) {
}
