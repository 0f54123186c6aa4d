package dev.envplane.target;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ProfileField")
@Description("One key of the dbt target in profiles.yml. A secret's value is the env_var() reference dbt reads it "
        + "through, never the secret.")
public record ProfileField(@NonNull String key, @NonNull String value, boolean secret, @NonNull ProfileFieldSource source) {
}
