package dev.envplane.credentials;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.secrets.SecretOwners;
import dev.envplane.secrets.SecretReference;
import io.smallrye.mutiny.Uni;

/** The deployment credentials' Vault references, for secret reconciliation. */
@ApplicationScoped
class CredentialsSecretOwners implements SecretOwners {

    private final CredentialsRepository credentials;

    CredentialsSecretOwners(CredentialsRepository credentials) {
        this.credentials = credentials;
    }

    @Override
    public Uni<List<SecretReference>> secretReferences() {
        return credentials.list("secrets.path is not null").map(rows -> rows.stream().map(EnvironmentCredentials::secrets).toList());
    }
}
