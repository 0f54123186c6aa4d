package dev.envplane.secrets;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SecretVersionRef")
@Description("One version of a secret in Vault: the KV v2 path under the mount, and the version number.")
public record SecretVersionRef(@NonNull String path, int version) {
}
