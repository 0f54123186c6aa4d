package dev.envplane.delivery;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("DeliveredSecrets")
@Description("The secrets an environment's target needs, delivered by Vault: one single-use wrapping token per Vault path, "
        + "for the runner to unwrap on Vault itself.")
public record DeliveredSecrets(
        @NonNull @Id String environmentId,
        @NonNull @Description("When the first of the tokens expires (the requested TTL from now when there is none).") Instant expiresAt,
        @NonNull @Description("Empty when the target reads no secret.") List<@NonNull WrappedSecret> secrets) {
}
