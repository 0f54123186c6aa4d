package dev.envplane.variable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.secrets.SecretReference;

/**
 * A variable as it applies to one environment or job, after precedence. For secrets it carries where the value is in Vault
 * (path, key, version) for features that hand those locations on; GraphQL shows only the version.
 */
@Type("ResolvedEnvironmentVariable")
@Description("A variable as it applies to an environment or a job: the job's own value if it has one, else the environment's, "
        + "else the project default.")
public class ResolvedVariable {

    private final String name;
    private final boolean secret;
    private final VariableScope source;
    private final String value;
    private final SecretReference secretReference;

    ResolvedVariable(EnvironmentVariable variable, VariableValue winner) {
        this.name = variable.name();
        this.secret = variable.secret();
        this.source = winner.scope();
        this.value = variable.secret() ? null : winner.value();
        this.secretReference = variable.secret() ? winner.secrets() : null;
    }

    @NonNull
    public String getName() {
        return name;
    }

    public boolean isSecret() {
        return secret;
    }

    @NonNull
    @Description("Which value applies: the job's own (JOB), the environment's (ENVIRONMENT) or the project default (PROJECT_DEFAULT).")
    public VariableScope getSource() {
        return source;
    }

    @Description("The plain value; null for secrets.")
    public String getValue() {
        return value;
    }

    @Description("For secrets, the Vault version of the value that applies; null for plain values.")
    public Integer getSecretVersion() {
        return secret ? secretReference.version() : null;
    }

    /** Where a secret value is in Vault (KV v2 path under the mount); null for plain values. */
    @Ignore
    public String getSecretPath() {
        return secret ? secretReference.path() : null;
    }

    /** The key of the value at {@link #getSecretPath()}; null for plain values. */
    @Ignore
    public String getSecretKey() {
        return secret ? VariableValue.SECRET_KEY : null;
    }
}
