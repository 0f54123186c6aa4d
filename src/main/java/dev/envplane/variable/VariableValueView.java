package dev.envplane.variable;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A value as clients see it: plain values in full, secret ones only as a Vault version. */
@Type("EnvironmentVariableValue")
@Description("A variable's value in one scope. A secret value is never returned: valueSet and secretVersion say whether "
        + "and when it changed.")
public class VariableValueView {

    private final VariableValue row;
    private final boolean secret;

    VariableValueView(VariableValue row, boolean secret) {
        this.row = row;
        this.secret = secret;
    }

    @NonNull
    public VariableScope getScope() {
        return row.scope();
    }

    @Id
    @Description("The environment this value is for; null for the project default and job values.")
    public UUID getEnvironmentId() {
        return row.environmentId();
    }

    @Id
    @Description("The job this value is for; null for other scopes.")
    public UUID getJobId() {
        return row.jobId();
    }

    @Description("The plain value; always null for a secret variable.")
    public String getValue() {
        return secret ? null : row.value();
    }

    @Description("True when a value is set (for secrets: in Vault).")
    public boolean isValueSet() {
        return row.isSet();
    }

    @Description("The Vault version of a secret value; it increases with every change, so tools can detect drift. Null for "
            + "plain values.")
    public Integer getSecretVersion() {
        return secret && row.isSet() ? row.secrets().version() : null;
    }

    @Description("When the secret value last changed; null for plain values.")
    public Instant getSecretsUpdatedAt() {
        return secret ? row.secrets().updatedAt() : null;
    }

    @NonNull
    public Instant getUpdatedAt() {
        return row.getUpdatedAt();
    }
}
