package dev.envplane.variable;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.secrets.SecretOwners;
import dev.envplane.secrets.SecretReference;
import io.smallrye.mutiny.Uni;

/** Secret environment variable values' Vault references, for secret reconciliation. */
@ApplicationScoped
class VariableSecretOwners implements SecretOwners {

    private final VariableValueRepository values;

    VariableSecretOwners(VariableValueRepository values) {
        this.values = values;
    }

    @Override
    public Uni<List<SecretReference>> secretReferences() {
        return values.list("secrets.path is not null").map(rows -> rows.stream().map(VariableValue::secrets).toList());
    }
}
