package dev.envplane.delivery;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.secrets.WrappingToken;
import dev.envplane.target.SecretLocation;
import dev.envplane.target.TargetSecretPath;

@Type("WrappedSecret")
@Description("One Vault path of the target's secrets, wrapped: POST /v1/sys/wrapping/unwrap on Vault with the wrapping token "
        + "as X-Vault-Token answers the KV v2 read of that version once (data.data.<key>), until expiresAt. envplane never "
        + "held the values.")
public record WrappedSecret(
        @NonNull @Description("The KV v2 path under the mount (what the token unwraps is the read of this path at version).") String path,
        int version,
        @NonNull @Description("Single use: the first unwrap uses it up; a second one, or one after expiresAt, fails. Treat it "
                + "as the secrets themselves until it is used.") String wrappingToken,
        @NonNull @Description("The wrapping token's accessor: to look it up or revoke it in Vault without using it; safe to log.")
        String accessor,
        @NonNull Instant expiresAt,
        @NonNull @Description("The names of the keys inside (never the values).") List<@NonNull String> keys,
        @NonNull @Description("Which environment variable of the target gets which key, and how.") List<@NonNull SecretLocation> supplies) {

    static WrappedSecret of(TargetSecretPath path, WrappingToken token) {
        return new WrappedSecret(path.path(), path.version(), token.token(), token.accessor(), token.expiresAt(),
                List.copyOf(path.keys()), path.supplies());
    }
}
