package dev.envplane.target;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TargetVariable")
@Description("An environment variable a run of this target gets, after precedence. A secret one has no value here: its "
        + "Vault location is in secretLocation.")
public record TargetVariable(@NonNull String name, String value, boolean secret, @NonNull VariableSource source,
        SecretLocation secretLocation) {
}
